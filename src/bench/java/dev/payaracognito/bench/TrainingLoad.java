package dev.payaracognito.bench;

import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * What the ahead-of-time cache's training start serves before it stops (JEP 515: the profiles of what the training
 * ran are in the cache, so that the JIT compiles the request paths soon after a start, and the classes those paths
 * load are found loaded and linked): browsers signing in through the hosted UI, looking at their profile and signing
 * out; the Bearer API with a service's token, with a forged one and with none; the public pages, health, metrics and
 * the API's description. Against the local Cognito's demo pool, as the demo's first start and the benchmarks'
 * training run it: {@code java src/bench/java/dev/payaracognito/bench/TrainingLoad.java <app> <cognito domain>
 * <machine client id> <its secret> <username> <password>}. Fails (status 1) if the app does not answer as it should:
 * a cache trained on error pages would be trained on the wrong paths.
 */
public final class TrainingLoad {

    private static final int SIGN_INS = 120;
    private static final int PAGES_PER_SIGN_IN = 5;
    private static final int API_CALLS = 3_000;
    private static final int PARALLEL = 8;
    private static final Pattern HOSTED_UI_CSRF = Pattern.compile("name=\"_csrf\" value=\"([^\"]+)\"");
    private static final Pattern HOSTED_UI_FORM = Pattern.compile("<form[^>]*name=\"signInForm\"[^>]*action=\"([^\"]+)\"");
    private static final Pattern SIGN_OUT_FORM = Pattern.compile("<form id=\"signOut\"[^>]*action=\"([^\"]+)\"(.*?)</form>",
            Pattern.DOTALL);
    private static final Pattern HIDDEN = Pattern.compile("<input type=\"hidden\" name=\"([^\"]+)\"[^>]*value=\"([^\"]*)\"");

    private final URI app;
    private final URI cognito;
    private final String machineClient;
    private final String machineSecret;
    private final String username;
    private final String password;
    private final HttpClient api = client(null);

    public TrainingLoad(URI app, URI cognito, String machineClient, String machineSecret, String username,
            String password) {
        this.app = app;
        this.cognito = cognito;
        this.machineClient = machineClient;
        this.machineSecret = machineSecret;
        this.username = username;
        this.password = password;
    }

    public static void main(String[] args) throws Exception {
        if (args.length != 6) {
            System.err.println("usage: java TrainingLoad.java <app> <cognito domain> <machine client id> <its secret>"
                    + " <username> <password>");
            System.exit(2);
        }
        new TrainingLoad(URI.create(args[0]), URI.create(args[1]), args[2], args[3], args[4], args[5]).run();
    }

    public void run() throws IOException, InterruptedException {
        for (int i = 0; i < SIGN_INS; i++) {
            browserSession();
        }
        String token = serviceToken();
        repeat(API_CALLS, PARALLEL, get("/api/me").header("Authorization", "Bearer " + token), 200);
        repeat(API_CALLS / 10, PARALLEL, get("/api/me").header("Authorization", "Bearer " + forged(token)), 401);
        repeat(API_CALLS / 10, PARALLEL, get("/api/me"), 401);
        repeat(API_CALLS / 3, PARALLEL, get("/api/status"), 200);
        repeat(100, PARALLEL, get("/"), 200);
        // one at a time, as probes and scrapers ask (Payara's metrics registry logs races of its first requests)
        for (String path : List.of("/health/ready", "/health/live", "/metrics", "/openapi")) {
            repeat(10, 1, get(path), 200);
        }
    }

    /** A browser without cookies: the protected page, the hosted UI, the password, the page, more pages, sign-out. */
    private void browserSession() throws IOException, InterruptedException {
        try (HttpClient browser = client(new BrowserCookies())) {
            signInAndOut(browser);
        }
    }

    private void signInAndOut(HttpClient browser) throws IOException, InterruptedException {
        HttpResponse<String> page = follow(browser, get("/secure/profile.xhtml"));
        Matcher csrf = HOSTED_UI_CSRF.matcher(page.body());
        Matcher form = HOSTED_UI_FORM.matcher(page.body());
        if (!csrf.find() || !form.find()) {
            throw new IOException("the protected page did not lead to the hosted UI's form: " + page.uri());
        }
        page = follow(browser, post(page.uri().resolve(form.group(1).replace("&amp;", "&")),
                "_csrf=" + encode(csrf.group(1)) + "&username=" + encode(username) + "&password=" + encode(password)));
        for (int view = 0; view < PAGES_PER_SIGN_IN; view++) {
            requireProfile(page);
            page = follow(browser, get("/secure/profile.xhtml"));
        }
        requireProfile(page);
        Matcher signOut = SIGN_OUT_FORM.matcher(page.body());
        if (!signOut.find()) {
            throw new IOException("the profile page has no sign-out form");
        }
        StringBuilder fields = new StringBuilder("signOut%3AsignOutButton=Sign+out");
        Matcher hidden = HIDDEN.matcher(signOut.group(2));
        while (hidden.find()) {
            fields.append('&').append(encode(hidden.group(1))).append('=').append(encode(unescape(hidden.group(2))));
        }
        HttpResponse<String> out = send(browser, post(page.uri().resolve(unescape(signOut.group(1))),
                fields.toString()));
        if (out.statusCode() != 302 && out.statusCode() != 303) {
            throw new IOException("signing out answered " + out.statusCode());
        }
    }

