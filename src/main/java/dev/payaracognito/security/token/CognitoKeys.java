package dev.payaracognito.security.token;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.KeySourceException;
import com.nimbusds.jose.jwk.JWK;
import com.nimbusds.jose.jwk.JWKMatcher;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.JWKSelector;
import com.nimbusds.jose.jwk.KeyType;
import com.nimbusds.jose.jwk.KeyUse;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.source.JWKSource;
import com.nimbusds.jose.jwk.source.JWKSourceBuilder;
import com.nimbusds.jose.jwk.source.RateLimitReachedException;
import com.nimbusds.jose.proc.SecurityContext;
import com.nimbusds.jose.util.DefaultResourceRetriever;
import com.nimbusds.jose.util.Resource;
import com.nimbusds.jose.util.ResourceRetriever;
import java.io.IOException;
import java.net.URL;
import java.text.ParseException;
import java.security.interfaces.RSAPublicKey;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The user pool's signing keys, looked up by {@code kid} in its JWKS, the way AWS's own verifier does: cached;
 * an unknown {@code kid} triggers one refetch, then no refetch for a while (so random {@code kid}s cannot make
 * us hammer Cognito); known keys kept while the JWKS endpoint is down or answers garbage; short timeouts and a
 * size limit on the fetch. A key must be RSA, {@code use=sig} and {@code alg=RS256}, like Cognito's.
 */
public final class CognitoKeys {

    /** How the pool's JWKS is fetched and cached. */
    public record Policy(Duration connectTimeout, Duration readTimeout, int sizeLimitBytes, Duration cacheTimeToLive,
            Duration minTimeBetweenFetches, Duration outageTolerance) {

        public static Policy defaults() {
            return new Policy(Duration.ofSeconds(2), Duration.ofSeconds(3), 64 * 1024, Duration.ofHours(1),
                    Duration.ofSeconds(15), Duration.ofHours(24));
        }
    }

    /** A key as last found in the JWKS, and when (System.nanoTime). */
    private record Known(RSAPublicKey key, long foundAt) {}

    private final JWKSource<SecurityContext> source;
    private final long recheckNanos;
    private final Map<String, Known> known = new ConcurrentHashMap<>();

    public CognitoKeys(URL jwksUrl, Policy policy, TokenEvents events) {
        DefaultResourceRetriever http = new DefaultResourceRetriever(
                (int) policy.connectTimeout().toMillis(), (int) policy.readTimeout().toMillis(),
                policy.sizeLimitBytes());
        // A fetch counts as failed when Cognito does not answer, or answers something that is not a JWK set.
        ResourceRetriever counted = url -> {
            TokenEvents.KeysFetch fetch = events.keysFetch(url);
            try {
                Resource fetched = http.retrieveResource(url);
                JWKSet.parse(fetched.getContent());
                fetch.fetched();
                return fetched;
            } catch (ParseException e) {
                fetch.failed("not a JWK set");
                throw new IOException("not a JWK set", e);
            } catch (IOException | RuntimeException | Error e) { // whatever ends the fetch ends its span
                fetch.failed(e.getClass().getSimpleName());
                throw e;
            }
        };
        this.source = JWKSourceBuilder.<SecurityContext>create(jwksUrl, counted)
                .cache(policy.cacheTimeToLive().toMillis(), policy.readTimeout().plus(policy.connectTimeout())
                        .toMillis())
                .rateLimited(policy.minTimeBetweenFetches().toMillis())
                .outageTolerant(policy.outageTolerance().toMillis())
                .retrying(false)
                .refreshAheadCache(false)
                .build();
        this.recheckNanos = policy.cacheTimeToLive().toNanos();
    }

    /**
     * The pool's RSA key {@code kid}. A key found is reused for the JWKS cache's time to live, then looked up
     * again, so that a key that leaves the JWKS stops being trusted as it would with the cache alone.
     */
    RSAPublicKey publicKey(String kid) throws TokenRejected {
        Known key = known.get(kid);
        long now = System.nanoTime();
        if (key != null && now - key.foundAt() < recheckNanos) {
            return key.key();
        }
        try {
            RSAPublicKey found = lookUp(kid).toRSAPublicKey();
            known.put(kid, new Known(found, now));
            return found;
        } catch (JOSEException e) {
            throw new TokenRejected(TokenRejected.Reason.UNKNOWN_KEY, "unusable RSA key in the JWKS");
        }
    }

    /** Whether the pool's keys are known or can be fetched now (within the rate limit and timeouts). */
    public boolean available() {
        try {
            return !source.get(new JWKSelector(new JWKMatcher.Builder().keyType(KeyType.RSA).build()), null)
                    .isEmpty();
        } catch (KeySourceException e) {
            return false;
        }
    }

    private RSAKey lookUp(String kid) throws TokenRejected {
        JWKSelector selector = new JWKSelector(new JWKMatcher.Builder()
                .keyID(kid)
                .keyType(KeyType.RSA)
                .keyUse(KeyUse.SIGNATURE)
                .algorithm(JWSAlgorithm.RS256)
                .build());
        try {
            List<JWK> keys = source.get(selector, null);
            if (keys.isEmpty()) {
                throw new TokenRejected(TokenRejected.Reason.UNKNOWN_KEY, "kid not in the JWKS");
            }
            return (RSAKey) keys.get(0);
        } catch (RateLimitReachedException e) {
            throw new TokenRejected(TokenRejected.Reason.UNKNOWN_KEY, "kid not in the JWKS (refetch rate-limited)");
        } catch (KeySourceException e) {
            // The exception's class, not its message, which may quote what the JWKS endpoint answered.
            throw new TokenRejected(TokenRejected.Reason.KEYS_UNAVAILABLE, "the JWKS could not be fetched ("
                    + e.getClass().getSimpleName() + ")");
        }
    }
}
