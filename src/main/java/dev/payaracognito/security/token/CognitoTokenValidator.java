package dev.payaracognito.security.token;

import dev.payaracognito.security.token.CognitoToken.TokenUse;
import dev.payaracognito.security.token.TokenRejected.Reason;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.Signature;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.Base64;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * Validates Cognito's JWTs the Cognito way, as AWS's own verifier does: RS256 only; the {@code kid} looked up in
 * the JWKS of the token's issuer (nimbus-jose-jwt, see {@link CognitoKeys}); the issuer exactly one of the pool's; {@code token_use}; {@code aud}
 * (ID token) or {@code client_id} (access token) among our clients; {@code exp} and {@code iat} with a small
 * skew. The one place where tokens are read.
 */
public final class CognitoTokenValidator {

    /** Clocks drift; a minute is the most we forgive. */
    public static final Duration MAX_SKEW = Duration.ofSeconds(60);

    /**
     * RS256 is SHA256withRSA over {@code header.payload}. One Signature per thread: looking the algorithm up
     * for every token would cost more than all the claim checks together.
     */
    private static final ThreadLocal<Signature> SHA256_WITH_RSA = ThreadLocal.withInitial(() -> {
        try {
            return Signature.getInstance("SHA256withRSA");
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("SHA256withRSA is part of every JDK", e);
        }
    });

    private final Map<String, CognitoKeys> keysByIssuer;
    private final String clientId;
    private final Set<String> accessTokenClients;
    private final Clock clock;

    /**
     * @param keysByIssuer every issuer we accept, exactly as it must appear in {@code iss}, with the keys of its own
     *     JWKS (each issuer host serves its own)
     * @param clientId our app client: the only {@code aud} accepted in ID tokens
     * @param accessTokenClients the app clients whose access tokens we accept ({@code client_id})
     */
    public CognitoTokenValidator(Map<String, CognitoKeys> keysByIssuer, String clientId,
            Set<String> accessTokenClients, Clock clock) {
        this.keysByIssuer = Map.copyOf(keysByIssuer);
        this.clientId = clientId;
        this.accessTokenClients = Set.copyOf(accessTokenClients);
        this.clock = clock;
    }

    public CognitoToken validateIdToken(String token) throws TokenRejected {
        return validateIdToken(verified(token, TokenUse.ID));
    }

    private CognitoToken validateIdToken(CompactJwt jwt) throws TokenRejected {
        // Cognito: aud is our client id; an array of exactly that one client is accepted too, nothing else.
        List<String> audience = jwt.strings("aud", true);
        if (audience == null || audience.size() != 1 || !clientId.equals(audience.get(0))) {
            throw new TokenRejected(Reason.AUDIENCE, "aud is not exactly our client");
        }
        return token(TokenUse.ID, jwt, "cognito:username", clientId);
    }

    /**
     * The ID and access tokens of one sign-in (or of one refresh): each valid, both naming the same user, and the
     * access token the one the ID token's {@code at_hash} names, where Cognito sends one. Answers the access token,
     * whose groups are signature-checked.
     */
    public CognitoToken validateSignIn(String idToken, String accessToken) throws TokenRejected {
        CompactJwt id = verified(idToken, TokenUse.ID);
        CognitoToken identity = validateIdToken(id);
        CognitoToken access = validateAccessToken(accessToken);
        if (!identity.subject().equals(access.subject()) || !identity.username().equals(access.username())) {
            throw new TokenRejected(Reason.MISMATCH, "ID and access token name different users");
        }
        String atHash = id.string("at_hash");
        if (atHash != null && !atHash.equals(accessTokenHash(accessToken))) {
            throw new TokenRejected(Reason.MISMATCH, "at_hash does not match the access token");
        }
        return access;
    }

    public CognitoToken validateAccessToken(String token) throws TokenRejected {
        CompactJwt jwt = verified(token, TokenUse.ACCESS);
        // Cognito: access tokens have no aud; client_id names the app client they were issued to.
        String client = jwt.string("client_id");
        if (client == null || !accessTokenClients.contains(client)) {
            throw new TokenRejected(Reason.CLIENT, "client_id is not one of our clients");
        }
        return token(TokenUse.ACCESS, jwt, "username", client);
    }

