package dev.payaracognito.localcognito.tokens;

import com.nimbusds.jose.EncryptionMethod;
import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWEAlgorithm;
import com.nimbusds.jose.JWEHeader;
import com.nimbusds.jose.JWEObject;
import com.nimbusds.jose.Payload;
import com.nimbusds.jose.crypto.RSAEncrypter;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.util.Base64URL;
import com.nimbusds.jwt.JWTClaimsSet;
import dev.payaracognito.localcognito.AppClient;
import dev.payaracognito.localcognito.PoolUser;
import dev.payaracognito.localcognito.TokenUse;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.Instant;
import java.util.Arrays;
import java.util.Date;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.function.Supplier;

/** Mints tokens with exactly the claims Cognito puts in them (see docs/cognito-contract.md, "Tokens"). */
public final class TokenFactory {

    public record Tokens(String idToken, String accessToken, String refreshToken, long expiresIn) {}

    private final Supplier<String> issuer;
    private final SigningKeys keys;
    private final Clock clock;
    private final Lifetimes lifetimes;
    /** Refresh tokens are encrypted to a key only the pool holds: opaque to clients, like Cognito's. */
    private final RSAKey refreshTokenKey = SigningKeys.generate();

    public TokenFactory(Supplier<String> issuer, SigningKeys keys, Clock clock, Lifetimes lifetimes) {
        this.issuer = issuer;
        this.keys = keys;
        this.clock = clock;
        this.lifetimes = lifetimes;
    }

    /** The tokens of one token response; {@code forgeries} replace the honest ID or access token. */
    public Tokens mint(SignIn signIn, boolean withRefreshToken, List<TokenForgery> forgeries) throws JOSEException {
        Instant now = clock.instant();
        Instant expiry = now.plus(lifetimes.token);
        String accessToken = sign(TokenUse.ACCESS, accessClaims(signIn, now, expiry), forgeries);
        String idToken = signIn.scopes().contains("openid")
                ? sign(TokenUse.ID, idClaims(signIn, now, expiry, accessToken), forgeries)
                : null;
        return new Tokens(idToken, accessToken, withRefreshToken ? refreshToken() : null,
                lifetimes.token.toSeconds());
    }

    /**
     * The access token of a client-credentials grant, on its own: no ID token, no refresh token. Its forgeries are
     * those aimed at the access token.
     */
    public Tokens mintClientToken(AppClient client, Set<String> scopes, List<TokenForgery> forgeries)
            throws JOSEException {
        Instant now = clock.instant();
        String accessToken = sign(TokenUse.ACCESS, clientAccessClaims(client, scopes, now), forgeries);
        return new Tokens(null, accessToken, null, lifetimes.token.toSeconds());
    }

    private String sign(TokenUse use, JWTClaimsSet claims, List<TokenForgery> forgeries) throws JOSEException {
        RSAKey key = keys.signingKey(use);
        for (TokenForgery forgery : forgeries) {
            if (forgery.target() == use) {
                return forgery.forge(claims, key);
            }
        }
        return Jws.sign(claims, key);
    }

    private JWTClaimsSet idClaims(SignIn signIn, Instant now, Instant expiry, String accessToken) {
        PoolUser user = signIn.user();
        JWTClaimsSet.Builder claims = new JWTClaimsSet.Builder()
                .subject(user.sub())
                // Cognito: aud is the client id as a plain string; there is no azp.
                .audience(signIn.client().clientId())
                .issuer(issuer.get())
                .claim("token_use", TokenUse.ID.claimValue())
                .claim("auth_time", signIn.authTime().getEpochSecond())
                .issueTime(Date.from(now))
                .expirationTime(Date.from(expiry))
                .claim("cognito:username", user.username())
                .claim("at_hash", accessTokenHash(accessToken))
                .jwtID(UUID.randomUUID().toString())
                .claim("origin_jti", signIn.originJti())
                .claim("event_id", signIn.eventId());
        if (user.email() != null) {
            // Cognito: email_verified is a boolean in the ID token, but the string "true" in userInfo.
            claims.claim("email", user.email()).claim("email_verified", user.emailVerified());
        }
        if (!user.groups().isEmpty()) {
            claims.claim("cognito:groups", user.groups());
        }
        if (signIn.nonce() != null) {
            claims.claim("nonce", signIn.nonce());
        }
        if (user.isFederated()) {
            claims.claim("identities", List.of(identity(user.identity())));
        }
        return claims.build();
    }

