package dev.payaracognito.localcognito.endpoints;

import static dev.payaracognito.localcognito.HostedUiClient.authorizeParameters;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import com.nimbusds.jose.JWEObject;
import com.nimbusds.jose.util.Base64URL;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import dev.payaracognito.localcognito.HostedUiClient;
import dev.payaracognito.localcognito.RefreshTokenRotation;
import dev.payaracognito.localcognito.RunningCognito;
import dev.payaracognito.localcognito.UserPool;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

class TokenEndpointTest {

    @RegisterExtension
    final RunningCognito pool = new RunningCognito();

    private static final String VERIFIER = "dBjftJeZ4CVP-mB92K27uhbUJU1p1r_wW1gFWFOEjXk";

    @Test
    void idTokenHasExactlyCognitosClaims() throws Exception {
        Map<String, Object> tokens = pool.client().redeem(pool.client().code(authorizeParameters(), "bob", "Bob-Passw0rd!"));
        SignedJWT id = SignedJWT.parse((String) tokens.get("id_token"));
        JWTClaimsSet claims = id.getJWTClaimsSet();

        assertEquals(Set.of("sub", "aud", "iss", "token_use", "auth_time", "iat", "exp", "cognito:username", "email",
                "email_verified", "cognito:groups", "nonce", "at_hash", "jti", "origin_jti", "event_id"),
                claims.getClaims().keySet());
        assertEquals(Set.of("kid", "alg"), id.getHeader().toJSONObject().keySet());
        assertEquals("RS256", id.getHeader().getAlgorithm().getName());
        assertEquals("id", claims.getClaim("token_use"));
        assertEquals(UserPool.DEMO_CLIENT_ID, id.getPayload().toJSONObject().get("aud"), "aud is a plain string");
        assertEquals(pool.cognito().issuer(), claims.getIssuer());
        assertEquals("bob", claims.getClaim("cognito:username"));
        assertEquals(List.of("admins"), claims.getClaim("cognito:groups"));
        assertEquals(Boolean.TRUE, claims.getClaim("email_verified"));
        assertEquals("nonce-1", claims.getClaim("nonce"));
        assertEquals(3600, (claims.getExpirationTime().getTime() - claims.getIssueTime().getTime()) / 1000);
        assertEquals(atHash((String) tokens.get("access_token")), claims.getClaim("at_hash"));
        assertEquals(36, claims.getSubject().length());
    }

    @Test
    void accessTokenHasClientIdAndNoAudience() throws Exception {
        Map<String, Object> tokens = pool.client().redeem(pool.client().code(authorizeParameters(), "bob", "Bob-Passw0rd!"));
        JWTClaimsSet access = SignedJWT.parse((String) tokens.get("access_token")).getJWTClaimsSet();
        JWTClaimsSet id = SignedJWT.parse((String) tokens.get("id_token")).getJWTClaimsSet();

        assertEquals(Set.of("sub", "cognito:groups", "iss", "version", "client_id", "origin_jti", "event_id",
                "token_use", "scope", "auth_time", "exp", "iat", "jti", "username"), access.getClaims().keySet());
        assertEquals("access", access.getClaim("token_use"));
        assertEquals(UserPool.DEMO_CLIENT_ID, access.getClaim("client_id"));
        assertEquals("openid email profile", access.getClaim("scope"));
        assertEquals(2L, access.getClaim("version"));
        assertEquals("bob", access.getClaim("username"));
        assertEquals(id.getClaim("origin_jti"), access.getClaim("origin_jti"));
        assertNotEquals(id.getJWTID(), access.getJWTID());
    }

    @Test
    void userWithoutGroupsHasNoGroupsClaim() throws Exception {
        Map<String, Object> tokens = pool.client().redeem(pool.client().code(authorizeParameters(), "alice", "Alice-Passw0rd!"));
        assertNull(SignedJWT.parse((String) tokens.get("id_token")).getJWTClaimsSet().getClaim("cognito:groups"));
        assertNull(SignedJWT.parse((String) tokens.get("access_token")).getJWTClaimsSet()
                .getClaim("cognito:groups"));
    }

