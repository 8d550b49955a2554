package dev.payaracognito.security;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.KeySourceException;
import com.nimbusds.jose.crypto.RSASSAVerifier;
import com.nimbusds.jose.jwk.JWK;
import com.nimbusds.jose.jwk.JWKMatcher;
import com.nimbusds.jose.jwk.JWKSelector;
import com.nimbusds.jose.jwk.KeyType;
import com.nimbusds.jose.jwk.KeyUse;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.source.JWKSource;
import com.nimbusds.jose.jwk.source.JWKSourceBuilder;
import com.nimbusds.jose.jwk.source.RateLimitReachedException;
import com.nimbusds.jose.proc.SecurityContext;
import com.nimbusds.jose.util.DefaultResourceRetriever;
import java.net.URL;
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

    private record Verifier(RSAKey key, RSASSAVerifier verifier) {}

    private final JWKSource<SecurityContext> source;
    private final Map<String, Verifier> verifiers = new ConcurrentHashMap<>();

    public CognitoKeys(URL jwksUrl, Policy policy) {
        DefaultResourceRetriever retriever = new DefaultResourceRetriever(
                (int) policy.connectTimeout().toMillis(), (int) policy.readTimeout().toMillis(),
                policy.sizeLimitBytes());
        this.source = JWKSourceBuilder.<SecurityContext>create(jwksUrl, retriever)
                .cache(policy.cacheTimeToLive().toMillis(), policy.readTimeout().plus(policy.connectTimeout())
                        .toMillis())
                .rateLimited(policy.minTimeBetweenFetches().toMillis())
                .outageTolerant(policy.outageTolerance().toMillis())
                .retrying(false)
                .refreshAheadCache(false)
                .build();
    }

    /**
     * The verifier for the pool's key {@code kid}. The key is looked up in the cached JWKS every time, so a key
     * that leaves the JWKS stops being trusted; its verifier is reused while the key stays the same.
     */
    RSASSAVerifier verifier(String kid) throws TokenRejected {
        RSAKey key = lookUp(kid);
        Verifier known = verifiers.get(kid);
        if (known != null && known.key() == key) {
            return known.verifier();
        }
        try {
            RSASSAVerifier verifier = new RSASSAVerifier(key);
            verifiers.put(kid, new Verifier(key, verifier));
            return verifier;
        } catch (JOSEException e) {
            throw new TokenRejected(TokenRejected.Reason.UNKNOWN_KEY, "unusable RSA key in the JWKS");
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
            throw new TokenRejected(TokenRejected.Reason.KEYS_UNAVAILABLE, "the JWKS could not be fetched: "
                    + e.getMessage());
        }
    }
}
