package dev.payaracognito.localcognito;

import static dev.payaracognito.localcognito.HostedUiClient.authorizeParameters;
import static dev.payaracognito.localcognito.HostedUiClient.queryParameter;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.crypto.RSASSAVerifier;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.util.Base64URL;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import dev.payaracognito.localcognito.tokens.Forgeries;
import java.net.ConnectException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.time.Duration;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

class HooksTest {

    @RegisterExtension
    final RunningCognito pool = new RunningCognito();

    @Test
    void rotatedKeysSignNewTokensAndOldKeysStayPublishedUntilDropped() throws Exception {
        Set<String> before = kids();
        pool.cognito().rotateKeys();
        Set<String> after = kids();
        assertEquals(4, after.size());
        assertTrue(after.containsAll(before));

        String kid = SignedJWT.parse(signInTokens().get("id_token").toString()).getHeader().getKeyID();
        assertFalse(before.contains(kid));
        assertTrue(after.contains(kid));

        pool.cognito().dropRetiredKeys();
        Set<String> dropped = kids();
        assertEquals(2, dropped.size());
        assertTrue(dropped.contains(kid));
    }

    @Test
    void tokenLifetimeIsConfigurable() throws Exception {
        pool.cognito().tokenLifetime(Duration.ofMinutes(5));
        Map<String, Object> tokens = signInTokens();
        JWTClaimsSet claims = SignedJWT.parse((String) tokens.get("access_token")).getJWTClaimsSet();
        assertEquals(300L, tokens.get("expires_in"));
        assertEquals(300, (claims.getExpirationTime().getTime() - claims.getIssueTime().getTime()) / 1000);
    }

    @Test
    void refreshTokenLifetimeIsConfigurable() throws Exception {
        pool.cognito().refreshTokenLifetime(Duration.ofHours(1));
        String refreshToken = (String) signInTokens().get("refresh_token");
        pool.cognito().clock().advance(Duration.ofMinutes(61));
        HttpResponse<String> refresh = pool.client().token(Map.of("grant_type", "refresh_token", "refresh_token",
                refreshToken));
        assertEquals(400, refresh.statusCode());
        assertEquals("invalid_grant", HostedUiClient.json(refresh.body()).get("error"));
    }

    @Test
    void requestsAreCountedPerEndpoint() throws Exception {
        pool.cognito().resetRequestCounts();
        jwks();
        jwks();
        signInTokens();
        assertEquals(2, pool.cognito().requests(Endpoint.JWKS));
        assertEquals(1, pool.cognito().requests(Endpoint.TOKEN));
        assertEquals(2, pool.cognito().requests(Endpoint.LOGIN), "the form, then the post");
        assertEquals(0, pool.cognito().requests(Endpoint.DISCOVERY));
    }

    @Test
    void endpointsFailHangAndTalkGarbageUntilHealed() throws Exception {
        pool.cognito().fail(Endpoint.JWKS, 503);
        assertEquals(503, jwks().statusCode());

        pool.cognito().answerGarbage(Endpoint.JWKS);
        HttpResponse<String> garbage = jwks();
        assertEquals(200, garbage.statusCode());
        assertTrue(garbage.body().startsWith("<html>"));

        pool.cognito().hang(Endpoint.JWKS, Duration.ofSeconds(5));
        HttpRequest impatient = HttpRequest.newBuilder(jwksUri()).timeout(Duration.ofMillis(300)).build();
        assertThrows(HttpTimeoutException.class, () -> HttpClient.newHttpClient().send(impatient,
                HttpResponse.BodyHandlers.ofString()));
        assertEquals(200, pool.client().wellKnown("openid-configuration")
                .statusCode(), "one hanging endpoint does not hold up the others");

        pool.cognito().heal(Endpoint.JWKS);
        assertEquals(200, jwks().statusCode());
    }

    @Test
    void stopAndStartAgainOnTheSamePortWithTheSameKeys() throws Exception {
        int port = pool.cognito().port();
        Set<String> kids = kids();
        pool.cognito().stop();
        assertThrows(ConnectException.class, () -> HttpClient.newHttpClient().send(
                HttpRequest.newBuilder(jwksUri()).build(), HttpResponse.BodyHandlers.ofString()));
        pool.cognito().start();
        assertEquals(port, pool.cognito().port());
        assertEquals(kids, kids());
    }