    @Test
    void tokenResponseIsCognitos() throws Exception {
        HttpResponse<String> answer = pool.client().token(Map.of("grant_type", "authorization_code", "code",
                pool.client().code(authorizeParameters(), "alice", "Alice-Passw0rd!"), "redirect_uri",
                UserPool.DEMO_CALLBACK_URL));
        Map<String, Object> tokens = HostedUiClient.json(answer.body());

        assertEquals(200, answer.statusCode());
        assertEquals("no-store", answer.headers().firstValue("Cache-Control").orElseThrow());
        assertEquals(Set.of("id_token", "access_token", "refresh_token", "expires_in", "token_type"),
                tokens.keySet());
        assertEquals(3600L, tokens.get("expires_in"));
        assertEquals("Bearer", tokens.get("token_type"));
        JWEObject refresh = JWEObject.parse((String) tokens.get("refresh_token"));
        assertEquals(Set.of("cty", "enc", "alg"), refresh.getHeader().toJSONObject().keySet());
        assertEquals("JWT", refresh.getHeader().getContentType());
        assertEquals("RSA-OAEP", refresh.getHeader().getAlgorithm().getName());
        assertEquals("A256GCM", refresh.getHeader().getEncryptionMethod().getName());
    }

    @Test
    void codeWorksOnceOnly() throws Exception {
        String code = pool.client().code(authorizeParameters(), "alice", "Alice-Passw0rd!");
        pool.client().redeem(code);
        assertGrantError("invalid_grant", pool.client().token(redeemForm(code)));
    }

    @Test
    void wrongRedirectUriIsInvalidGrantAndBurnsTheCode() throws Exception {
        String code = pool.client().code(authorizeParameters(), "alice", "Alice-Passw0rd!");
        Map<String, String> form = redeemForm(code);
        form.put("redirect_uri", UserPool.DEMO_CALLBACK_URL + "/");
        assertGrantError("invalid_grant", pool.client().token(form));
        assertGrantError("invalid_grant", pool.client().token(redeemForm(code)));
    }

    @Test
    void expiredCodeIsInvalidGrant() throws Exception {
        String code = pool.client().code(authorizeParameters(), "alice", "Alice-Passw0rd!");
        pool.cognito().clock().advance(Duration.ofMinutes(5).plusSeconds(1));
        assertGrantError("invalid_grant", pool.client().token(redeemForm(code)));
    }

    @Test
    void pkceS256IsEnforced() throws Exception {
        Map<String, String> parameters = authorizeParameters();
        parameters.put("code_challenge", "E9Melhoa2OwvFrEMTJguCHaoeK1t8URWbuGJSstw-cM");
        parameters.put("code_challenge_method", "S256");

        Map<String, String> wrongVerifier = redeemForm(pool.client().code(parameters, "alice", "Alice-Passw0rd!"));
        wrongVerifier.put("code_verifier", VERIFIER.replace('d', 'e'));
        assertGrantError("invalid_grant", pool.client().token(wrongVerifier));

        Map<String, String> noVerifier = redeemForm(pool.client().code(parameters, "alice", "Alice-Passw0rd!"));
        assertGrantError("invalid_grant", pool.client().token(noVerifier));

        Map<String, String> rightVerifier = redeemForm(pool.client().code(parameters, "alice", "Alice-Passw0rd!"));
        rightVerifier.put("code_verifier", VERIFIER);
        assertEquals(200, pool.client().token(rightVerifier).statusCode());

        Map<String, String> verifierWithoutChallenge = redeemForm(pool.client().code(authorizeParameters(), "alice",
                "Alice-Passw0rd!"));
        verifierWithoutChallenge.put("code_verifier", VERIFIER);
        assertGrantError("invalid_grant", pool.client().token(verifierWithoutChallenge));
    }

