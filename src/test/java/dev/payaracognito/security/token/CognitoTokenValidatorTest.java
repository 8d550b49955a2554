package dev.payaracognito.security.token;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jwt.SignedJWT;
import dev.payaracognito.localcognito.Endpoint;
import dev.payaracognito.localcognito.RunningCognito;
import dev.payaracognito.localcognito.TokenUse;
import dev.payaracognito.localcognito.UserPool;
import dev.payaracognito.localcognito.tokens.Forgeries;
import dev.payaracognito.localcognito.tokens.TokenForgery;
import dev.payaracognito.security.token.TokenRejected.Reason;
import java.net.URI;
import java.net.http.HttpResponse;
import java.net.http.HttpRequest;
import java.net.http.HttpClient;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** The validator against a hostile local Cognito: every token rule of docs/security.md. */
class CognitoTokenValidatorTest {

    @RegisterExtension
    static final RunningCognito POOL = new RunningCognito();

    private static final CountedEvents EVENTS = new CountedEvents();

    private CognitoTokenValidator validator;

    @BeforeEach
    void newValidator() throws Exception {
        POOL.cognito().healAll();
        validator = validator(Clock.systemUTC());
    }

    @Test
    void acceptsCognitosTokensAndReadsTheCaller() throws Exception {
        Map<String, Object> tokens = POOL.client().tokens("bob", "Bob-Passw0rd!");
        CognitoToken id = validator.validateIdToken((String) tokens.get("id_token"));
        CognitoToken access = validator.validateAccessToken((String) tokens.get("access_token"));

        assertEquals("bob", id.username());
        assertEquals("bob@example.com", id.email());
        assertEquals(Set.of("admins"), id.groups());
        assertEquals("bob", access.username());
        assertEquals(Set.of("admins"), access.groups());
        assertEquals(Set.of("openid", "email", "profile"), access.scopes());
        assertEquals(id.subject(), access.subject());
    }

    @Test
    void acceptsAudienceAsAOneElementArrayAndUnknownExtraClaims() throws Exception {
        POOL.cognito().forgeNextTokens(Forgeries.claim(TokenUse.ID, "aud", List.of(UserPool.DEMO_CLIENT_ID)),
                Forgeries.claim(TokenUse.ACCESS, "custom:tier", "gold"));
        Map<String, Object> tokens = POOL.client().tokens("alice", "Alice-Passw0rd!");
        assertEquals("alice", validator.validateIdToken((String) tokens.get("id_token")).username());
        assertEquals("alice", validator.validateAccessToken((String) tokens.get("access_token")).username());
    }

