package dev.payaracognito.security;

import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import jakarta.servlet.http.HttpServletRequest;
import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.logging.Logger;
import org.eclipse.microprofile.config.Config;

/**
 * Every Cognito setting of the app, from MicroProfile Config (so each is also an environment variable:
 * {@code cognito.client-id} is {@code COGNITO_CLIENT_ID}). The OpenID mechanism reads it through EL as
 * {@code cognitoSettings}. A missing or wrong setting does not stop the app: {@link #problems()} says what to set.
 */
@Named("cognitoSettings")
@ApplicationScoped
public class CognitoSettings {

    private static final Logger LOG = Logger.getLogger(CognitoSettings.class.getName());

    /** Cognito user pool ids: {@code {region}_{alnum}}. */
    private static final String POOL_ID = "[a-z]{2}-(gov-)?[a-z]+-\\d_[a-zA-Z0-9]+";
    private static final String REGION = "[a-z]{2}-(gov-)?[a-z]+-\\d";
    /** Cognito app client ids: word characters and '+', 1 to 128. */
    private static final String CLIENT_ID = "[\\w+]{1,128}";

    @Inject
    private Config config;

    @Inject
    private CognitoDiscovery discovery;

    private String issuer;
    private String clientId;
    private String clientSecret;
    private String configuredDomain;
    private String baseUrl;
    private List<String> apiClientIds;
    private CognitoKeys.Policy jwksPolicy;
    private int tokenCacheSize;
    private int revokedSignInsSize;
    private Duration sessionIdleTimeout;
    private Duration sessionMaxLifetime;
    private List<String> problems = new ArrayList<>();

    @PostConstruct
    void read() {
        issuer = issuer();
        clientId = setting("cognito.client-id").orElse(null);
        if (clientId == null || !clientId.matches(CLIENT_ID)) {
            problems.add("Set COGNITO_CLIENT_ID (cognito.client-id) to the id of your user pool's app client.");
        }
        clientSecret = setting("cognito.client-secret").orElse(null);
        if (clientSecret == null) {
            problems.add("Set COGNITO_CLIENT_SECRET (cognito.client-secret): the app client needs a secret.");
        }
        configuredDomain = setting("cognito.domain").map(d -> url(d, "COGNITO_DOMAIN (cognito.domain)")).orElse(null);
        baseUrl = setting("app.base-url").map(u -> url(u, "APP_BASE_URL (app.base-url)")).orElse(null);
        apiClientIds = setting("cognito.api-client-ids").map(ids -> List.of(ids.split("\\s*,\\s*"))).orElse(List.of());
        jwksPolicy = readJwksPolicy();
        sessionIdleTimeout = sessionDuration("app.session.idle-timeout", Duration.ofMinutes(30));
        sessionMaxLifetime = sessionDuration("app.session.max-lifetime", Duration.ofHours(12));
        tokenCacheSize = config.getOptionalValue("cognito.token-cache.size", Integer.class).orElse(10_000);
        revokedSignInsSize = config.getOptionalValue("cognito.revoked-sign-ins.size", Integer.class).orElse(100_000);
        problems = List.copyOf(problems);
        if (!problems.isEmpty()) {
            LOG.warning("Cognito sign-in is not configured: " + String.join(" ", problems));
        }
    }

    /** How the pool's JWKS is fetched and cached (see {@link #readJwksPolicy()}). */
    public CognitoKeys.Policy jwksPolicy() {
        return jwksPolicy;
    }

    /** Sessions end after this long without a request: {@code app.session.idle-timeout}, default 30 minutes. */
    public Duration sessionIdleTimeout() {
        return sessionIdleTimeout;
    }

    /** Signed-in sessions end this long after sign-in, whatever the activity: {@code app.session.max-lifetime}. */
    public Duration sessionMaxLifetime() {
        return sessionMaxLifetime;
    }

    /** How many validated access tokens are kept: {@code cognito.token-cache.size}, default 10,000. */
    public int tokenCacheSize() {
        return tokenCacheSize;
    }

    /** How many ended sign-ins the API keeps refusing the tokens of: {@code cognito.revoked-sign-ins.size}. */
    public int revokedSignInsSize() {
        return revokedSignInsSize;
    }

    /** What must be set before anyone can sign in; empty when the settings are complete. */
    public List<String> problems() {
        return problems;
    }

    /** {@code https://cognito-idp.{region}.amazonaws.com/{userPoolId}}, or {@code cognito.issuer} as given. */
    public String getIssuer() {
        return issuer;
    }

    /** Cognito's JWKS is always at this path under the issuer. */
    public String getJwksUri() {
        return issuer + "/.well-known/jwks.json";
    }

    public String getClientId() {
        return clientId;
    }

    public String getClientSecret() {
        return clientSecret;
    }

    /** Our client, and the other app clients of the pool whose access tokens the API accepts. */
    public List<String> accessTokenClients() {
        List<String> clients = new ArrayList<>(apiClientIds);
        clients.add(clientId);
        return clients;
    }