    @Test
    void clientAuthenticatesByBasicOrByBody() throws Exception {
        Map<String, String> body = redeemForm(pool.client().code(authorizeParameters(), "alice", "Alice-Passw0rd!"));
        body.put("client_id", UserPool.DEMO_CLIENT_ID);
        body.put("client_secret", UserPool.DEMO_CLIENT_SECRET);
        assertEquals(200, pool.client().post("/oauth2/token", body, null).statusCode());

        Map<String, String> basic = redeemForm(pool.client().code(authorizeParameters(), "alice", "Alice-Passw0rd!"));
        assertEquals(200, pool.client().post("/oauth2/token", basic,
                UserPool.DEMO_CLIENT_ID + ":" + UserPool.DEMO_CLIENT_SECRET).statusCode());
    }

    @Test
    void wrongOrMissingSecretIsInvalidClient() throws Exception {
        String code = pool.client().code(authorizeParameters(), "alice", "Alice-Passw0rd!");
        assertGrantError("invalid_client", pool.client().post("/oauth2/token", redeemForm(code),
                UserPool.DEMO_CLIENT_ID + ":wrong"));

        Map<String, String> body = redeemForm(code);
        body.put("client_id", UserPool.DEMO_CLIENT_ID);
        body.put("client_secret", "wrong");
        assertGrantError("invalid_client", pool.client().post("/oauth2/token", body, null));

        Map<String, String> noSecret = redeemForm(code);
        noSecret.put("client_id", UserPool.DEMO_CLIENT_ID);
        assertGrantError("invalid_client", pool.client().post("/oauth2/token", noSecret, null));

        assertGrantError("invalid_client", pool.client().post("/oauth2/token", redeemForm(code),
                "nosuchclient00000000000000:secret"));
    }

    @Test
    void malformedRequestsAreCognitosErrors() throws Exception {
        assertGrantError("invalid_request", pool.client().token(Map.of("code", "x")));
        assertGrantError("unsupported_grant_type", pool.client().token(Map.of("grant_type", "urn:x")));
        assertGrantError("unauthorized_client", pool.client().token(Map.of("grant_type", "client_credentials")));
        assertGrantError("invalid_request", pool.client().token(Map.of("grant_type", "authorization_code")));
        assertEquals(405, pool.client().get("/oauth2/token").statusCode());
    }

    @Test
    void refreshGivesNewTokensButNoNewRefreshToken() throws Exception {
        Map<String, Object> first = pool.client().redeem(pool.client().code(authorizeParameters(), "bob", "Bob-Passw0rd!"));
        HttpResponse<String> answer = pool.client().token(Map.of("grant_type", "refresh_token", "refresh_token",
                (String) first.get("refresh_token")));
        Map<String, Object> refreshed = HostedUiClient.json(answer.body());

        assertEquals(200, answer.statusCode());
        assertEquals(Set.of("id_token", "access_token", "expires_in", "token_type"), refreshed.keySet());
        JWTClaimsSet id = SignedJWT.parse((String) refreshed.get("id_token")).getJWTClaimsSet();
        assertEquals("bob", id.getClaim("cognito:username"));
        assertNull(id.getClaim("nonce"), "Cognito does not repeat the nonce on refresh");
        assertEquals(SignedJWT.parse((String) first.get("id_token")).getJWTClaimsSet().getClaim("auth_time"),
                id.getClaim("auth_time"));
    }

    /** Rotation, grace period 0: a new refresh token each time, and the one sent is spent at once. */
    @Test
    void withRotationEachRefreshAnswersANewRefreshTokenAndSpendsTheOneSent() throws Exception {
        rotate(RefreshTokenRotation.enabled(Duration.ZERO));
        String first = (String) signIn("bob", "Bob-Passw0rd!").get("refresh_token");

        Map<String, Object> refreshed = HostedUiClient.json(refresh(first).body());
        String second = (String) refreshed.get("refresh_token");
        assertEquals(Set.of("id_token", "access_token", "refresh_token", "expires_in", "token_type"),
                refreshed.keySet());
        assertNotEquals(first, second);
        assertGrantError("invalid_grant", refresh(first));
        assertEquals(200, refresh(second).statusCode(), "the new one works, once");
        assertGrantError("invalid_grant", refresh(second));
    }