    static Stream<Arguments> hostileIdTokens() {
        Instant now = Instant.now();
        return Stream.of(
                Arguments.of(Forgeries.claim(TokenUse.ID, "iss", "https://cognito-idp.eu-west-1.amazonaws.com/x"),
                        Reason.ISSUER),
                Arguments.of(Forgeries.claim(TokenUse.ID, "iss", null), Reason.ISSUER),
                Arguments.of(Forgeries.claim(TokenUse.ID, "aud", "otherclient000000000000000"), Reason.AUDIENCE),
                Arguments.of(Forgeries.claim(TokenUse.ID, "aud", null), Reason.AUDIENCE),
                Arguments.of(Forgeries.claim(TokenUse.ID, "aud", List.of(UserPool.DEMO_CLIENT_ID, "other")),
                        Reason.AUDIENCE),
                Arguments.of(Forgeries.claim(TokenUse.ID, "sub", null), Reason.MISSING_CLAIM),
                Arguments.of(Forgeries.claim(TokenUse.ID, "iat", null), Reason.MISSING_CLAIM),
                Arguments.of(Forgeries.claim(TokenUse.ID, "exp", null), Reason.MISSING_CLAIM),
                Arguments.of(Forgeries.claim(TokenUse.ID, "exp", now.minusSeconds(120).getEpochSecond()),
                        Reason.EXPIRED),
                Arguments.of(Forgeries.claim(TokenUse.ID, "iat", now.plusSeconds(300).getEpochSecond()),
                        Reason.NOT_YET_VALID),
                Arguments.of(Forgeries.claim(TokenUse.ID, "nbf", now.plusSeconds(300).getEpochSecond()),
                        Reason.NOT_YET_VALID),
                Arguments.of(Forgeries.claim(TokenUse.ID, "token_use", "access"), Reason.TOKEN_USE),
                Arguments.of(Forgeries.claim(TokenUse.ID, "token_use", null), Reason.TOKEN_USE),
                Arguments.of(Forgeries.claim(TokenUse.ID, "cognito:username", null), Reason.MISSING_CLAIM),
                Arguments.of(Forgeries.claim(TokenUse.ID, "cognito:groups", "admins"), Reason.MALFORMED),
                Arguments.of(Forgeries.brokenSignature(TokenUse.ID), Reason.SIGNATURE),
                Arguments.of(Forgeries.unknownKey(TokenUse.ID), Reason.UNKNOWN_KEY),
                Arguments.of(Forgeries.fromAnotherPool(TokenUse.ID,
                        "https://cognito-idp.eu-west-1.amazonaws.com/eu-west-1_Other"), Reason.ISSUER),
                Arguments.of(Forgeries.otherAlgorithm(TokenUse.ID, JWSAlgorithm.RS512), Reason.ALGORITHM),
                Arguments.of(Forgeries.otherAlgorithm(TokenUse.ID, JWSAlgorithm.PS256), Reason.ALGORITHM),
                Arguments.of(Forgeries.hmacWithPublicKey(TokenUse.ID), Reason.ALGORITHM),
                Arguments.of(Forgeries.unsigned(TokenUse.ID, "none"), Reason.MALFORMED),
                Arguments.of(Forgeries.unsigned(TokenUse.ID, "None"), Reason.MALFORMED),
                Arguments.of(Forgeries.unsigned(TokenUse.ID, "NONE"), Reason.MALFORMED),
                Arguments.of(Forgeries.selfOfferedKey(TokenUse.ID, "jwk"), Reason.HEADER),
                Arguments.of(Forgeries.selfOfferedKey(TokenUse.ID, "jku"), Reason.HEADER),
                Arguments.of(Forgeries.selfOfferedKey(TokenUse.ID, "x5u"), Reason.HEADER),
                Arguments.of(Forgeries.selfOfferedKey(TokenUse.ID, "x5c"), Reason.HEADER),
                Arguments.of(Forgeries.unknownCriticalHeader(TokenUse.ID), Reason.HEADER));
    }

    @ParameterizedTest
    @MethodSource("hostileIdTokens")
    void refusesHostileIdTokens(TokenForgery forgery, Reason reason) throws Exception {
        POOL.cognito().forgeNextTokens(forgery);
        String idToken = (String) POOL.client().tokens("alice", "Alice-Passw0rd!").get("id_token");
        assertEquals(reason, assertThrows(TokenRejected.class, () -> validator.validateIdToken(idToken)).reason());
    }

    static Stream<Arguments> hostileAccessTokens() {
        return Stream.of(
                Arguments.of(Forgeries.claim(TokenUse.ACCESS, "client_id", "otherclient000000000000000"),
                        Reason.CLIENT),
                Arguments.of(Forgeries.claim(TokenUse.ACCESS, "client_id", null), Reason.CLIENT),
                Arguments.of(Forgeries.claim(TokenUse.ACCESS, "token_use", "id"), Reason.TOKEN_USE),
                Arguments.of(Forgeries.claim(TokenUse.ACCESS, "username", null), Reason.MISSING_CLAIM),
                Arguments.of(Forgeries.brokenSignature(TokenUse.ACCESS), Reason.SIGNATURE),
                Arguments.of(Forgeries.unknownKey(TokenUse.ACCESS), Reason.UNKNOWN_KEY),
                Arguments.of(Forgeries.hmacWithPublicKey(TokenUse.ACCESS), Reason.ALGORITHM));
    }

