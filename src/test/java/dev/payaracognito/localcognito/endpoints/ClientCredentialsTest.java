package dev.payaracognito.localcognito.endpoints;

import static dev.payaracognito.localcognito.HostedUiClient.authorizeParameters;
import static dev.payaracognito.localcognito.HostedUiClient.queryParameter;
import static dev.payaracognito.localcognito.UserPool.DEMO_ADMIN_SCOPE;
import static dev.payaracognito.localcognito.UserPool.DEMO_MACHINE_CLIENT_ID;
import static dev.payaracognito.localcognito.UserPool.DEMO_MACHINE_CLIENT_SECRET;
import static dev.payaracognito.localcognito.UserPool.DEMO_READ_ONLY_MACHINE_CLIENT_ID;
import static dev.payaracognito.localcognito.UserPool.DEMO_READ_ONLY_MACHINE_CLIENT_SECRET;
import static dev.payaracognito.localcognito.UserPool.DEMO_READ_SCOPE;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.nimbusds.jose.crypto.RSASSAVerifier;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import dev.payaracognito.localcognito.AppClient;
import dev.payaracognito.localcognito.HostedUiClient;
import dev.payaracognito.localcognito.OAuthFlow;
import dev.payaracognito.localcognito.RunningCognito;
import dev.payaracognito.localcognito.TokenUse;
import dev.payaracognito.localcognito.UserPool;
import dev.payaracognito.localcognito.tokens.Forgeries;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** Machine-to-machine tokens: the {@code client_credentials} grant for the resource server's scopes. */
class ClientCredentialsTest {

    @RegisterExtension
    static final RunningCognito POOL = new RunningCognito();

    @Test
    void machineTokenHasExactlyCognitosClaimsAndNothingElseIsIssued() throws Exception {
        Map<String, Object> answer = POOL.client().machineTokens(DEMO_MACHINE_CLIENT_ID, DEMO_MACHINE_CLIENT_SECRET,
                DEMO_READ_SCOPE);
        assertEquals(Set.of("access_token", "expires_in", "token_type"), answer.keySet(), "no ID or refresh token");
        assertEquals("Bearer", answer.get("token_type"));
        assertEquals(3600L, answer.get("expires_in"));

        SignedJWT token = SignedJWT.parse((String) answer.get("access_token"));
        JWTClaimsSet claims = token.getJWTClaimsSet();
        assertEquals(Set.of("sub", "token_use", "scope", "auth_time", "iss", "exp", "iat", "version", "jti",
                "client_id"), claims.getClaims().keySet());
        assertEquals(DEMO_MACHINE_CLIENT_ID, claims.getSubject(), "the client is its own subject");
        assertEquals(DEMO_MACHINE_CLIENT_ID, claims.getClaim("client_id"));
        assertEquals("access", claims.getClaim("token_use"));
        assertEquals(DEMO_READ_SCOPE, claims.getClaim("scope"));
        assertEquals(2L, claims.getClaim("version"));
        assertEquals(POOL.cognito().issuer(), claims.getIssuer());
        assertEquals(claims.getIssueTime().getTime() / 1000, claims.getClaim("auth_time"));
        assertEquals(3600, (claims.getExpirationTime().getTime() - claims.getIssueTime().getTime()) / 1000);
        assertEquals(Set.of("kid", "alg"), token.getHeader().toJSONObject().keySet());
        RSAKey key = (RSAKey) jwks().getKeyByKeyId(token.getHeader().getKeyID());
        assertTrue(token.verify(new RSASSAVerifier(key)), "signed with a key of the pool's JWKS");
    }

    @Test
    void withoutScopeTheClientGetsAllItsScopes() throws Exception {
        assertEquals(Set.of(DEMO_READ_SCOPE, DEMO_ADMIN_SCOPE), scopes(POOL.client().machineTokens(
                DEMO_MACHINE_CLIENT_ID, DEMO_MACHINE_CLIENT_SECRET)));
        assertEquals(Set.of(DEMO_READ_SCOPE), scopes(POOL.client().machineTokens(DEMO_READ_ONLY_MACHINE_CLIENT_ID,
                DEMO_READ_ONLY_MACHINE_CLIENT_SECRET)));
    }

    @Test
    void aClientGetsTheScopesItAsksForAmongItsOwn() throws Exception {
        assertEquals(Set.of(DEMO_ADMIN_SCOPE), scopes(POOL.client().machineTokens(DEMO_MACHINE_CLIENT_ID,
                DEMO_MACHINE_CLIENT_SECRET, DEMO_ADMIN_SCOPE)));
        assertEquals(Set.of(DEMO_READ_SCOPE, DEMO_ADMIN_SCOPE), scopes(POOL.client().machineTokens(
                DEMO_MACHINE_CLIENT_ID, DEMO_MACHINE_CLIENT_SECRET, DEMO_READ_SCOPE, DEMO_ADMIN_SCOPE)));
    }

    @Test
    void aScopeTheClientMayNotHaveIsInvalidScope() throws Exception {
        assertTokenError("invalid_scope", POOL.client().clientCredentials(DEMO_READ_ONLY_MACHINE_CLIENT_ID,
                DEMO_READ_ONLY_MACHINE_CLIENT_SECRET, DEMO_ADMIN_SCOPE));
        assertTokenError("invalid_scope", POOL.client().clientCredentials(DEMO_MACHINE_CLIENT_ID,
                DEMO_MACHINE_CLIENT_SECRET, "payara-api/write"));
        assertTokenError("invalid_scope", POOL.client().clientCredentials(DEMO_MACHINE_CLIENT_ID,
                DEMO_MACHINE_CLIENT_SECRET, "openid"));
        assertTokenError("invalid_scope", POOL.client().clientCredentials(DEMO_MACHINE_CLIENT_ID,
                DEMO_MACHINE_CLIENT_SECRET, "openid", DEMO_READ_SCOPE));
    }