    /**
     * The grace period: the token sent still works until it ends, and not after (the pool's clock also moves with
     * real time, hence the half second on either side).
     */
    @Test
    void withAGracePeriodTheTokenSentStillWorksUntilItEnds() throws Exception {
        rotate(RefreshTokenRotation.enabled(Duration.ofSeconds(30)));
        String first = (String) signIn("bob", "Bob-Passw0rd!").get("refresh_token");
        assertEquals(200, refresh(first).statusCode());

        pool.cognito().clock().advance(Duration.ofMillis(29_500));
        assertEquals(200, refresh(first).statusCode(), "a retry within the grace period");
        pool.cognito().clock().advance(Duration.ofMillis(1_000));
        assertGrantError("invalid_grant", refresh(first));
    }

    /** A rotated refresh token ends when the sign-in's first one would have: rotation never extends a sign-in. */
    @Test
    void aRotatedRefreshTokenEndsWithTheSignIn() throws Exception {
        rotate(RefreshTokenRotation.enabled(Duration.ZERO));
        pool.cognito().refreshTokenLifetime(Duration.ofMinutes(60));
        String token = (String) signIn("bob", "Bob-Passw0rd!").get("refresh_token");
        for (int minute = 20; minute <= 40; minute += 20) {
            pool.cognito().clock().advance(Duration.ofMinutes(20));
            HttpResponse<String> refreshed = refresh(token);
            assertEquals(200, refreshed.statusCode(), "at minute " + minute);
            token = (String) HostedUiClient.json(refreshed.body()).get("refresh_token");
        }
        pool.cognito().clock().advance(Duration.ofMinutes(20).plusSeconds(1));
        assertGrantError("invalid_grant", refresh(token));
    }

    /** Revoking any refresh token of a sign-in revokes the family its rotations made. */
    @Test
    void revokingARotatedTokenRevokesItsFamily() throws Exception {
        rotate(RefreshTokenRotation.enabled(Duration.ofSeconds(60)));
        String first = (String) signIn("bob", "Bob-Passw0rd!").get("refresh_token");
        String second = (String) HostedUiClient.json(refresh(first).body()).get("refresh_token");

        assertEquals(200, pool.client().post("/oauth2/revoke", Map.of("token", first),
                UserPool.DEMO_CLIENT_ID + ":" + UserPool.DEMO_CLIENT_SECRET).statusCode());
        assertGrantError("invalid_grant", refresh(second));
    }

    private void rotate(RefreshTokenRotation rotation) {
        pool.cognito().updateClient(pool.cognito().pool().client(UserPool.DEMO_CLIENT_ID).orElseThrow()
                .withRotation(rotation));
    }

    private Map<String, Object> signIn(String user, String password) throws Exception {
        return pool.client().redeem(pool.client().code(authorizeParameters(), user, password));
    }

    private HttpResponse<String> refresh(String refreshToken) throws Exception {
        return pool.client().token(Map.of("grant_type", "refresh_token", "refresh_token", refreshToken));
    }

    @Test
    void revokedRefreshTokenIsInvalidGrantAndItsAccessTokensStopWorkingAtUserInfo() throws Exception {
        Map<String, Object> tokens = pool.client().redeem(pool.client().code(authorizeParameters(), "alice", "Alice-Passw0rd!"));
        String refreshToken = (String) tokens.get("refresh_token");
        String accessToken = (String) tokens.get("access_token");
        assertEquals(200, userInfo(accessToken).statusCode());

        HttpResponse<String> revoke = pool.client().post("/oauth2/revoke", Map.of("token", refreshToken),
                UserPool.DEMO_CLIENT_ID + ":" + UserPool.DEMO_CLIENT_SECRET);
        assertEquals(200, revoke.statusCode());
        assertEquals("", revoke.body());

        assertGrantError("invalid_grant", pool.client().token(Map.of("grant_type", "refresh_token", "refresh_token",
                refreshToken)));
        assertEquals(401, userInfo(accessToken).statusCode());
    }