    @Test
    void aMachineClientsTokenSpeaksForTheClientWithItsScopesAndNeverAGroup() throws Exception {
        // Cognito's client credentials token: no username, sub = client_id; this one even carries bob's groups
        Map<String, Object> machine = new HashMap<>();
        machine.put("username", null);
        machine.put("origin_jti", null);
        machine.put("sub", UserPool.DEMO_CLIENT_ID);
        machine.put("scope", "payara-api/read payara-api/admin");
        POOL.cognito().forgeNextTokens(Forgeries.claims(TokenUse.ACCESS, machine));
        String accessToken = (String) POOL.client().tokens("bob", "Bob-Passw0rd!").get("access_token");

        CognitoToken client = validator.validateAccessToken(accessToken);

        assertEquals(CognitoToken.Caller.CLIENT, client.caller());
        assertEquals(UserPool.DEMO_CLIENT_ID, client.callerName());
        assertEquals(Set.of(), client.groups());
        assertEquals(Set.of("scope:payara-api/admin", "scope:payara-api/read"), client.apiRoles());
        assertEquals(Reason.MISMATCH, assertThrows(TokenRejected.class, () -> validator.validateSignIn(
                (String) POOL.client().tokens("bob", "Bob-Passw0rd!").get("id_token"), accessToken)).reason(),
                "a machine token is never a sign-in's access token");
    }

    @ParameterizedTest
    @MethodSource("hostileAccessTokens")
    void refusesHostileAccessTokens(TokenForgery forgery, Reason reason) throws Exception {
        POOL.cognito().forgeNextTokens(forgery);
        String accessToken = (String) POOL.client().tokens("bob", "Bob-Passw0rd!").get("access_token");
        assertEquals(reason, assertThrows(TokenRejected.class,
                () -> validator.validateAccessToken(accessToken)).reason());
    }

    @Test
    void aSignInsTokensMustNameTheSameUserAndHashTogether() throws Exception {
        Map<String, Object> alice = POOL.client().tokens("alice", "Alice-Passw0rd!");
        Map<String, Object> aliceAgain = POOL.client().tokens("alice", "Alice-Passw0rd!");
        Map<String, Object> bob = POOL.client().tokens("bob", "Bob-Passw0rd!");
        assertEquals("alice", validator.validateSignIn((String) alice.get("id_token"),
                (String) alice.get("access_token")).username());
        // another user's access token
        assertEquals(Reason.MISMATCH, assertThrows(TokenRejected.class, () -> validator.validateSignIn(
                (String) alice.get("id_token"), (String) bob.get("access_token"))).reason());
        // the same user's, from another sign-in: at_hash names another access token
        assertEquals(Reason.MISMATCH, assertThrows(TokenRejected.class, () -> validator.validateSignIn(
                (String) alice.get("id_token"), (String) aliceAgain.get("access_token"))).reason());
    }

    @Test
    void withoutAtHashTheSameUsersTokensGoTogether() throws Exception {
        POOL.cognito().forgeNextTokens(Forgeries.claim(TokenUse.ID, "at_hash", null));
        Map<String, Object> withoutHash = POOL.client().tokens("alice", "Alice-Passw0rd!");
        assertEquals("alice", validator.validateSignIn((String) withoutHash.get("id_token"),
                (String) withoutHash.get("access_token")).username());
    }

    @Test
    void refusesEachTokenAsTheOther() throws Exception {
        Map<String, Object> tokens = POOL.client().tokens("alice", "Alice-Passw0rd!");
        assertEquals(Reason.TOKEN_USE, assertThrows(TokenRejected.class,
                () -> validator.validateAccessToken((String) tokens.get("id_token"))).reason());
        assertEquals(Reason.TOKEN_USE, assertThrows(TokenRejected.class,
                () -> validator.validateIdToken((String) tokens.get("access_token"))).reason());
    }

