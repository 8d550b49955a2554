package dev.payaracognito.localcognito;

import com.nimbusds.jose.util.JSONObjectUtils;
import dev.payaracognito.localcognito.endpoints.Exchange;
import java.io.IOException;
import java.net.CookieManager;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.text.ParseException;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A browser without a browser, for tests: it signs in at the hosted UI and redeems codes, following nothing by
 * itself, also through an identity provider; and a machine client's token request.
 */
public final class HostedUiClient {

    private static final Pattern CSRF = Pattern.compile("name=\"_csrf\" value=\"([^\"]+)\"");
    private static final Pattern ACCOUNT = Pattern.compile("name=\"userId\" value=\"([^\"]+)\"");

    private final LocalCognito cognito;
    private final HttpClient http = HttpClient.newBuilder().cookieHandler(new CookieManager()).build();

    public HostedUiClient(LocalCognito cognito) {
        this.cognito = cognito;
    }

    public static Map<String, String> authorizeParameters() {
        Map<String, String> parameters = new LinkedHashMap<>();
        parameters.put("response_type", "code");
        parameters.put("client_id", UserPool.DEMO_CLIENT_ID);
        parameters.put("redirect_uri", UserPool.DEMO_CALLBACK_URL);
        parameters.put("scope", "openid email profile");
        parameters.put("state", "state-1");
        parameters.put("nonce", "nonce-1");
        return parameters;
    }

    public HttpResponse<String> get(String pathAndQuery) throws IOException, InterruptedException {
        return http.send(HttpRequest.newBuilder(URI.create(cognito.domain() + pathAndQuery)).build(),
                HttpResponse.BodyHandlers.ofString());
    }

    /** One of the issuer's documents: {@code openid-configuration} or {@code jwks.json}. */
    public HttpResponse<String> wellKnown(String document) throws IOException, InterruptedException {
        return http.send(HttpRequest.newBuilder(URI.create(cognito.issuer() + "/.well-known/" + document)).build(),
                HttpResponse.BodyHandlers.ofString());
    }

    public HttpResponse<String> authorize(Map<String, String> parameters) throws IOException, InterruptedException {
        return get(Exchange.withParameters("/oauth2/authorize", parameters));
    }

    /** The sign-in form for these parameters, then the form posted: the answer to the POST. */
    public HttpResponse<String> submitSignIn(Map<String, String> parameters, String username, String password)
            throws IOException, InterruptedException {
        String loginPath = Exchange.withParameters("/login", parameters);
        HttpResponse<String> form = get(loginPath);
        Matcher csrf = CSRF.matcher(form.body());
        if (!csrf.find()) {
            throw new AssertionError("no sign-in form: " + form.body());
        }
        return post(loginPath, Map.of("_csrf", csrf.group(1), "username", username, "password", password), null);
    }

    /** Signs in through the form and answers the callback URL (with code and state). */
    public URI signIn(Map<String, String> parameters, String username, String password)
            throws IOException, InterruptedException {
        HttpResponse<String> answer = submitSignIn(parameters, username, password);
        if (answer.statusCode() != 302) {
            throw new AssertionError("sign-in did not return to the client: " + answer.statusCode());
        }
        return URI.create(answer.headers().firstValue("Location").orElseThrow());
    }

    /**
     * Signs in through an identity provider: the authorize request with {@code identity_provider}, the stand-in
     * provider's page, its first account chosen; answers the callback URL (with code and state).
     */
    public URI federatedSignIn(Map<String, String> parameters, String providerName)
            throws IOException, InterruptedException {
        return atProvider(parameters, providerName, page -> {
            Matcher account = ACCOUNT.matcher(page);
            if (!account.find()) {
                throw new AssertionError("no account on the identity provider's page: " + page);
            }
            return Map.of("userId", account.group(1));
        });
    }

    /** Goes to an identity provider as {@link #federatedSignIn} does, and cancels there: the callback URL. */
    public URI federatedCancel(Map<String, String> parameters, String providerName)
            throws IOException, InterruptedException {
        return atProvider(parameters, providerName, page -> Map.of("cancel", "cancel"));
    }

