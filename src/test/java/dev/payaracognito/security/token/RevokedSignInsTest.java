package dev.payaracognito.security.token;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.concurrent.ConcurrentHashMap;
import org.junit.jupiter.api.Test;

class RevokedSignInsTest {

    private final Instant start = Instant.parse("2026-12-01T10:00:00Z");
    private final MovingClock clock = new MovingClock(start);

    @Test
    void aRevokedSignInIsRefusedUntilItsTokensHaveExpired() {
        RevokedSignIns revoked = new RevokedSignIns(new ConcurrentHashMap<>(), 10, clock);
        assertFalse(revoked.isRevoked("origin-1"));
        revoked.revoke("origin-1", start.plus(Duration.ofHours(1)));
        assertTrue(revoked.isRevoked("origin-1"));
        assertFalse(revoked.isRevoked("origin-2"));
        clock.now = start.plus(Duration.ofMinutes(61));
        assertFalse(revoked.isRevoked("origin-1"), "its tokens have all expired");
    }

    @Test
    void revokingTwiceKeepsTheLaterEnd() {
        RevokedSignIns revoked = new RevokedSignIns(new ConcurrentHashMap<>(), 10, clock);
        revoked.revoke("origin-1", start.plus(Duration.ofHours(2)));
        revoked.revoke("origin-1", start.plus(Duration.ofHours(1)));
        clock.now = start.plus(Duration.ofMinutes(90));
        assertTrue(revoked.isRevoked("origin-1"));
    }

    @Test
    void boundedExpiredEntriesLeaveFirstThenTheSoonestToExpire() {
        RevokedSignIns revoked = new RevokedSignIns(new ConcurrentHashMap<>(), 3, clock);
        revoked.revoke("expired", start.plusSeconds(10));
        revoked.revoke("late", start.plus(Duration.ofHours(5)));
        revoked.revoke("soon", start.plus(Duration.ofHours(1)));
        clock.now = start.plusSeconds(20);
        revoked.revoke("new", start.plus(Duration.ofHours(3)));
        assertEquals(3, revoked.size());
        assertTrue(revoked.isRevoked("soon") && revoked.isRevoked("late") && revoked.isRevoked("new"));

        revoked.revoke("newer", start.plus(Duration.ofHours(4)));
        assertEquals(3, revoked.size());
        assertFalse(revoked.isRevoked("soon"), "the entry that would have left soonest made room");
        assertTrue(revoked.isRevoked("late") && revoked.isRevoked("new") && revoked.isRevoked("newer"));
    }

    static final class MovingClock extends Clock {
        Instant now;

        MovingClock(Instant now) {
            this.now = now;
        }

        @Override
        public Instant instant() {
            return now;
        }

        @Override
        public ZoneOffset getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(java.time.ZoneId zone) {
            return this;
        }
    }
}
