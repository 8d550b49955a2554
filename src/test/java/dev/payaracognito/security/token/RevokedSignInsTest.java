package dev.payaracognito.security.token;

import dev.payaracognito.cluster.Ledger;
import dev.payaracognito.testing.CapturedLog;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

class RevokedSignInsTest {

    private final Instant start = Instant.parse("2026-12-01T10:00:00Z");
    private final MovingClock clock = new MovingClock(start);

    @RegisterExtension
    final CapturedLog log = new CapturedLog(RevokedSignIns.class);

    @Test
    void aRevokedSignInIsRefusedUntilItsTokensHaveExpired() {
        RevokedSignIns revoked = new RevokedSignIns(Ledger.inMemory(), 10, clock, TokenEvents.NONE);
        assertFalse(revoked.isRevoked("origin-1"));
        revoked.revoke("origin-1", start.plus(Duration.ofHours(1)));
        assertTrue(revoked.isRevoked("origin-1"));
        assertFalse(revoked.isRevoked("origin-2"));
        clock.now = start.plus(Duration.ofMinutes(61));
        assertFalse(revoked.isRevoked("origin-1"), "its tokens have all expired");
    }

    @Test
    void revokingTwiceKeepsTheLaterEnd() {
        RevokedSignIns revoked = new RevokedSignIns(Ledger.inMemory(), 10, clock, TokenEvents.NONE);
        revoked.revoke("origin-1", start.plus(Duration.ofHours(2)));
        revoked.revoke("origin-1", start.plus(Duration.ofHours(1)));
        clock.now = start.plus(Duration.ofMinutes(90));
        assertTrue(revoked.isRevoked("origin-1"));
    }

    @Test
    void aFullListLetsOnlyExpiredEntriesGoAndNeverReadmitsAnEndedSignIn() {
        AtomicInteger overCapacity = new AtomicInteger();
        TokenEvents counted = new TokenEvents() {
            @Override
            public void revokedSignInsOverCapacity() {
                overCapacity.incrementAndGet();
            }
        };
        RevokedSignIns revoked = new RevokedSignIns(Ledger.inMemory(), 3, clock, counted);
        revoked.revoke("expired", start.plusSeconds(10));
        revoked.revoke("late", start.plus(Duration.ofHours(5)));
        revoked.revoke("soon", start.plus(Duration.ofHours(1)));
        clock.now = start.plusSeconds(20);
        revoked.revoke("new", start.plus(Duration.ofHours(3)));
        assertEquals(3, revoked.size(), "the expired entry made room");
        assertEquals(0, overCapacity.get());

        revoked.revoke("newer", start.plus(Duration.ofHours(4)));
        revoked.revoke("newest", start.plus(Duration.ofHours(4)));
        assertEquals(5, revoked.size(), "no live entry leaves early: the list grows past its size");
        for (String signIn : List.of("soon", "late", "new", "newer", "newest")) {
            assertTrue(revoked.isRevoked(signIn), signIn);
        }
        assertEquals(2, overCapacity.get(), "each sign-out past the size is counted");
        assertEquals(1, log.warnings().size(), "and said once a minute, not once a sign-out: " + log.warnings());
        assertTrue(log.warnings().get(0).contains("raise cognito.revoked-sign-ins.size"), log.warnings().get(0));

        clock.now = clock.now.plus(Duration.ofMinutes(2));
        revoked.revoke("a minute later", start.plus(Duration.ofHours(4)));
        assertEquals(2, log.warnings().size(), "said again a minute later: " + log.warnings());
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
