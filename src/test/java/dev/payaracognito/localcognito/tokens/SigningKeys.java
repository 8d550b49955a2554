package dev.payaracognito.localcognito.tokens;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.jwk.KeyUse;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.gen.RSAKeyGenerator;
import dev.payaracognito.localcognito.TokenUse;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * The pool's RSA-2048 signing keys. Like Cognito, ID and access tokens are signed with different keys. A
 * rotation publishes new keys and keeps the old ones in the JWKS until they are dropped.
 */
public final class SigningKeys {

    private static final SecureRandom RANDOM = new SecureRandom();

    private RSAKey idKey = generate();
    private RSAKey accessKey = generate();
    private final List<RSAKey> retired = new ArrayList<>();

    synchronized RSAKey signingKey(TokenUse use) {
        return use == TokenUse.ID ? idKey : accessKey;
    }

    public synchronized void rotate() {
        retired.add(idKey);
        retired.add(accessKey);
        idKey = generate();
        accessKey = generate();
    }

    public synchronized void dropRetired() {
        retired.clear();
    }

    public synchronized Optional<RSAKey> published(String kid) {
        return allKeys().stream().filter(k -> k.getKeyID().equals(kid)).findFirst();
    }

    /** The JWKS document: entries {@code {"alg","e","kid","kty","n","use"}} as Cognito publishes them. */
    public synchronized Map<String, Object> jwks() {
        List<Map<String, Object>> keys = new ArrayList<>();
        for (RSAKey key : allKeys()) {
            keys.add(new TreeMap<>(key.toPublicJWK().toJSONObject()));
        }
        return Map.of("keys", keys);
    }

    private List<RSAKey> allKeys() {
        List<RSAKey> all = new ArrayList<>(List.of(idKey, accessKey));
        all.addAll(retired);
        return all;
    }

    /** A fresh RSA-2048 signing key with a random {@code kid} (Cognito's kids are base64 strings too). */
    static RSAKey generate() {
        byte[] kid = new byte[32];
        RANDOM.nextBytes(kid);
        try {
            return new RSAKeyGenerator(2048)
                    .keyID(Base64.getEncoder().encodeToString(kid))
                    .keyUse(KeyUse.SIGNATURE)
                    .algorithm(JWSAlgorithm.RS256)
                    .generate();
        } catch (JOSEException e) {
            throw new IllegalStateException("RSA key generation failed", e);
        }
    }
}
