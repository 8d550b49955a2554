package dev.payaracognito.security;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import dev.payaracognito.security.CognitoToken.TokenUse;
import dev.payaracognito.security.TokenRejected.Reason;
import java.text.ParseException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.List;
import java.util.Set;

/**
 * Validates Cognito's JWTs the Cognito way, as AWS's own verifier does: RS256 only; the {@code kid} looked up in
 * the pool's JWKS; the exact issuer; {@code token_use}; {@code aud} (ID token) or {@code client_id} (access
 * token) among our clients; {@code exp} and {@code iat} with a small skew. The one place where tokens are read.
 */
public final class CognitoTokenValidator {

    /** Clocks drift; a minute is the most we forgive. */
    public static final Duration MAX_SKEW = Duration.ofSeconds(60);

    private final String issuer;
    private final String clientId;
    private final Set<String> accessTokenClients;
    private final CognitoKeys keys;
    private final Clock clock;

    /**
     * @param clientId our app client: the only {@code aud} accepted in ID tokens
     * @param accessTokenClients the app clients whose access tokens we accept ({@code client_id})
     */
    public CognitoTokenValidator(String issuer, String clientId, Set<String> accessTokenClients, CognitoKeys keys,
            Clock clock) {
        this.issuer = issuer;
        this.clientId = clientId;
        this.accessTokenClients = Set.copyOf(accessTokenClients);
        this.keys = keys;
        this.clock = clock;
    }

    public CognitoToken validateIdToken(String token) throws TokenRejected {
        JWTClaimsSet claims = verified(token, TokenUse.ID);
        // Cognito: aud is our client id; an array of exactly that one client is accepted too, nothing else.
        List<String> audience = claims.getAudience();
        if (audience.size() != 1 || !clientId.equals(audience.get(0))) {
            throw new TokenRejected(Reason.AUDIENCE, "aud is not exactly our client");
        }
        return token(TokenUse.ID, claims, "cognito:username", clientId);
    }

    public CognitoToken validateAccessToken(String token) throws TokenRejected {
        JWTClaimsSet claims = verified(token, TokenUse.ACCESS);
        // Cognito: access tokens have no aud; client_id names the app client they were issued to.
        String client = string(claims, "client_id");
        if (client == null || !accessTokenClients.contains(client)) {
            throw new TokenRejected(Reason.CLIENT, "client_id is not one of our clients");
        }
        return token(TokenUse.ACCESS, claims, "username", client);
    }

    private JWTClaimsSet verified(String token, TokenUse use) throws TokenRejected {
        SignedJWT jwt = parse(token);
        JWSHeader header = jwt.getHeader();
        if (!JWSAlgorithm.RS256.equals(header.getAlgorithm())) {
            throw new TokenRejected(Reason.ALGORITHM, "alg is not RS256");
        }
        // Cognito's header is {"kid","alg"}: keys offered by the token itself and critical extensions are refused.
        if (header.getJWKURL() != null || header.getJWK() != null || header.getX509CertURL() != null
                || header.getX509CertChain() != null || header.getCriticalParams() != null) {
            throw new TokenRejected(Reason.HEADER, "header offers its own key or a critical extension");
        }
        if (header.getKeyID() == null) {
            throw new TokenRejected(Reason.HEADER, "no kid");
        }
        JWTClaimsSet claims = claims(jwt);
        if (!issuer.equals(claims.getIssuer())) {
            throw new TokenRejected(Reason.ISSUER, "iss is not our user pool");
        }
        if (!use.claimValue.equals(string(claims, "token_use"))) {
            throw new TokenRejected(Reason.TOKEN_USE, "token_use is not " + use.claimValue);
        }
        try {
            if (!jwt.verify(keys.verifier(header.getKeyID()))) {
                throw new TokenRejected(Reason.SIGNATURE, "signature does not verify");
            }
        } catch (JOSEException e) {
            throw new TokenRejected(Reason.SIGNATURE, "signature cannot be verified");
        }
        checkTimes(claims);
        if (claims.getSubject() == null || claims.getSubject().isBlank()) {
            throw new TokenRejected(Reason.MISSING_CLAIM, "no sub");
        }
        return claims;
    }

    private void checkTimes(JWTClaimsSet claims) throws TokenRejected {
        Date expiry = claims.getExpirationTime();
        Date issued = claims.getIssueTime();
        if (expiry == null || issued == null) {
            throw new TokenRejected(Reason.MISSING_CLAIM, "no exp or iat");
        }
        Instant now = clock.instant();
        if (now.minus(MAX_SKEW).isAfter(expiry.toInstant())) {
            throw new TokenRejected(Reason.EXPIRED, "expired");
        }
        Date notBefore = claims.getNotBeforeTime();
        if (now.plus(MAX_SKEW).isBefore(issued.toInstant())
                || notBefore != null && now.plus(MAX_SKEW).isBefore(notBefore.toInstant())) {
            throw new TokenRejected(Reason.NOT_YET_VALID, "issued in the future");
        }
    }

    private static CognitoToken token(TokenUse use, JWTClaimsSet claims, String usernameClaim, String client)
            throws TokenRejected {
        String username = string(claims, usernameClaim);
        if (username == null || username.isBlank()) {
            throw new TokenRejected(Reason.MISSING_CLAIM, "no " + usernameClaim);
        }
        String scope = string(claims, "scope");
        return new CognitoToken(use, username, claims.getSubject(), client, groups(claims),
                scope == null ? Set.of() : Set.of(scope.split(" ")), string(claims, "email"),
                claims.getExpirationTime().toInstant());
    }

    private static Set<String> groups(JWTClaimsSet claims) throws TokenRejected {
        try {
            List<String> groups = claims.getStringListClaim("cognito:groups");
            return groups == null ? Set.of() : Set.copyOf(groups);
        } catch (ParseException | NullPointerException e) {
            throw new TokenRejected(Reason.MALFORMED, "cognito:groups is not a list of strings");
        }
    }

    private static SignedJWT parse(String token) throws TokenRejected {
        try {
            return SignedJWT.parse(token);
        } catch (ParseException | RuntimeException e) {
            throw new TokenRejected(Reason.MALFORMED, "not a signed JWT");
        }
    }

    private static JWTClaimsSet claims(SignedJWT jwt) throws TokenRejected {
        try {
            return jwt.getJWTClaimsSet();
        } catch (ParseException e) {
            throw new TokenRejected(Reason.MALFORMED, "claims are not a JSON object");
        }
    }

    private static String string(JWTClaimsSet claims, String name) throws TokenRejected {
        try {
            return claims.getStringClaim(name);
        } catch (ParseException e) {
            throw new TokenRejected(Reason.MALFORMED, name + " is not a string");
        }
    }
}
