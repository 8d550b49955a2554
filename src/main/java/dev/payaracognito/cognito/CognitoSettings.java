package dev.payaracognito.cognito;

import dev.payaracognito.audit.ClientAddress;
import dev.payaracognito.cluster.SessionKeys;
import dev.payaracognito.security.token.CognitoKeys;
import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.servlet.http.HttpServletRequest;
import java.net.URI;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.function.UnaryOperator;
import java.util.logging.Logger;
import org.eclipse.microprofile.config.Config;

/**
 * Every setting of the app, from MicroProfile Config (so each is also an environment variable:
 * {@code cognito.client-id} is {@code COGNITO_CLIENT_ID}), read once as its type ({@link TypedConfig}) and
 * checked: a missing or wrong setting does not stop the app, {@link #problems()} says what to set (every page
 * shows it, the log says it once), and sane defaults stand in meanwhile.
 */
@ApplicationScoped
public class CognitoSettings {

    private static final Logger LOG = Logger.getLogger(CognitoSettings.class.getName());

    /** Cognito user pool ids: {@code {region}_{alnum}}. */
    private static final String POOL_ID = "[a-z]{2}-(gov-)?[a-z]+-\\d_[a-zA-Z0-9]+";
    private static final String REGION = "[a-z]{2}-(gov-)?[a-z]+-\\d";
    /** Cognito's identity provider names: 1 to 32 letters, digits, marks, symbols or punctuation. */
    private static final String PROVIDER_NAME = "[\\p{L}\\p{M}\\p{S}\\p{N}\\p{P}&&[^,]]{1,32}";
    private static final String IDENTITY_PROVIDERS = "COGNITO_IDENTITY_PROVIDERS (cognito.identity-providers) must be "
            + "the names of the pool's identity providers as in Cognito (e.g. Google,Okta-SAML), comma-separated.";
    private static final String ADDITIONAL_REGIONS = "COGNITO_ADDITIONAL_REGIONS (cognito.additional-regions) must be "
            + "the regions, other than COGNITO_REGION, to which the pool is replicated, comma-separated.";
    /** Cognito app client ids: word characters and '+', 1 to 128. */
    private static final String CLIENT_ID = "[\\w+]{1,128}";
    private static final String JWKS_DURATIONS = "cognito.jwks.* must be ISO-8601 durations such as PT15S.";
    private static final String SESSION_DURATIONS = "APP_SESSION_IDLE_TIMEOUT, APP_SESSION_MAX_LIFETIME and"
            + " APP_SESSION_PENDING_LIFETIME (app.session.*) must be positive ISO-8601 durations such as PT30M.";

    static final Duration DEFAULT_IDLE_TIMEOUT = Duration.ofMinutes(30);
    static final Duration DEFAULT_MAX_LIFETIME = Duration.ofHours(12);
    static final Duration DEFAULT_PENDING_LIFETIME = Duration.ofMinutes(15);
    static final int DEFAULT_TOKEN_CACHE_SIZE = 10_000;
    static final int DEFAULT_REVOKED_SIGN_INS_SIZE = 100_000;

    @Inject
    private Config config;

    private String issuer;
    private List<String> issuers = List.of();
    private List<String> signInIssuers = List.of();
    private List<String> identityProviders = List.of();
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
    private Duration pendingSignInLifetime;
    private SessionKeys sessionKeys;
    private ClientAddress clientAddress = ClientAddress.DIRECT;
    private boolean readyRequiresCognito;
    private boolean developmentMode;
    private String nodeName;
    private List<String> problems = new ArrayList<>();

