package dev.payaracognito.bench;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.RSASSAVerifier;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import java.text.ParseException;
import java.time.Clock;
import java.util.Date;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The candidate that would replace our compact-JWS reader: nimbus's lean path, {@code SignedJWT.parse}, one cached
 * {@link RSASSAVerifier} per key, then the same claim checks as {@code CognitoTokenValidator} on nimbus's claims
 * (RS256 only, no self-offered keys or {@code crit}, exact issuer, {@code token_use}, {@code client_id}, times with
 * a minute of skew, {@code sub} and {@code username}).
 */
final class NimbusLeanValidator {

    private final String issuer;
    private final String clientId;
    private final JWKSet keys;
    private final Clock clock;
    private final Map<String, RSASSAVerifier> verifiers = new ConcurrentHashMap<>();

    NimbusLeanValidator(String issuer, String clientId, JWKSet keys, Clock clock) {
        this.issuer = issuer;
        this.clientId = clientId;
        this.keys = keys;
        this.clock = clock;
    }

    JWTClaimsSet validateAccessToken(String token) throws ParseException, JOSEException {
        SignedJWT jwt = SignedJWT.parse(token);
        JWSHeader header = jwt.getHeader();
        if (!JWSAlgorithm.RS256.equals(header.getAlgorithm()) || header.getJWKURL() != null || header.getJWK() != null
                || header.getX509CertURL() != null || header.getX509CertChain() != null
                || header.getCriticalParams() != null || header.getKeyID() == null) {
            throw new JOSEException("header refused");
        }
        JWTClaimsSet claims = jwt.getJWTClaimsSet();
        if (!issuer.equals(claims.getIssuer()) || !"access".equals(claims.getStringClaim("token_use"))) {
            throw new JOSEException("not our pool's access token");
        }
        if (!jwt.verify(verifier(header.getKeyID()))) {
            throw new JOSEException("signature");
        }
        if (!clientId.equals(claims.getStringClaim("client_id"))) {
            throw new JOSEException("client_id");
        }
        long now = clock.millis();
        Date expiry = claims.getExpirationTime();
        Date issued = claims.getIssueTime();
        if (expiry == null || issued == null || now - 60_000 > expiry.getTime() || now + 60_000 < issued.getTime()) {
            throw new JOSEException("times");
        }
        if (claims.getSubject() == null || claims.getStringClaim("username") == null) {
            throw new JOSEException("missing claim");
        }
        claims.getStringListClaim("cognito:groups");
        claims.getStringClaim("scope");
        return claims;
    }

    private RSASSAVerifier verifier(String kid) throws JOSEException {
        RSASSAVerifier verifier = verifiers.get(kid);
        if (verifier == null) {
            verifier = new RSASSAVerifier(((RSAKey) keys.getKeyByKeyId(kid)).toRSAPublicKey());
            verifiers.put(kid, verifier);
        }
        return verifier;
    }
}
