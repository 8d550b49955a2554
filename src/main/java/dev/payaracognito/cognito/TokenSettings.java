package dev.payaracognito.cognito;

import dev.payaracognito.security.token.CognitoKeys;
import java.time.Duration;
import java.util.List;

/**
 * How tokens are validated: how the pool's JWKS is fetched and cached ({@code cognito.jwks.*}), how many validated
 * access tokens are kept ({@code cognito.token-cache.size}) and how many ended sign-ins the API keeps refusing
 * ({@code cognito.revoked-sign-ins.size}).
 */
public final class TokenSettings {

    private static final String JWKS_DURATIONS = "cognito.jwks.* must be ISO-8601 durations such as PT15S.";
    static final int DEFAULT_TOKEN_CACHE_SIZE = 10_000;
    static final int DEFAULT_REVOKED_SIGN_INS_SIZE = 100_000;

    private final CognitoKeys.Policy jwksPolicy;
    private final int tokenCacheSize;
    private final int revokedSignInsSize;

    private TokenSettings(CognitoKeys.Policy jwksPolicy, int tokenCacheSize, int revokedSignInsSize) {
        this.jwksPolicy = jwksPolicy;
        this.tokenCacheSize = tokenCacheSize;
        this.revokedSignInsSize = revokedSignInsSize;
    }

    static TokenSettings read(TypedConfig settings, List<String> problems) {
        int tokenCacheSize = atLeastOne(settings.value("cognito.token-cache.size", Integer.class,
                DEFAULT_TOKEN_CACHE_SIZE, "COGNITO_TOKEN_CACHE_SIZE (cognito.token-cache.size) must be a whole number."),
                "cognito.token-cache.size", problems);
        int revokedSignInsSize = atLeastOne(settings.value("cognito.revoked-sign-ins.size", Integer.class,
                DEFAULT_REVOKED_SIGN_INS_SIZE,
                "COGNITO_REVOKED_SIGN_INS_SIZE (cognito.revoked-sign-ins.size) must be a whole number."),
                "cognito.revoked-sign-ins.size", problems);
        return new TokenSettings(jwksPolicy(settings, problems), tokenCacheSize, revokedSignInsSize);
    }

    /**
     * {@code cognito.jwks.connect-timeout}, {@code .read-timeout}, {@code .size-limit} (bytes), {@code .cache-ttl},
     * {@code .min-refetch-interval}, {@code .outage-tolerance}, each defaulting to {@link CognitoKeys.Policy#defaults()}.
     */
    private static CognitoKeys.Policy jwksPolicy(TypedConfig settings, List<String> problems) {
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

    private static int atLeastOne(int value, String name, List<String> problems) {
        if (value < 1) {
            problems.add(name + " must be at least 1.");
            return 1;
        }
        return value;
    }

    /** How the pool's JWKS is fetched and cached. */
    public CognitoKeys.Policy jwksPolicy() {
        return jwksPolicy;
    }

    /** How many validated access tokens are kept: {@code cognito.token-cache.size}, default 10,000. */
    public int tokenCacheSize() {
        return tokenCacheSize;
    }

    /** How many ended sign-ins the API keeps refusing the tokens of: {@code cognito.revoked-sign-ins.size}. */
    public int revokedSignInsSize() {
        return revokedSignInsSize;
    }
}
