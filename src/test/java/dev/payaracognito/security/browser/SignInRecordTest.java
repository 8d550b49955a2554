package dev.payaracognito.security.browser;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

/**
 * The record says when the tokens fall due as the OpenID mechanism would (a token is expired once fewer than
 * its minimum validity remain), by the earlier of the two: every signed-in request asks it, without the mechanism's
 * context.
 */
class SignInRecordTest {

    private static final Duration MIN_VALIDITY = Duration.ofSeconds(10);
    /** SessionAttributesTest's record: the access token expires at 10:00, the ID token at 09:30. */
    private final SignInRecord record = SessionAttributesTest.RECORD;

    @Test
    void theTokensFallDueByTheEarlierOfTheTwoMinusTheMinimumValidity() {
        assertEquals(Instant.parse("2026-12-01T09:30:00Z"), record.tokensExpireAt(), "the ID token's expiry");
        assertFalse(record.tokensDue(Instant.parse("2026-12-01T09:29:50Z"), MIN_VALIDITY));
        assertTrue(record.tokensDue(Instant.parse("2026-12-01T09:29:50.001Z"), MIN_VALIDITY));
        assertTrue(record.tokensDue(Instant.parse("2026-12-01T11:00:00Z"), MIN_VALIDITY));
    }
}