    private URI atProvider(Map<String, String> parameters, String providerName,
            Function<String, Map<String, String>> choice) throws IOException, InterruptedException {
        Map<String, String> withProvider = new LinkedHashMap<>(parameters);
        withProvider.put("identity_provider", providerName);
        String providerPage = authorize(withProvider).headers().firstValue("Location")
                .orElseThrow(() -> new AssertionError("authorize did not go on to " + providerName))
                .substring(cognito.domain().length());
        HttpResponse<String> page = get(providerPage);
        Matcher csrf = CSRF.matcher(page.body());
        if (!csrf.find()) {
            throw new AssertionError("no identity provider's page: " + page.body());
        }
        Map<String, String> form = new LinkedHashMap<>(choice.apply(page.body()));
        form.put("_csrf", csrf.group(1));
        HttpResponse<String> answer = post(providerPage, form, null);
        if (answer.statusCode() != 302) {
            throw new AssertionError("the identity provider did not return to the client: " + answer.statusCode());
        }
        return URI.create(answer.headers().firstValue("Location").orElseThrow());
    }

    public String code(Map<String, String> parameters, String username, String password)
            throws IOException, InterruptedException {
        return queryParameter(signIn(parameters, username, password), "code");
    }

    public HttpResponse<String> post(String path, Map<String, String> form, String basicCredentials)
            throws IOException, InterruptedException {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(cognito.domain() + path))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(Exchange.withParameters("", form).substring(1)));
        if (basicCredentials != null) {
            request.header("Authorization", "Basic " + Base64.getEncoder()
                    .encodeToString(basicCredentials.getBytes(StandardCharsets.UTF_8)));
        }
        return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    /** The token endpoint with the demo client's Basic credentials. */
    public HttpResponse<String> token(Map<String, String> form) throws IOException, InterruptedException {
        return post("/oauth2/token", form, UserPool.DEMO_CLIENT_ID + ":" + UserPool.DEMO_CLIENT_SECRET);
    }

    /**
     * The {@code client_credentials} grant with Basic client authentication; {@code scope} is sent only when
     * scopes are given (space-separated, as Cognito wants them).
     */
    public HttpResponse<String> clientCredentials(String clientId, String clientSecret, String... scopes)
            throws IOException, InterruptedException {
        Map<String, String> form = new LinkedHashMap<>();
        form.put("grant_type", "client_credentials");
        if (scopes.length > 0) {
            form.put("scope", String.join(" ", scopes));
        }
        return post("/oauth2/token", form, clientId + ":" + clientSecret);
    }

    /** A machine client's token response ({@code access_token}, {@code expires_in}, {@code token_type}). */
    public Map<String, Object> machineTokens(String clientId, String clientSecret, String... scopes)
            throws IOException, InterruptedException {
        HttpResponse<String> answer = clientCredentials(clientId, clientSecret, scopes);
        if (answer.statusCode() != 200) {
            throw new AssertionError("client_credentials refused: " + answer.body());
        }
        return json(answer.body());
    }

    public Map<String, Object> redeem(String code) throws IOException, InterruptedException {
        HttpResponse<String> answer = token(Map.of("grant_type", "authorization_code", "code", code,
                "redirect_uri", UserPool.DEMO_CALLBACK_URL));
        if (answer.statusCode() != 200) {
            throw new AssertionError("token request refused: " + answer.body());
        }
        return json(answer.body());
    }

    /** Signs in with the demo client's usual parameters and answers the token response. */
    public Map<String, Object> tokens(String username, String password) throws IOException, InterruptedException {
        return redeem(code(authorizeParameters(), username, password));
    }

    public static Map<String, Object> json(String body) {
        try {
            return JSONObjectUtils.parse(body);
        } catch (ParseException e) {
            throw new AssertionError("not JSON: " + body, e);
        }
    }

    public static String queryParameter(URI uri, String name) {
        for (String pair : uri.getRawQuery().split("&")) {
            String[] kv = pair.split("=", 2);
            if (kv[0].equals(name)) {
                return java.net.URLDecoder.decode(kv[1], StandardCharsets.UTF_8);
            }
        }
        return null;
    }
}