    @Test
    void refusesMalformedTokensOfEveryShape() {
        for (String token : List.of("", "abc", "a.b", "a.b.c", "a.b.c.d.e", "..", "eyJhbGciOiJSUzI1NiJ9..",
                "eyJ.eyJ.sig", "x".repeat(10_000))) {
            assertEquals(Reason.MALFORMED, assertThrows(TokenRejected.class,
                    () -> validator.validateAccessToken(token)).reason(), token);
        }
    }

    @Test
    void allowsOneMinuteOfClockSkewAndNoMore() throws Exception {
        String accessToken = (String) POOL.client().tokens("alice", "Alice-Passw0rd!").get("access_token");
        // the token's own exp, read apart from the code under test
        Instant expiry = SignedJWT.parse(accessToken).getJWTClaimsSet().getExpirationTime().toInstant();
        assertEquals(expiry, validator.validateAccessToken(accessToken).expiresAt());
        validator(Clock.fixed(expiry.plusSeconds(59), ZoneOffset.UTC)).validateAccessToken(accessToken);
        assertEquals(Reason.EXPIRED, assertThrows(TokenRejected.class, () -> validator(
                Clock.fixed(expiry.plusSeconds(61), ZoneOffset.UTC)).validateAccessToken(accessToken)).reason());
    }

    @Test
    void aRotatedKeyIsFetchedOnceAndAccepted() throws Exception {
        validator.validateAccessToken((String) POOL.client().tokens("alice", "Alice-Passw0rd!").get("access_token"));
        POOL.cognito().rotateKeys();
        POOL.cognito().resetRequestCounts();
        for (int i = 0; i < 3; i++) {
            validator.validateAccessToken((String) POOL.client().tokens("alice", "Alice-Passw0rd!").get("access_token"));
        }
        assertEquals(1, POOL.cognito().requests(Endpoint.JWKS));
    }

    @Test
    void aFloodOfUnknownKidsFetchesTheJwksAtMostTwice() throws Exception {
        validator.validateAccessToken((String) POOL.client().tokens("alice", "Alice-Passw0rd!").get("access_token"));
        POOL.cognito().resetRequestCounts();
        for (int i = 0; i < 20; i++) {
            POOL.cognito().forgeNextTokens(Forgeries.unknownKey(TokenUse.ACCESS));
            String forged = (String) POOL.client().tokens("alice", "Alice-Passw0rd!").get("access_token");
            assertEquals(Reason.UNKNOWN_KEY, assertThrows(TokenRejected.class,
                    () -> validator.validateAccessToken(forged)).reason());
        }
        assertEquals(1, POOL.cognito().requests(Endpoint.JWKS), "one refetch, then rate-limited");
        validator.validateAccessToken((String) POOL.client().tokens("bob", "Bob-Passw0rd!").get("access_token"));
    }

    @Test
    void knownKeysKeepWorkingWhileTheJwksEndpointIsDownOrTalksGarbage() throws Exception {
        String accessToken = (String) POOL.client().tokens("alice", "Alice-Passw0rd!").get("access_token");
        CognitoTokenValidator shortCache = validator(Clock.systemUTC(), new CognitoKeys.Policy(Duration.ofSeconds(1),
                Duration.ofSeconds(1), 64 * 1024, Duration.ofMillis(2), Duration.ofMillis(1), Duration.ofHours(1)));
        shortCache.validateAccessToken(accessToken);

        for (Runnable outage : List.<Runnable>of(() -> POOL.cognito().fail(Endpoint.JWKS, 503),
                () -> POOL.cognito().answerGarbage(Endpoint.JWKS),
                () -> POOL.cognito().hang(Endpoint.JWKS, Duration.ofSeconds(5)))) {
            outage.run();
            Thread.sleep(5); // past the 2 ms the keys are kept here
            int asked = POOL.cognito().requests(Endpoint.JWKS);
            int failed = EVENTS.failed.get();
            assertEquals("alice", shortCache.validateAccessToken(accessToken).username());
            // the key was looked up again during the outage, and the lookup failed: the known key stood in
            assertEquals(asked + 1, POOL.cognito().requests(Endpoint.JWKS), "the JWKS was asked again");
            assertEquals(failed + 1, EVENTS.failed.get(), "and could not be had");
            POOL.cognito().healAll();
        }
    }