    /**
     * The hosted-UI domain (Cognito's second host): {@code cognito.domain}, or else read from the discovery
     * document's {@code authorization_endpoint}.
     *
     * @throws CognitoUnavailable when it must be discovered and Cognito cannot be reached
     */
    public String domain() {
        return configuredDomain != null ? configuredDomain : discovery.domain(issuer);
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

    /**
     * The callback registered at Cognito. Without {@code app.base-url} it follows the request's host
     * ({@code ${baseURL}} is Soteria's placeholder for it): fine for development, not behind a proxy.
     */
    public String getRedirectUri() {
        return (baseUrl != null ? baseUrl : "${baseURL}") + "/callback";
    }

    /** The app's public base URL: {@code app.base-url}, or else the request's scheme, host and port. */
    public String baseUrl(HttpServletRequest request) {
        if (baseUrl != null) {
            return baseUrl;
        }
        String origin = request.getScheme() + "://" + request.getServerName() + ":" + request.getServerPort();
        return origin + request.getContextPath();
    }

    public boolean isHttps() {
        return baseUrl != null && baseUrl.startsWith("https://");
    }

    /**
     * Cognito's own sign-out, which is not OpenID Connect's RP-initiated logout: {@code client_id} and a
     * {@code logout_uri} that is one of the client's allowed sign-out URLs; no {@code id_token_hint}.
     */
    public String logoutUrl(HttpServletRequest request) {
        return domain() + "/logout?client_id=" + encode(clientId) + "&logout_uri="
                + encode(baseUrl(request) + "/");
    }

    private String issuer() {
        Optional<String> explicit = setting("cognito.issuer");
        if (explicit.isPresent()) {
            return url(explicit.get(), "COGNITO_ISSUER (cognito.issuer)");
        }
        Optional<String> region = setting("cognito.region");
        Optional<String> pool = setting("cognito.user-pool-id");
        if (region.isEmpty() || pool.isEmpty()) {
            problems.add("Set COGNITO_REGION and COGNITO_USER_POOL_ID (or COGNITO_ISSUER) to your user pool.");
            return null;
        }
        if (!region.get().matches(REGION) || !pool.get().matches(POOL_ID)
                || !pool.get().startsWith(region.get() + "_")) {
            problems.add("COGNITO_USER_POOL_ID must look like eu-west-1_AbC123xyz, in COGNITO_REGION.");
            return null;
        }
        return "https://cognito-idp." + region.get() + ".amazonaws.com/" + pool.get();
    }

    /** An absolute https URL (http only on localhost), without a trailing slash. */
    private String url(String value, String name) {
        String url = value.endsWith("/") ? value.substring(0, value.length() - 1) : value;
        try {
            URI uri = URI.create(url);
            boolean local = "localhost".equals(uri.getHost()) || "127.0.0.1".equals(uri.getHost());
            if ("https".equals(uri.getScheme()) && uri.getHost() != null
                    || "http".equals(uri.getScheme()) && local) {
                return url;
            }
        } catch (IllegalArgumentException malformed) {
            // reported below
        }
        problems.add(name + " must be an https URL (http only on localhost).");
        return null;
    }

    /**
     * {@code cognito.jwks.connect-timeout}, {@code .read-timeout}, {@code .size-limit} (bytes),
     * {@code .cache-ttl}, {@code .min-refetch-interval}, {@code .outage-tolerance} (ISO-8601 durations such as
     * PT15S), each defaulting to {@link CognitoKeys.Policy#defaults()}.
     */
    private CognitoKeys.Policy readJwksPolicy() {
        CognitoKeys.Policy defaults = CognitoKeys.Policy.defaults();
        try {
            CognitoKeys.Policy policy = new CognitoKeys.Policy(
                    duration("cognito.jwks.connect-timeout", defaults.connectTimeout()),
                    duration("cognito.jwks.read-timeout", defaults.readTimeout()),
                    config.getOptionalValue("cognito.jwks.size-limit", Integer.class).orElse(defaults.sizeLimitBytes()),
                    duration("cognito.jwks.cache-ttl", defaults.cacheTimeToLive()),
                    duration("cognito.jwks.min-refetch-interval", defaults.minTimeBetweenFetches()),
                    duration("cognito.jwks.outage-tolerance", defaults.outageTolerance()));
            if (policy.minTimeBetweenFetches().compareTo(policy.cacheTimeToLive()) >= 0) {
                problems.add("cognito.jwks.min-refetch-interval must be shorter than cognito.jwks.cache-ttl.");
            }
            return policy;
        } catch (RuntimeException e) {
            problems.add("cognito.jwks.* must be ISO-8601 durations such as PT15S (size-limit: bytes).");
            return defaults;
        }
    }

    private Duration sessionDuration(String name, Duration fallback) {
        try {
            Duration duration = duration(name, fallback);
            if (!duration.isNegative() && !duration.isZero()) {
                return duration;
            }
        } catch (RuntimeException malformed) {
            // reported below
        }
        problems.add(name + " must be a positive ISO-8601 duration such as PT30M.");
        return fallback;
    }

    private Duration duration(String name, Duration fallback) {
        return setting(name).map(Duration::parse).orElse(fallback);
    }

    private Optional<String> setting(String name) {
        return config.getOptionalValue(name, String.class).map(String::trim).filter(v -> !v.isEmpty());
    }

    private static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }
}