    @Test
    void revokeAnswersOkForUnknownTokensAndRefusesJwtsAndStrangers() throws Exception {
        String credentials = UserPool.DEMO_CLIENT_ID + ":" + UserPool.DEMO_CLIENT_SECRET;
        assertEquals(200, pool.client().post("/oauth2/revoke", Map.of("token", "unknown"), credentials).statusCode());
        Map<String, Object> tokens = pool.client().redeem(pool.client().code(authorizeParameters(), "alice", "Alice-Passw0rd!"));
        assertGrantError("unsupported_token_type", pool.client().post("/oauth2/revoke",
                Map.of("token", (String) tokens.get("access_token")), credentials));
        assertGrantError("invalid_client", pool.client().post("/oauth2/revoke",
                Map.of("token", (String) tokens.get("refresh_token")), UserPool.DEMO_CLIENT_ID + ":wrong"));
    }

    @Test
    void userInfoAnswersTheUsersAttributesForAValidAccessToken() throws Exception {
        Map<String, Object> tokens = pool.client().redeem(pool.client().code(authorizeParameters(), "alice", "Alice-Passw0rd!"));
        HttpResponse<String> answer = userInfo((String) tokens.get("access_token"));
        Map<String, Object> attributes = HostedUiClient.json(answer.body());

        assertEquals(200, answer.statusCode());
        assertEquals("alice", attributes.get("username"));
        assertEquals("alice@example.com", attributes.get("email"));
        assertEquals("true", attributes.get("email_verified"), "a string in userInfo");
        assertEquals(SignedJWT.parse((String) tokens.get("id_token")).getJWTClaimsSet().getSubject(),
                attributes.get("sub"));
    }

    @Test
    void userInfoRefusesIdTokensExpiredAndTamperedTokens() throws Exception {
        Map<String, Object> tokens = pool.client().redeem(pool.client().code(authorizeParameters(), "alice", "Alice-Passw0rd!"));
        String access = (String) tokens.get("access_token");

        assertInvalidToken(userInfo((String) tokens.get("id_token")));
        assertInvalidToken(userInfo(withSignatureFlipped(access)));
        assertInvalidToken(userInfo("not-a-jwt"));
        pool.cognito().clock().advance(Duration.ofMinutes(61));
        assertInvalidToken(userInfo(access));
    }

    private HttpResponse<String> userInfo(String accessToken) throws Exception {
        return java.net.http.HttpClient.newHttpClient().send(java.net.http.HttpRequest.newBuilder(
                java.net.URI.create(pool.cognito().domain() + "/oauth2/userInfo"))
                .header("Authorization", "Bearer " + accessToken).build(), HttpResponse.BodyHandlers.ofString());
    }

    private static Map<String, String> redeemForm(String code) {
        Map<String, String> form = new HashMap<>();
        form.put("grant_type", "authorization_code");
        form.put("code", code);
        form.put("redirect_uri", UserPool.DEMO_CALLBACK_URL);
        return form;
    }

    private static void assertGrantError(String error, HttpResponse<String> answer) {
        assertEquals(400, answer.statusCode(), answer.body());
        assertEquals(Map.of("error", error), HostedUiClient.json(answer.body()));
    }

    private static void assertInvalidToken(HttpResponse<String> answer) {
        assertEquals(401, answer.statusCode());
        assertEquals("Bearer error=\"invalid_token\"", answer.headers().firstValue("WWW-Authenticate").orElseThrow());
        assertFalse(answer.body().contains("eyJ"));
    }

    private static String atHash(String accessToken) throws Exception {
        byte[] digest = MessageDigest.getInstance("SHA-256").digest(accessToken.getBytes(StandardCharsets.US_ASCII));
        return Base64URL.encode(java.util.Arrays.copyOf(digest, 16)).toString();
    }

    /**
     * One character of the signature changed in its middle: every bit of it is significant there (the last
     * character of an RSA-2048 signature carries only 2 bits, so changing the end may leave it the same).
     */
    private static String withSignatureFlipped(String token) {
        int signature = token.lastIndexOf('.') + 1;
        int middle = signature + (token.length() - signature) / 2;
        char flipped = token.charAt(middle) == 'A' ? 'B' : 'A';
        return token.substring(0, middle) + flipped + token.substring(middle + 1);
    }
}
