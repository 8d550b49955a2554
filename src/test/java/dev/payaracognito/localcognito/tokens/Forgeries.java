package dev.payaracognito.localcognito.tokens;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.MACSigner;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.util.Base64;
import com.nimbusds.jose.util.Base64URL;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import dev.payaracognito.localcognito.TokenUse;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** The tokens a hostile or broken provider sends; each is one defence a relying party must have. */
public final class Forgeries {

    private Forgeries() {}

    /** A claim set to another value ({@code null} removes it), honestly signed. */
    public static TokenForgery claim(TokenUse target, String name, Object value) {
        return forgery(target, (claims, key) -> Jws.sign(new JWTClaimsSet.Builder(claims).claim(name, value).build(),
                key));
    }

    /** Several claims set to other values ({@code null} removes one), honestly signed. */
    public static TokenForgery claims(TokenUse target, Map<String, Object> values) {
        return forgery(target, (claims, key) -> {
            JWTClaimsSet.Builder changed = new JWTClaimsSet.Builder(claims);
            values.forEach(changed::claim);
            return Jws.sign(changed.build(), key);
        });
    }

    /**
     * A claim set to another value and signed with another key under the pool's own {@code kid}: the key is
     * found, the signature does not verify (e.g. an access token that makes its user an admin).
     */
    public static TokenForgery forgedClaim(TokenUse target, String name, Object value) {
        return forgery(target, (claims, key) -> Jws.sign(new JWTClaimsSet.Builder(claims).claim(name, value).build(),
                new RSAKey.Builder(SigningKeys.generate()).keyID(key.getKeyID()).build()));
    }

    /** Signed with a key the pool does not publish, under a {@code kid} that is not in its JWKS. */
    public static TokenForgery unknownKey(TokenUse target) {
        return forgery(target, (claims, key) -> Jws.sign(claims, SigningKeys.generate()));
    }

    /**
     * Another pool's token: its issuer, its key. {@code issuer} is the other pool's issuer URL.
     */
    public static TokenForgery fromAnotherPool(TokenUse target, String issuer) {
        return forgery(target, (claims, key) -> Jws.sign(new JWTClaimsSet.Builder(claims).issuer(issuer).build(),
                SigningKeys.generate()));
    }

    /** The pool's real key, but signed with another RSA algorithm (e.g. RS512, PS256): only RS256 is Cognito's. */
    public static TokenForgery otherAlgorithm(TokenUse target, JWSAlgorithm algorithm) {
        return forgery(target, (claims, key) -> Jws.sign(new JWSHeader.Builder(algorithm).keyID(key.getKeyID())
                .build(), claims, key));
    }

    /** An unsecured token, {@code alg} spelled as given ("none", "None", "NONE"…), with an empty signature. */
    public static TokenForgery unsigned(TokenUse target, String noneSpelling) {
        return forgery(target, (claims, key) -> {
            String header = "{\"alg\":\"" + noneSpelling + "\",\"kid\":\"" + key.getKeyID() + "\"}";
            return Base64URL.encode(header.getBytes(StandardCharsets.UTF_8)) + "."
                    + Base64URL.encode(claims.toString().getBytes(StandardCharsets.UTF_8)) + ".";
        });
    }

    /** HS256 keyed with the pool's public key: the classic algorithm-confusion attack. */
    public static TokenForgery hmacWithPublicKey(TokenUse target) {
        return forgery(target, (claims, key) -> {
            SignedJWT jwt = new SignedJWT(new JWSHeader.Builder(JWSAlgorithm.HS256).keyID(key.getKeyID()).build(),
                    claims);
            jwt.sign(new MACSigner(key.toPublicJWK().toJSONString().getBytes(StandardCharsets.UTF_8)));
            return jwt.serialize();
        });
    }

    /** Honest header and claims, one bit of the signature flipped. */
    public static TokenForgery brokenSignature(TokenUse target) {
        return forgery(target, (claims, key) -> {
            String token = Jws.sign(claims, key);
            int last = token.lastIndexOf('.') + 1;
            char flipped = token.charAt(last) == 'A' ? 'B' : 'A';
            return token.substring(0, last) + flipped + token.substring(last + 1);
        });
    }

    /**
     * Signed with an attacker's key that the token offers itself, in the header parameter {@code jwk},
     * {@code jku}, {@code x5u} or {@code x5c}, under the attacker key's {@code kid}. A relying party must
     * never fetch or trust such keys.
     */
    public static TokenForgery selfOfferedKey(TokenUse target, String headerParameter) {
        return forgery(target, (claims, key) -> {
            RSAKey attacker = SigningKeys.generate();
            JWSHeader.Builder header = new JWSHeader.Builder(JWSAlgorithm.RS256).keyID(attacker.getKeyID());
            URI attackerUrl = URI.create("https://attacker.example/keys");
            switch (headerParameter) {
                case "jwk" -> header.jwk(attacker.toPublicJWK());
                case "jku" -> header.jwkURL(attackerUrl);
                case "x5u" -> header.x509CertURL(attackerUrl);
                case "x5c" -> header.x509CertChain(List.of(Base64.encode(attacker.toPublicKey().getEncoded())));
                default -> throw new IllegalArgumentException("not a key-offering header: " + headerParameter);
            }
            return Jws.sign(header.build(), claims, attacker);
        });
    }

    /** Honestly signed, with a {@code crit} header naming an extension the relying party cannot know. */
    public static TokenForgery unknownCriticalHeader(TokenUse target) {
        return forgery(target, (claims, key) -> Jws.sign(new JWSHeader.Builder(JWSAlgorithm.RS256)
                .keyID(key.getKeyID()).criticalParams(Set.of("x-unknown")).customParam("x-unknown", true).build(),
                claims, key));
    }

    private interface Forge {
        String forge(JWTClaimsSet claims, RSAKey key) throws JOSEException;
    }

    private static TokenForgery forgery(TokenUse target, Forge forge) {
        return new TokenForgery() {
            @Override
            public TokenUse target() {
                return target;
            }

            @Override
            public String forge(JWTClaimsSet honestClaims, RSAKey honestKey) throws JOSEException {
                return forge.forge(honestClaims, honestKey);
            }
        };
    }
}