    @Test
    void aUserClientIsUnauthorizedForClientCredentials() throws Exception {
        assertTokenError("unauthorized_client", POOL.client().clientCredentials(UserPool.DEMO_CLIENT_ID,
                UserPool.DEMO_CLIENT_SECRET, DEMO_READ_SCOPE));
    }

    @Test
    void theClientAuthenticatesByBasicOrInTheBodyAndAWrongSecretIsInvalidClient() throws Exception {
        assertTokenError("invalid_client", POOL.client().clientCredentials(DEMO_MACHINE_CLIENT_ID, "wrong"));
        assertTokenError("invalid_client", POOL.client().clientCredentials(DEMO_MACHINE_CLIENT_ID,
                DEMO_READ_ONLY_MACHINE_CLIENT_SECRET));
        HttpResponse<String> inTheBody = POOL.client().post("/oauth2/token", Map.of("grant_type",
                "client_credentials", "client_id", DEMO_MACHINE_CLIENT_ID, "client_secret",
                DEMO_MACHINE_CLIENT_SECRET), null);
        assertEquals(200, inTheBody.statusCode(), inTheBody.body());
    }

    @Test
    void userInfoRefusesAMachineToken() throws Exception {
        String token = (String) POOL.client().machineTokens(DEMO_MACHINE_CLIENT_ID, DEMO_MACHINE_CLIENT_SECRET)
                .get("access_token");
        HttpResponse<String> answer = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                URI.create(POOL.cognito().domain() + "/oauth2/userInfo")).header("Authorization", "Bearer " + token)
                .build(), HttpResponse.BodyHandlers.ofString());
        assertEquals(401, answer.statusCode());
        assertEquals("Bearer error=\"invalid_token\"", answer.headers().firstValue("WWW-Authenticate").orElseThrow());
    }

    @Test
    void requestsAreCountedAsTheirGrantTypeAndForgeriesReachMachineTokens() throws Exception {
        int before = POOL.cognito().tokenRequests("client_credentials");
        POOL.cognito().forgeNextTokens(Forgeries.claim(TokenUse.ACCESS, "scope", DEMO_ADMIN_SCOPE));
        Map<String, Object> forged = POOL.client().machineTokens(DEMO_READ_ONLY_MACHINE_CLIENT_ID,
                DEMO_READ_ONLY_MACHINE_CLIENT_SECRET);
        assertEquals(Set.of(DEMO_ADMIN_SCOPE), scopes(forged));
        assertEquals(before + 1, POOL.cognito().tokenRequests("client_credentials"));
    }

    @Test
    void aUserClientMayAskForTheResourceServersScopesItIsAllowed() throws Exception {
        // 1. the web client may have payara-api/read: the user's access token carries it
        Map<String, String> parameters = authorizeParameters();
        parameters.put("scope", "openid " + DEMO_READ_SCOPE);
        Map<String, Object> tokens = POOL.client().redeem(POOL.client().code(parameters, "alice", "Alice-Passw0rd!"));
        JWTClaimsSet access = SignedJWT.parse((String) tokens.get("access_token")).getJWTClaimsSet();
        assertEquals("openid " + DEMO_READ_SCOPE, access.getClaim("scope"));
        assertEquals("alice", access.getClaim("username"));

        // 2. it may not have payara-api/admin: the authorize request is refused
        parameters.put("scope", "openid " + DEMO_ADMIN_SCOPE);
        URI refused = URI.create(POOL.client().authorize(parameters).headers().firstValue("Location").orElseThrow());
        assertEquals("invalid_scope", queryParameter(refused, "error"));
    }

    @Test
    void aClientWithoutTheCodeFlowIsUnauthorizedAtAuthorize() throws Exception {
        POOL.cognito().updateClient(new AppClient("localcognitocallbackmachine", "s3cret", List.of(
                UserPool.DEMO_CALLBACK_URL), List.of(), Set.of(DEMO_READ_SCOPE), false,
                Set.of(OAuthFlow.CLIENT_CREDENTIALS)));
        Map<String, String> parameters = authorizeParameters();
        parameters.put("client_id", "localcognitocallbackmachine");
        parameters.put("scope", DEMO_READ_SCOPE);
        URI refused = URI.create(POOL.client().authorize(parameters).headers().firstValue("Location").orElseThrow());
        assertEquals("unauthorized_client", queryParameter(refused, "error"));
    }

    private static Set<String> scopes(Map<String, Object> tokenResponse) throws Exception {
        String scope = (String) SignedJWT.parse((String) tokenResponse.get("access_token")).getJWTClaimsSet()
                .getClaim("scope");
        return Set.of(scope.split(" "));
    }

    private static JWKSet jwks() throws Exception {
        return JWKSet.parse(POOL.client().wellKnown("jwks.json").body());
    }

    private static void assertTokenError(String error, HttpResponse<String> answer) {
        assertEquals(400, answer.statusCode(), answer.body());
        assertEquals(Map.of("error", error), HostedUiClient.json(answer.body()));
    }
}
