package dev.payaracognito.localcognito.endpoints;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.crypto.RSASSAVerifier;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import dev.payaracognito.localcognito.PoolContext;
import dev.payaracognito.localcognito.PoolUser;
import dev.payaracognito.localcognito.TokenUse;
import java.io.IOException;
import java.text.ParseException;
import java.util.Date;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * {@code GET|POST /oauth2/userInfo} (capital I: Cognito's paths are case-sensitive): the user's attributes
 * for a valid user access token whose scope includes {@code openid}.
 */
final class UserInfoEndpoint {

    private final PoolContext context;

    UserInfoEndpoint(PoolContext context) {
        this.context = context;
    }

    void handle(Exchange exchange) throws IOException {
        Optional<JWTClaimsSet> claims = validAccessToken(exchange.header("Authorization"));
        // A client-credentials token has no user (no username claim): Cognito refuses it as an invalid token.
        if (claims.isEmpty() || claims.get().getClaim("username") == null) {
            exchange.header("WWW-Authenticate", "Bearer error=\"invalid_token\"");
            exchange.json(401, Map.of("error", "invalid_token"));
            return;
        }
        List<String> scopes = List.of(String.valueOf(claims.get().getClaim("scope")).split(" "));
        Optional<PoolUser> user = context.pool.user(String.valueOf(claims.get().getClaim("username")));
        if (!scopes.contains("openid") || user.isEmpty()) {
            exchange.header("WWW-Authenticate", "Bearer error=\"insufficient_scope\"");
            exchange.json(403, Map.of("error", "insufficient_scope"));
            return;
        }
        Map<String, Object> attributes = new LinkedHashMap<>();
        attributes.put("sub", user.get().sub());
        if (scopes.contains("email") && user.get().email() != null) {
            // Cognito: email_verified is a string here, unlike in the ID token.
            attributes.put("email_verified", Boolean.toString(user.get().emailVerified()));
            attributes.put("email", user.get().email());
        }
        attributes.put("username", user.get().username());
        exchange.json(200, attributes);
    }

    private Optional<JWTClaimsSet> validAccessToken(String authorization) {
        if (authorization == null || !authorization.regionMatches(true, 0, "Bearer ", 0, 7)) {
            return Optional.empty();
        }
        try {
            SignedJWT jwt = SignedJWT.parse(authorization.substring(7).trim());
            if (!JWSAlgorithm.RS256.equals(jwt.getHeader().getAlgorithm()) || jwt.getHeader().getKeyID() == null) {
                return Optional.empty();
            }
            Optional<RSAKey> key = context.keys.published(jwt.getHeader().getKeyID());
            if (key.isEmpty() || !jwt.verify(new RSASSAVerifier(key.get()))) {
                return Optional.empty();
            }
            JWTClaimsSet claims = jwt.getJWTClaimsSet();
            Date expiry = claims.getExpirationTime();
            boolean valid = context.issuer().equals(claims.getIssuer())
                    && TokenUse.ACCESS.claimValue().equals(claims.getClaim("token_use"))
                    && expiry != null && expiry.toInstant().isAfter(context.clock.instant())
                    && !context.grants.isRevoked(String.valueOf(claims.getClaim("origin_jti")));
            return valid ? Optional.of(claims) : Optional.empty();
        } catch (ParseException | JOSEException e) {
            return Optional.empty();
        }
    }
}