    @Test
    void withNoKeysYetAnUnreachableJwksIsTheProvidersFault() throws Exception {
        String accessToken = (String) POOL.client().tokens("alice", "Alice-Passw0rd!").get("access_token");
        POOL.cognito().fail(Endpoint.JWKS, 503);
        assertEquals(Reason.KEYS_UNAVAILABLE, assertThrows(TokenRejected.class,
                () -> validator.validateAccessToken(accessToken)).reason());
    }

    @Test
    void aJwksOverTheSizeLimitIsNotReadAndTheLimitIsASetting() throws Exception {
        String jwks = HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(POOL.cognito().issuer()
                + "/.well-known/jwks.json")).build(), HttpResponse.BodyHandlers.ofString()).body();
        // the pool's own keys, padded past 64 KiB
        String padded = jwks.substring(0, jwks.lastIndexOf('}')) + ",\"padding\":\"" + "x".repeat(70_000) + "\"}";
        POOL.cognito().answerJson(Endpoint.JWKS, padded);
        String accessToken = (String) POOL.client().tokens("alice", "Alice-Passw0rd!").get("access_token");

        assertEquals(Reason.KEYS_UNAVAILABLE, assertThrows(TokenRejected.class,
                () -> validator.validateAccessToken(accessToken)).reason(), "64 KiB by default");
        CognitoKeys.Policy larger = new CognitoKeys.Policy(Duration.ofSeconds(2), Duration.ofSeconds(3), 128 * 1024,
                Duration.ofHours(1), Duration.ofSeconds(15), Duration.ofHours(24));
        assertEquals("alice", validator(Clock.systemUTC(), larger).validateAccessToken(accessToken).username());
    }

    @Test
    void aHangingJwksEndpointIsGivenUpAfterTheReadTimeout() throws Exception {
        String accessToken = (String) POOL.client().tokens("alice", "Alice-Passw0rd!").get("access_token");
        POOL.cognito().hang(Endpoint.JWKS, Duration.ofSeconds(20));
        CognitoKeys.Policy oneSecond = new CognitoKeys.Policy(Duration.ofSeconds(1), Duration.ofSeconds(1), 64 * 1024,
                Duration.ofHours(1), Duration.ofSeconds(15), Duration.ofHours(24));
        long started = System.nanoTime();
        assertEquals(Reason.KEYS_UNAVAILABLE, assertThrows(TokenRejected.class,
                () -> validator(Clock.systemUTC(), oneSecond).validateAccessToken(accessToken)).reason());
        Duration waited = Duration.ofNanos(System.nanoTime() - started);
        // the 1 s read timeout, not the 3 s default nor the 20 s hang; and not at once, for some other reason
        assertTrue(waited.compareTo(Duration.ofMillis(900)) >= 0 && waited.compareTo(Duration.ofMillis(2500)) < 0,
                "gave up after " + waited + " with a read timeout of 1 s");
    }

    private static CognitoTokenValidator validator(Clock clock) throws Exception {
        return validator(clock, CognitoKeys.Policy.defaults());
    }

    private static CognitoTokenValidator validator(Clock clock, CognitoKeys.Policy policy) throws Exception {
        CognitoKeys keys = new CognitoKeys(URI.create(POOL.cognito().issuer() + "/.well-known/jwks.json").toURL(), policy,
                EVENTS);
        return new CognitoTokenValidator(Map.of(POOL.cognito().issuer(), keys), UserPool.DEMO_CLIENT_ID,
                Set.of(UserPool.DEMO_CLIENT_ID), clock);
    }
}
