package dev.payaracognito.cognito;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import jakarta.servlet.http.HttpServletRequest;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Optional;

/**
 * Where Cognito is, for the OpenID mechanism (which reads this through EL as {@code cognitoEndpoints}) and for the
 * app's own calls: the issuer's documents on Cognito's first host, the hosted UI's endpoints on its second host
 * (its domain), our client and our callback.
 */
@Named("cognitoEndpoints")
@ApplicationScoped
public class CognitoEndpoints {

    @Inject
    private CognitoSettings settings;

    @Inject
    private CognitoDiscovery discovery;

    /** Cognito's JWKS is always at this path under the issuer. */
    public static final String JWKS_PATH = "/.well-known/jwks.json";

    /**
     * The issuer of the ID tokens of sign-ins, which the OpenID mechanism checks exactly: with one issuer
     * accepted, that one; with both formats, the one the pool's discovery document names (the pool's issuer
     * configuration decides which format its tokens carry), if it is one of ours. Sign-ins come through the
     * configured hosted-UI domain, so their tokens name the home region, never a replica.
     *
     * @throws CognitoUnavailable when that document cannot be had now
     */
    public String getIssuer() {
        List<String> candidates = settings.pool().signInIssuers();
        return candidates.size() == 1 ? candidates.get(0) : discovery.announcedIssuer(candidates);
    }

    /** {@link #getIssuer()} if it is known without asking Cognito: for what a public request may trigger. */
    public Optional<String> knownIssuer() {
        List<String> candidates = settings.pool().signInIssuers();
        return candidates.size() == 1 ? Optional.of(candidates.get(0)) : discovery.knownIssuer();
    }

    /** The JWKS of the sign-ins' issuer. */
    public String getJwksUri() {
        return getIssuer() + JWKS_PATH;
    }

    public String getClientId() {
        return settings.client().clientId();
    }

    public String getClientSecret() {
        return settings.client().clientSecret();
    }

    /**
     * The hosted-UI domain (Cognito's second host): {@code cognito.domain}, or else read from the discovery
     * document's {@code authorization_endpoint}.
     *
     * @throws CognitoUnavailable when it must be discovered and Cognito cannot be reached
     */
    public String domain() {
        String configured = settings.client().configuredDomain();
        return configured != null ? configured : discovery.domain(getIssuer());
    }

    public String getAuthorizationEndpoint() {
        return domain() + "/oauth2/authorize";
    }

    public String getTokenEndpoint() {
        return domain() + "/oauth2/token";
    }

    /** Cognito: userInfo with a capital I (its paths are case-sensitive). */
    public String getUserinfoEndpoint() {
        return domain() + "/oauth2/userInfo";
    }

    public String getEndSessionEndpoint() {
        return domain() + "/logout";
    }

    public String revocationEndpoint() {
        return domain() + "/oauth2/revoke";
    }

    /**
     * The callback registered at Cognito. Without {@code app.base-url} it follows the request's host
     * ({@code ${baseURL}} is Soteria's placeholder for it): fine for development, not behind a proxy.
     */
    public String getRedirectUri() {
        return registeredCallback().orElse("${baseURL}/callback");
    }

    /** The callback URL registered at Cognito, when the app's public base URL is set. */
    public Optional<String> registeredCallback() {
        return Optional.ofNullable(settings.site().configuredBaseUrl()).map(baseUrl -> baseUrl + "/callback");
    }

    /**
     * Cognito's own sign-out, which is not OpenID Connect's RP-initiated logout: {@code client_id} and a
     * {@code logout_uri} that is one of the client's allowed sign-out URLs; no {@code id_token_hint}.
     */
    public String logoutUrl(HttpServletRequest request) {
        return domain() + "/logout?client_id=" + encode(settings.client().clientId()) + "&logout_uri="
                + encode(settings.site().baseUrl(request) + "/");
    }

    private static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }
}