    /**
     * One entry of a federated user's {@code identities}, in Cognito's order. In the ID token {@code primary} and
     * {@code dateCreated} (epoch milliseconds) are strings, and {@code issuer} is there even when null.
     */
    private static Map<String, Object> identity(PoolUser.Identity identity) {
        Map<String, Object> entry = new LinkedHashMap<>();
        entry.put("userId", identity.userId());
        entry.put("providerName", identity.provider().providerName());
        entry.put("providerType", identity.provider().providerType().typeName());
        entry.put("issuer", identity.provider().issuer());
        entry.put("primary", "true");
        entry.put("dateCreated", Long.toString(identity.dateCreated().toEpochMilli()));
        return entry;
    }

    private JWTClaimsSet accessClaims(SignIn signIn, Instant now, Instant expiry) {
        PoolUser user = signIn.user();
        JWTClaimsSet.Builder claims = new JWTClaimsSet.Builder()
                .subject(user.sub())
                .issuer(issuer.get())
                .claim("version", 2)
                // Cognito: access tokens carry client_id and no aud.
                .claim("client_id", signIn.client().clientId())
                .claim("origin_jti", signIn.originJti())
                .claim("event_id", signIn.eventId())
                .claim("token_use", TokenUse.ACCESS.claimValue())
                .claim("scope", String.join(" ", signIn.scopes()))
                .claim("auth_time", signIn.authTime().getEpochSecond())
                .expirationTime(Date.from(expiry))
                .issueTime(Date.from(now))
                .jwtID(UUID.randomUUID().toString())
                .claim("username", user.username());
        if (!user.groups().isEmpty()) {
            claims.claim("cognito:groups", user.groups());
        }
        return claims.build();
    }

    /**
     * Cognito's machine token: the client is its own subject; no username, groups, origin_jti or event_id, since
     * no user signed in; auth_time is the moment of issue.
     */
    private JWTClaimsSet clientAccessClaims(AppClient client, Set<String> scopes, Instant now) {
        return new JWTClaimsSet.Builder()
                .subject(client.clientId())
                .claim("token_use", TokenUse.ACCESS.claimValue())
                .claim("scope", String.join(" ", scopes))
                .claim("auth_time", now.getEpochSecond())
                .issuer(issuer.get())
                .expirationTime(Date.from(now.plus(lifetimes.token)))
                .issueTime(Date.from(now))
                .claim("version", 2)
                .jwtID(UUID.randomUUID().toString())
                .claim("client_id", client.clientId())
                .build();
    }

    /** OpenID Connect's at_hash: the left half of the SHA-256 of the access token, base64url. */
    private static String accessTokenHash(String accessToken) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(accessToken.getBytes(StandardCharsets.US_ASCII));
            return Base64URL.encode(Arrays.copyOf(digest, digest.length / 2)).toString();
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every JDK", e);
        }
    }

    /** Cognito's refresh tokens are JWEs with header {@code {"cty":"JWT","enc":"A256GCM","alg":"RSA-OAEP"}}. */
    @SuppressWarnings("deprecation") // RSA-OAEP (SHA-1) is what Cognito uses; nimbus marks it deprecated
    private String refreshToken() throws JOSEException {
        JWEObject jwe = new JWEObject(new JWEHeader.Builder(JWEAlgorithm.RSA_OAEP, EncryptionMethod.A256GCM)
                .contentType("JWT").build(), new Payload(Map.of("jti", UUID.randomUUID().toString())));
        jwe.encrypt(new RSAEncrypter(refreshTokenKey));
        return jwe.serialize();
    }
}