    /** A service's access token (client credentials), as another app calling the API gets one. */
    private String serviceToken() throws IOException, InterruptedException {
        String basic = Base64.getEncoder().encodeToString((encode(machineClient) + ":" + encode(machineSecret))
                .getBytes(StandardCharsets.UTF_8));
        HttpResponse<String> answer = api.send(HttpRequest.newBuilder(cognito.resolve("/oauth2/token"))
                .timeout(Duration.ofSeconds(30)).header("Authorization", "Basic " + basic)
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString("grant_type=client_credentials&scope=payara-api%2Fread"))
                .build(), HttpResponse.BodyHandlers.ofString());
        Matcher token = Pattern.compile("\"access_token\"\\s*:\\s*\"([^\"]+)\"").matcher(answer.body());
        if (answer.statusCode() != 200 || !token.find()) {
            throw new IOException("no service token from the local Cognito: " + answer.statusCode());
        }
        return token.group(1);
    }

    /** The token with its signature's last characters changed: a forgery the app must refuse. */
    private static String forged(String token) {
        return token.substring(0, token.length() - 4) + (token.endsWith("AAAA") ? "BBBB" : "AAAA");
    }

    /** {@code times} requests, {@code parallel} at a time, each answered {@code status}. */
    private void repeat(int times, int parallel, HttpRequest.Builder request, int status)
            throws IOException, InterruptedException {
        HttpRequest built = request.build();
        for (int sent = 0; sent < times; sent += parallel) {
            List<CompletableFuture<HttpResponse<Void>>> batch = new ArrayList<>();
            for (int i = 0; i < parallel && sent + i < times; i++) {
                batch.add(api.sendAsync(built, HttpResponse.BodyHandlers.discarding()));
            }
            for (CompletableFuture<HttpResponse<Void>> answer : batch) {
                int answered = answer.join().statusCode();
                if (answered != status) {
                    throw new IOException(built.uri().getPath() + " answered " + answered + ", not " + status);
                }
            }
        }
    }

    private void requireProfile(HttpResponse<String> page) throws IOException {
        if (page.statusCode() != 200 || !page.body().contains("<dd id=\"username\">" + username + "</dd>")) {
            throw new IOException("not " + username + "'s profile: " + page.uri() + " " + page.statusCode());
        }
    }

    /** Sends and follows redirects as a browser does (a 302 after a POST: a GET). */
    private static HttpResponse<String> follow(HttpClient browser, HttpRequest.Builder request)
            throws IOException, InterruptedException {
        HttpResponse<String> response = send(browser, request);
        for (int hops = 0; hops < 10 && response.statusCode() / 100 == 3; hops++) {
            response = send(browser, HttpRequest.newBuilder(response.uri().resolve(
                    response.headers().firstValue("Location").orElseThrow())).timeout(Duration.ofSeconds(30)));
        }
        return response;
    }

    private static HttpResponse<String> send(HttpClient browser, HttpRequest.Builder request)
            throws IOException, InterruptedException {
        return browser.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    private HttpRequest.Builder get(String path) {
        return HttpRequest.newBuilder(app.resolve(path)).timeout(Duration.ofSeconds(30));
    }

    private static HttpRequest.Builder post(URI uri, String form) {
        return HttpRequest.newBuilder(uri).timeout(Duration.ofSeconds(30))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(form));
    }

    private static HttpClient client(BrowserCookies cookies) {
        HttpClient.Builder builder = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
                .followRedirects(HttpClient.Redirect.NEVER).connectTimeout(Duration.ofSeconds(10));
        return cookies == null ? builder.build() : builder.cookieHandler(cookies).build();
    }

    private static String unescape(String html) {
        return html.replace("&amp;", "&").replace("&quot;", "\"").replace("&#39;", "'").replace("&lt;", "<")
                .replace("&gt;", ">");
    }

    private static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }
}