    @PostConstruct
    void read() {
        TypedConfig settings = new TypedConfig(config, problems);
        developmentMode = settings.value("app.development-mode", Boolean.class, false,
                "APP_DEVELOPMENT_MODE (app.development-mode) must be true or false.");
        issuer = readIssuer(settings);
        clientId = settings.text("cognito.client-id").orElse(null);
        if (clientId == null || !clientId.matches(CLIENT_ID)) {
            problems.add("Set COGNITO_CLIENT_ID (cognito.client-id) to the id of your user pool's app client.");
        }
        clientSecret = settings.text("cognito.client-secret").orElse(null);
        if (clientSecret == null) {
            problems.add("Set COGNITO_CLIENT_SECRET (cognito.client-secret): the app client needs a secret.");
        }
        configuredDomain = settings.text("cognito.domain").map(d -> url(d, "COGNITO_DOMAIN (cognito.domain)"))
                .orElse(null);
        baseUrl = settings.text("app.base-url").map(u -> url(u, "APP_BASE_URL (app.base-url)")).orElse(null);
        identityProviders = Arrays.stream(settings.value("cognito.identity-providers", String[].class, new String[0],
                        IDENTITY_PROVIDERS)).map(String::strip).filter(name -> !name.isEmpty()).distinct().toList();
        if (identityProviders.stream().anyMatch(name -> !name.matches(PROVIDER_NAME))) {
            problems.add(IDENTITY_PROVIDERS);
        }
        apiClientIds = Arrays.stream(settings.value("cognito.api-client-ids", String[].class, new String[0],
                        "COGNITO_API_CLIENT_IDS (cognito.api-client-ids) must be app client ids, comma-separated."))
                .map(String::strip).filter(id -> !id.isEmpty()).toList();
        tokenCacheSize = atLeastOne(settings.value("cognito.token-cache.size", Integer.class,
                DEFAULT_TOKEN_CACHE_SIZE,
                "COGNITO_TOKEN_CACHE_SIZE (cognito.token-cache.size) must be a whole number."),
                "cognito.token-cache.size");
        revokedSignInsSize = atLeastOne(settings.value("cognito.revoked-sign-ins.size", Integer.class,
                DEFAULT_REVOKED_SIGN_INS_SIZE,
                "COGNITO_REVOKED_SIGN_INS_SIZE (cognito.revoked-sign-ins.size) must be a whole number."),
                "cognito.revoked-sign-ins.size");
        jwksPolicy = readJwksPolicy(settings);
        sessionIdleTimeout = positive(settings.value("app.session.idle-timeout", Duration.class,
                DEFAULT_IDLE_TIMEOUT, SESSION_DURATIONS), DEFAULT_IDLE_TIMEOUT);
        sessionMaxLifetime = positive(settings.value("app.session.max-lifetime", Duration.class,
                DEFAULT_MAX_LIFETIME, SESSION_DURATIONS), DEFAULT_MAX_LIFETIME);
        nodeName = settings.text("app.node-name").orElse(null);
        pendingSignInLifetime = positive(settings.value("app.session.pending-lifetime", Duration.class,
                DEFAULT_PENDING_LIFETIME, SESSION_DURATIONS), DEFAULT_PENDING_LIFETIME);
        sessionKeys = readSessionKeys(settings);
        settings.text("app.trusted-proxies").ifPresent(proxies -> {
            try {
                clientAddress = ClientAddress.trusting(proxies);
            } catch (IllegalArgumentException wrong) {
                problems.add(wrong.getMessage());
            }
        });
        readyRequiresCognito = settings.value("app.health.ready-requires-cognito", Boolean.class, false,
                "APP_HEALTH_READY_REQUIRES_COGNITO (app.health.ready-requires-cognito) must be true or false.");
        if (developmentMode) {
            if (isHttps()) {
                problems.add("APP_DEVELOPMENT_MODE is for a machine of your own: never with an https APP_BASE_URL.");
            }
            LOG.warning("APP_DEVELOPMENT_MODE is on: http and loopback addresses are accepted for Cognito and the app."
                    + " Never in production.");
        }
        problems = List.copyOf(new LinkedHashSet<>(problems));
        if (!problems.isEmpty()) {
            LOG.warning("Cognito sign-in is not configured: " + String.join(" ", problems));
        } else {
            LOG.info("Tokens are accepted from these issuers only: " + String.join(", ", issuers));
        }
    }

