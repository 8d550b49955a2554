package dev.payaracognito.sessions;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import dev.payaracognito.cluster.SessionKeys;
import dev.payaracognito.cluster.SharedIndex;
import dev.payaracognito.cognito.CognitoSettings;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
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
        WithoutAGrid.inject(refreshTokens);
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
        SharedIndex held = (SharedIndex) WithoutAGrid.fieldOf(refreshTokens, "tokens");
        byte[] sealed = held.get(ALICE, "refresh-token").orElseThrow();
        assertFalse(new String(sealed, StandardCharsets.ISO_8859_1).contains("of-alice"), "the token is readable");
        // a writer of the grid copies alice's entry to bob's session: ending bob's must not revoke alice's token
        held.put(BOB, "refresh-token", sealed, Duration.ofMinutes(5));
        assertEquals(Optional.empty(), refreshTokens.of(BOB));
    }

    @Test
    void anEntryThatDoesNotOpenHereIsNoTokenAndIsNotReportedRevoked() throws Exception {
        SharedIndex held = (SharedIndex) WithoutAGrid.fieldOf(refreshTokens, "tokens");
        // what a version before TokenFields sealed: the token's text, under the same purpose
        SessionKeys keys = ((CognitoSettings) WithoutAGrid.fieldOf(refreshTokens, "settings")).sessions().keys();
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
}