    @Test
    void forgedTokensAreForgedTheWayTheySay() throws Exception {
        JWKSet published = JWKSet.parse(jwks().body());

        pool.cognito().forgeNextTokens(Forgeries.claim(TokenUse.ID, "token_use", "access"),
                Forgeries.brokenSignature(TokenUse.ACCESS));
        Map<String, Object> tokens = signInTokens();
        SignedJWT id = SignedJWT.parse((String) tokens.get("id_token"));
        SignedJWT access = SignedJWT.parse((String) tokens.get("access_token"));
        assertEquals("access", id.getJWTClaimsSet().getClaim("token_use"));
        assertTrue(verifies(id, published), "a changed claim is honestly signed");
        assertFalse(verifies(access, published));

        pool.cognito().forgeNextTokens(Forgeries.unknownKey(TokenUse.ID), Forgeries.otherAlgorithm(TokenUse.ACCESS,
                JWSAlgorithm.RS512));
        tokens = signInTokens();
        assertNull(published.getKeyByKeyId(SignedJWT.parse((String) tokens.get("id_token")).getHeader().getKeyID()));
        assertEquals(JWSAlgorithm.RS512, SignedJWT.parse((String) tokens.get("access_token")).getHeader()
                .getAlgorithm());

        pool.cognito().forgeNextTokens(Forgeries.unsigned(TokenUse.ID, "nOnE"), Forgeries.selfOfferedKey(TokenUse.ACCESS,
                "jwk"));
        tokens = signInTokens();
        assertTrue(((String) tokens.get("id_token")).endsWith("."));
        String header = new Base64URL(((String) tokens.get("id_token")).split("\\.")[0]).decodeToString();
        assertTrue(header.contains("\"alg\":\"nOnE\""), header);
        assertTrue(SignedJWT.parse((String) tokens.get("access_token")).getHeader().getJWK() != null);

        Map<String, Object> honest = signInTokens();
        assertTrue(verifies(SignedJWT.parse((String) honest.get("id_token")), published), "only the next response");
    }

    @Test
    void theNextCallbackCanBeBentOrAnError() throws Exception {
        pool.cognito().bendNextState(state -> state + "-bent");
        URI bent = pool.client().signIn(authorizeParameters(), "alice", "Alice-Passw0rd!");
        assertEquals("state-1-bent", queryParameter(bent, "state"));

        pool.cognito().failNextCallback("access_denied", "<b>no</b>");
        URI error = URI.create(pool.client().authorize(authorizeParameters()).headers().firstValue("Location")
                .orElseThrow());
        assertEquals("access_denied", queryParameter(error, "error"));
        assertEquals("<b>no</b>", queryParameter(error, "error_description"));
        assertNull(queryParameter(error, "code"));

        URI honest = URI.create(pool.client().authorize(authorizeParameters()).headers().firstValue("Location")
                .orElseThrow());
        assertEquals("state-1", queryParameter(honest, "state"));
    }

    @Test
    void theNextTokenResponseCanBeAnything() throws Exception {
        String code = pool.client().code(authorizeParameters(), "alice", "Alice-Passw0rd!");
        pool.cognito().answerNextTokenRequest(500, "text/html", "<html>oops</html>");
        HttpResponse<String> garbage = pool.client().token(Map.of("grant_type", "authorization_code", "code", code,
                "redirect_uri", UserPool.DEMO_CALLBACK_URL));
        assertEquals(500, garbage.statusCode());
        assertEquals("<html>oops</html>", garbage.body());
        // only the next answer was replaced: the same code is then redeemed as usual
        assertEquals(200, pool.client().token(Map.of("grant_type", "authorization_code", "code", code,
                "redirect_uri", UserPool.DEMO_CALLBACK_URL)).statusCode());
    }

    private Map<String, Object> signInTokens() throws Exception {
        HostedUiClient fresh = new HostedUiClient(pool.cognito());
        return fresh.redeem(fresh.code(authorizeParameters(), "bob", "Bob-Passw0rd!"));
    }

    private static boolean verifies(SignedJWT jwt, JWKSet jwks) throws Exception {
        RSAKey key = (RSAKey) jwks.getKeyByKeyId(jwt.getHeader().getKeyID());
        return key != null && jwt.verify(new RSASSAVerifier(key));
    }

    private URI jwksUri() {
        return URI.create(pool.cognito().issuer() + "/.well-known/jwks.json");
    }

    private HttpResponse<String> jwks() throws Exception {
        return pool.client().wellKnown("jwks.json");
    }

    private Set<String> kids() throws Exception {
        return JWKSet.parse(jwks().body()).getKeys().stream().map(k -> k.getKeyID()).collect(Collectors.toSet());
    }
}