    /**
     * {@code cognito.jwks.connect-timeout}, {@code .read-timeout}, {@code .size-limit} (bytes), {@code .cache-ttl},
     * {@code .min-refetch-interval}, {@code .outage-tolerance}, each defaulting to {@link CognitoKeys.Policy#defaults()}.
     */
    private CognitoKeys.Policy readJwksPolicy(TypedConfig settings) {
        CognitoKeys.Policy defaults = CognitoKeys.Policy.defaults();
        CognitoKeys.Policy policy = new CognitoKeys.Policy(
                settings.value("cognito.jwks.connect-timeout", Duration.class, defaults.connectTimeout(), JWKS_DURATIONS),
                settings.value("cognito.jwks.read-timeout", Duration.class, defaults.readTimeout(), JWKS_DURATIONS),
                settings.value("cognito.jwks.size-limit", Integer.class, defaults.sizeLimitBytes(),
                        "cognito.jwks.size-limit must be a number of bytes."),
                settings.value("cognito.jwks.cache-ttl", Duration.class, defaults.cacheTimeToLive(), JWKS_DURATIONS),
                settings.value("cognito.jwks.min-refetch-interval", Duration.class, defaults.minTimeBetweenFetches(),
                        JWKS_DURATIONS),
                settings.value("cognito.jwks.outage-tolerance", Duration.class, defaults.outageTolerance(),
                        JWKS_DURATIONS));
        if (policy.minTimeBetweenFetches().compareTo(policy.cacheTimeToLive()) >= 0) {
            problems.add("cognito.jwks.min-refetch-interval must be shorter than cognito.jwks.cache-ttl.");
        }
        return policy;
    }

    /** How the pool's JWKS is fetched and cached. */
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

    /**
     * How long a session that only started a sign-in lives without a request: {@code app.session.pending-lifetime},
     * default 15 minutes (time enough at the hosted UI; an abandoned sign-in leaves the data grid soon).
     */
    public Duration pendingSignInLifetime() {
        return pendingSignInLifetime;
    }

    /**
     * The keys that seal what sessions keep in the data grid: {@code app.session.key}, or one this node made for
     * itself when none is given (enough for a single node; the nodes of a cluster need the same key).
     */
    public SessionKeys sessionKeys() {
        return sessionKeys;
    }

    /** Where a request comes from: {@code X-Forwarded-For} believed from {@code app.trusted-proxies} only. */
    public ClientAddress clientAddress() {
        return clientAddress;
    }

    /** How many validated access tokens are kept: {@code cognito.token-cache.size}, default 10,000. */
    public int tokenCacheSize() {
        return tokenCacheSize;
    }

    /** How many ended sign-ins the API keeps refusing the tokens of: {@code cognito.revoked-sign-ins.size}. */
    public int revokedSignInsSize() {
        return revokedSignInsSize;
    }

    /** This node's name for the pages' footer ({@code app.node-name}); null where none is set. */
    public String nodeName() {
        return nodeName;
    }

    /** {@code app.development-mode}: http and loopback addresses for Cognito and the app, on a machine of one's own. */
    public boolean developmentMode() {
        return developmentMode;
    }

    /** Whether a node is "not ready" while Cognito does not answer: {@code app.health.ready-requires-cognito}. */
    public boolean readyRequiresCognito() {
        return readyRequiresCognito;
    }

    /**
     * The pool's identity providers offered on the home page, each a "Sign in with …" that goes straight to it
     * through the hosted UI: {@code cognito.identity-providers}, as named in Cognito; empty for the password form only.
     */
    public List<String> identityProviders() {
        return identityProviders;
    }

    /** What must be set before anyone can sign in; empty when the settings are complete. */
    public List<String> problems() {
        return problems;
    }

    /**
     * The pool's home issuer, whose discovery document the app reads: {@code cognito.issuer} as given, or the first
     * of {@link #issuers()}.
     */
    public String issuer() {
        return issuer;
    }

    /**
     * Every issuer the app accepts in tokens: {@code cognito.issuer} alone, or those of the configured pool in
     * {@code cognito.issuer-format} (default both) and {@code cognito.additional-regions}; never one from a token.
     */
    public List<String> issuers() {
        return issuers;
    }

