package dev.payaracognito.sessions;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import dev.payaracognito.cluster.DataGrid;
import dev.payaracognito.cluster.SessionKeys;
import dev.payaracognito.cluster.SharedIndex;
import dev.payaracognito.cognito.CognitoSettings;
import dev.payaracognito.testing.MapSettings;
import java.lang.reflect.Field;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * A session's refresh token is kept sealed for that session alone, read back by it, and gone once forgotten; here on
 * a node without a grid, whose memory holds them as the grid would (SharedIndexTest covers the grid itself).
 */
class RefreshTokensTest {

    private static final String ALICE = "0123456789abcdef0123456789abcdef";
    private static final String BOB = "fedcba9876543210fedcba9876543210";
    private static final String TOKEN = "eyJjdHkiOiJKV1QiLCJlbmMiOiJBMjU2R0NNIiwiYWxnIjoiUlNBLU9BRVAifQ.of-alice";

    private final RefreshTokens refreshTokens = new RefreshTokens();

    @BeforeEach
    void openWithoutAGrid() throws ReflectiveOperationException {
        byte[] key = new byte[32];
        new SecureRandom().nextBytes(key);
        set("grid", new DataGrid());
        set("settings", MapSettings.of(Map.of("cognito.region", "eu-west-1", "cognito.user-pool-id",
                "eu-west-1_AbC123xyz", "cognito.client-id", "client1", "cognito.client-secret", "secret",
                "app.session.key", "k1:" + Base64.getEncoder().encodeToString(key)), Set.of()));
        refreshTokens.open();
    }

    @Test
    void aKeptTokenIsItsSessionsUntilForgotten() throws Exception {
        refreshTokens.keep(ALICE, TOKEN, Instant.now());
        assertEquals(Optional.of(TOKEN), refreshTokens.of(ALICE));
        assertEquals(Optional.empty(), refreshTokens.of(BOB));
        refreshTokens.forget(ALICE);
        assertEquals(Optional.empty(), refreshTokens.of(ALICE));
    }

    @Test
    void whatTheGridHoldsIsSealedAndOpensForItsOwnSessionOnly() throws Exception {
        refreshTokens.keep(ALICE, TOKEN, Instant.now());
        SharedIndex held = (SharedIndex) field("tokens").get(refreshTokens);
        byte[] sealed = held.get(ALICE, "refresh-token").orElseThrow();
        assertFalse(new String(sealed, StandardCharsets.ISO_8859_1).contains("of-alice"), "the token is readable");
        // a writer of the grid copies alice's entry to bob's session: ending bob's must not revoke alice's token
        held.put(BOB, "refresh-token", sealed, Duration.ofMinutes(5));
        assertEquals(Optional.empty(), refreshTokens.of(BOB));
    }

    @Test
    void anEntryThatDoesNotOpenHereIsNoTokenAndIsNotReportedRevoked() throws Exception {
        SharedIndex held = (SharedIndex) field("tokens").get(refreshTokens);
        // what a version before TokenFields sealed: the token's text, under the same purpose
        SessionKeys keys = ((CognitoSettings) field("settings").get(refreshTokens)).sessions().keys();
        held.put(ALICE, "refresh-token", keys.seal("refresh-token:" + ALICE, TOKEN.getBytes(StandardCharsets.UTF_8)),
                Duration.ofMinutes(5));
        assertEquals(Optional.empty(), refreshTokens.of(ALICE));
        assertEquals(RefreshTokens.Revocation.UNREADABLE, refreshTokens.revoke(ALICE));
    }

    @Test
    void noneIsKeptForASessionPastItsLifetimeOrWithoutOne() throws Exception {
        refreshTokens.keep(ALICE, TOKEN, Instant.now().minus(Duration.ofHours(13))); // the default lifetime is 12 h
        assertEquals(Optional.empty(), refreshTokens.of(ALICE));
        refreshTokens.keep(BOB, TOKEN, Instant.now());
        refreshTokens.keep(BOB, null, Instant.now()); // a sign-in Cognito gave none has none
        assertEquals(Optional.empty(), refreshTokens.of(BOB));
    }

    private void set(String name, Object value) throws ReflectiveOperationException {
        field(name).set(refreshTokens, value);
    }

    private static Field field(String name) throws NoSuchFieldException {
        Field field = RefreshTokens.class.getDeclaredField(name);
        field.setAccessible(true);
        return field;
    }
}