    private CompactJwt verified(String token, TokenUse use) throws TokenRejected {
        CompactJwt jwt = CompactJwt.parse(token);
        if (!"RS256".equals(jwt.algorithm())) {
            throw new TokenRejected(Reason.ALGORITHM, "alg is not RS256");
        }
        // Cognito's header is {"kid","alg"}: keys offered by the token itself and critical extensions are refused.
        if (jwt.offersKeysOrExtensions()) {
            throw new TokenRejected(Reason.HEADER, "header offers its own key or a critical extension");
        }
        String kid = jwt.keyId();
        if (kid == null) {
            throw new TokenRejected(Reason.HEADER, "no kid");
        }
        // Cheap checks first: a token of another pool or use must not make us fetch the JWKS. The issuer is
        // compared exactly: its keys are looked up by it, never fetched from a location the token names.
        String issuer = jwt.string("iss");
        CognitoKeys keys = issuer == null ? null : keysByIssuer.get(issuer);
        if (keys == null) {
            throw new TokenRejected(Reason.ISSUER, "iss is not our user pool");
        }
        if (!use.claimValue.equals(jwt.string("token_use"))) {
            throw new TokenRejected(Reason.TOKEN_USE, "token_use is not " + use.claimValue);
        }
        try {
            Signature rsa = SHA256_WITH_RSA.get();
            rsa.initVerify(keys.publicKey(kid));
            if (!jwt.signedWith(rsa)) {
                throw new TokenRejected(Reason.SIGNATURE, "signature does not verify");
            }
        } catch (GeneralSecurityException e) {
            throw new TokenRejected(Reason.SIGNATURE, "signature cannot be verified");
        }
        checkTimes(jwt);
        String subject = jwt.string("sub");
        if (subject == null || subject.isBlank()) {
            throw new TokenRejected(Reason.MISSING_CLAIM, "no sub");
        }
        return jwt;
    }

    private void checkTimes(CompactJwt jwt) throws TokenRejected {
        Long expiry = jwt.seconds("exp");
        Long issued = jwt.seconds("iat");
        if (expiry == null || issued == null) {
            throw new TokenRejected(Reason.MISSING_CLAIM, "no exp or iat");
        }
        long now = clock.instant().getEpochSecond();
        long skew = MAX_SKEW.toSeconds();
        if (now - skew > expiry) {
            throw new TokenRejected(Reason.EXPIRED, "expired");
        }
        Long notBefore = jwt.seconds("nbf");
        if (now + skew < issued || notBefore != null && now + skew < notBefore) {
            throw new TokenRejected(Reason.NOT_YET_VALID, "issued in the future");
        }
    }

    /**
     * An unmodifiable set in alphabetical order, without blanks: groups and the space-separated {@code scope}
     * (split on one character, so no regular expression per token).
     */
    private static Set<String> sorted(List<String> values) {
        TreeSet<String> set = new TreeSet<>(values);
        set.remove("");
        return Collections.unmodifiableSortedSet(set);
    }

    /** OpenID Connect's {@code at_hash} for RS256: the left half of the access token's SHA-256, base64url. */
    private static String accessTokenHash(String accessToken) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(accessToken.getBytes(StandardCharsets.US_ASCII));
            return Base64.getUrlEncoder().withoutPadding().encodeToString(Arrays.copyOf(digest, digest.length / 2));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every JDK", e);
        }
    }

    private static CognitoToken token(TokenUse use, CompactJwt jwt, String usernameClaim, String client)
            throws TokenRejected {
        String username = jwt.string(usernameClaim);
        String scope = jwt.string("scope");
        Set<String> scopes = sorted(scope == null ? List.of() : Arrays.asList(scope.split(" ")));
        Instant expiresAt = Instant.ofEpochSecond(jwt.seconds("exp"));
        // Cognito: a client credentials token speaks for the app client itself: no username, sub = client_id. It
        // never has a group's rights, whatever it carries.
        if (use == TokenUse.ACCESS && username == null && client.equals(jwt.string("sub"))) {
            return new CognitoToken(use, null, client, client, Set.of(), scopes, null, null, expiresAt);
        }
        if (username == null || username.isBlank()) {
            throw new TokenRejected(Reason.MISSING_CLAIM, "no " + usernameClaim);
        }
        List<String> groups = jwt.strings("cognito:groups", false);
        return new CognitoToken(use, username, jwt.string("sub"), client, sorted(groups == null ? List.of() : groups),
                scopes, jwt.string("email"), jwt.string("origin_jti"), expiresAt);
    }
}