    /**
     * The issuers a browser sign-in's tokens may carry: those of {@link #issuers()} in the pool's own region (one
     * per accepted format), since sign-ins come through the hosted UI of the configured domain.
     */
    public List<String> signInIssuers() {
        return signInIssuers;
    }

    public String clientId() {
        return clientId;
    }

    public String clientSecret() {
        return clientSecret;
    }

    /** {@code cognito.domain}, or null: then the hosted-UI domain is read from the discovery document. */
    String configuredDomain() {
        return configuredDomain;
    }

    /** Our client, and the other app clients of the pool whose access tokens the API accepts. */
    public List<String> accessTokenClients() {
        List<String> clients = new ArrayList<>(apiClientIds);
        clients.add(clientId);
        return clients;
    }

    /** {@code app.base-url}, or null (development: the request's own host is used). */
    String configuredBaseUrl() {
        return baseUrl;
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

    private String readIssuer(TypedConfig settings) {
        Optional<String> explicit = settings.text("cognito.issuer");
        if (explicit.isPresent()) {
            if (settings.text("cognito.issuer-format").isPresent()
                    || settings.text("cognito.additional-regions").isPresent()
                    || settings.text("cognito.emulator-url").isPresent()) {
                problems.add("COGNITO_ISSUER names the one issuer accepted: COGNITO_ISSUER_FORMAT, "
                        + "COGNITO_ADDITIONAL_REGIONS and COGNITO_EMULATOR_URL go with COGNITO_REGION and "
                        + "COGNITO_USER_POOL_ID instead.");
            }
            String given = url(explicit.get(), "COGNITO_ISSUER (cognito.issuer)");
            issuers = given == null ? List.of() : List.of(given);
            signInIssuers = issuers;
            return given;
        }
        Optional<String> region = settings.text("cognito.region");
        Optional<String> pool = settings.text("cognito.user-pool-id");
        if (region.isEmpty() || pool.isEmpty()) {
            problems.add("Set COGNITO_REGION and COGNITO_USER_POOL_ID (or COGNITO_ISSUER) to your user pool.");
            return null;
        }
        if (!region.get().matches(REGION) || !pool.get().matches(POOL_ID)
                || !pool.get().startsWith(region.get() + "_")) {
            problems.add("COGNITO_USER_POOL_ID must look like eu-west-1_AbC123xyz, in COGNITO_REGION.");
            return null;
        }
        IssuerFormat format = settings.text("cognito.issuer-format").map(name -> IssuerFormat.named(name).orElseGet(
                () -> {
                    problems.add("COGNITO_ISSUER_FORMAT (cognito.issuer-format) must be original, updated or both.");
                    return IssuerFormat.BOTH;
                })).orElse(IssuerFormat.BOTH);
        List<String> replicas = Arrays.stream(settings.value("cognito.additional-regions", String[].class,
                        new String[0], ADDITIONAL_REGIONS)).map(String::strip).filter(r -> !r.isEmpty()).toList();
        if (replicas.stream().anyMatch(replica -> !replica.matches(REGION) || replica.equals(region.get()))) {
            problems.add(ADDITIONAL_REGIONS);
        }
        if (!replicas.isEmpty() && format == IssuerFormat.UPDATED) {
            // Cognito: the updated issuer always names the primary region, replicas included
            problems.add("COGNITO_ADDITIONAL_REGIONS is for the original issuer format: with the updated one every "
                    + "region's tokens name the primary region.");
        }
        UnaryOperator<String> servedAt = UnaryOperator.identity();
        Optional<String> emulatorSetting = settings.text("cognito.emulator-url");
        if (emulatorSetting.isPresent()) {
            String emulator = emulatorUrl(emulatorSetting.get());
            if (emulator == null) {
                return null;
            }
            servedAt = aws -> IssuerFormat.onEmulator(emulator, aws);
        }
        // Sign-ins come through the hosted UI of the pool's own region: a replica region's issuer never signs in.
        signInIssuers = format.issuers(region.get(), pool.get(), List.of()).stream().map(servedAt).toList();
        issuers = format.issuers(region.get(), pool.get(), replicas).stream().map(servedAt).toList();
        return issuers.get(0);
    }

    /**
     * {@code cognito.emulator-url}: in development mode, on this machine only, since the app trusts the tokens of the
     * issuers it serves as it would trust Cognito's; said in the log, as it must never be set in production.
     */
    private String emulatorUrl(String value) {
        String name = "COGNITO_EMULATOR_URL (cognito.emulator-url)";
        if (!developmentMode) {
            problems.add(name + " is for development only: set APP_DEVELOPMENT_MODE=true with it.");
            return null;
        }
        String url = url(value, name);
        if (url == null) {
            return null;
        }
        URI uri = URI.create(url);
        if (!isOnThisMachine(uri.getHost()) || uri.getRawQuery() != null || uri.getRawFragment() != null) {
            problems.add(name + " must be a URL on this machine (localhost, 127.x), without query: the app "
                    + "trusts the tokens of the issuers it serves.");
            return null;
        }
        LOG.warning("COGNITO_EMULATOR_URL is set: the pool's issuers are served by the Cognito emulator at " + url
                + ", not by AWS. Never set it in production.");
        return url;
    }

    /** A loopback or unspecified address, or a name for one: whatever answers there is on this machine. */
    private static boolean isOnThisMachine(String host) {
        if (host == null) {
            return false;
        }
        String name = host.toLowerCase(java.util.Locale.ROOT);
        return name.equals("localhost") || name.endsWith(".localhost") || name.matches("127(\\.\\d{1,3}){3}")
                || name.matches("0+(\\.0+){3}") || name.matches("\\[[0:]*:0*1?\\]")
                || name.matches("\\[(0*:)*:?ffff:(127(\\.\\d{1,3}){3}|0+(\\.0+){3})\\]");
    }


    /**
     * An absolute https URL, without a trailing slash. On this machine (localhost), and there over http too, only in
     * development mode: a production app must never trust an issuer that answers on loopback or in clear.
     */
    private String url(String value, String name) {
        String trimmed = value.strip();
        String url = trimmed.endsWith("/") ? trimmed.substring(0, trimmed.length() - 1) : trimmed;
        try {
            URI uri = URI.create(url);
            boolean local = isOnThisMachine(uri.getHost());
            if ("https".equals(uri.getScheme()) && uri.getHost() != null && !local
                    || ("https".equals(uri.getScheme()) || "http".equals(uri.getScheme())) && local && developmentMode) {
                return url;
            }
            if (local) {
                problems.add(name + " on this machine (" + uri.getHost() + ") is for development only: set"
                        + " APP_DEVELOPMENT_MODE=true with it.");
                return null;
            }
        } catch (IllegalArgumentException malformed) {
            // reported below
        }
        problems.add(name + " must be an https URL (http only on localhost, in development mode).");
        return null;
    }

    private SessionKeys readSessionKeys(TypedConfig settings) {
        SecureRandom random = new SecureRandom();
        Optional<String> given = settings.text("app.session.key");
        if (given.isPresent()) {
            try {
                SessionKeys keys = SessionKeys.parse(given.get(), random);
                LOG.info("Sessions are sealed under the key " + keys.sealingId() + " of " + SessionKeys.SETTING);
                return keys;
            } catch (IllegalArgumentException wrong) {
                problems.add(wrong.getMessage());
            }
        } else {
            LOG.info(SessionKeys.SETTING + " is not set: sessions are sealed under a key of this node's own, which"
                    + " no other node has. A cluster's nodes need the same key (docs/scaling-out.md).");
        }
        return SessionKeys.ofThisNode(random);
    }

    private Duration positive(Duration value, Duration fallback) {
        if (value.isNegative() || value.isZero()) {
            problems.add(SESSION_DURATIONS);
            return fallback;
        }
        return value;
    }

    private int atLeastOne(int value, String name) {
        if (value < 1) {
            problems.add(name + " must be at least 1.");
            return 1;
        }
        return value;
    }
}
