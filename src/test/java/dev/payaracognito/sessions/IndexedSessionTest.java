package dev.payaracognito.sessions;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.io.IOException;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Arrays;
import org.junit.jupiter.api.Test;

/** An indexed session travels as its own plain bytes, whole, and never shows its refresh token. */
class IndexedSessionTest {

    private static final Instant NOW = Instant.now().truncatedTo(ChronoUnit.MILLIS);

    static IndexedSession session(String id, String username, String refreshToken) {
        return new IndexedSession(new IndexedSession.SignedIn(id, username, username + "@example.com",
                NOW.minusSeconds(600), "origin-" + id, refreshToken, NOW.plusSeconds(3600)), NOW, "node-a",
                "Firefox on Android", "192.0.2.7");
    }

    @Test
    void itsBytesReadBackWhole() throws IOException {
        IndexedSession session = session("0123456789abcdef0123456789abcdef", "alice", "refresh-token-of-alice");
        assertEquals(session, IndexedSession.read(session.bytes()));
        IndexedSession withoutRevocation = new IndexedSession(new IndexedSession.SignedIn("00", "bob", null, NOW,
                null, null, NOW), NOW, "node-b", "curl", "::1");
        assertEquals(withoutRevocation, IndexedSession.read(withoutRevocation.bytes()));
    }

    @Test
    void bytesThatAreNotOneAreRefused() {
        byte[] bytes = session("00", "alice", "r").bytes();
        assertThrows(IOException.class, () -> IndexedSession.read(Arrays.copyOf(bytes, bytes.length - 1)));
        assertThrows(IOException.class, () -> IndexedSession.read(Arrays.copyOf(bytes, bytes.length + 1)));
        bytes[0] = 9;
        assertThrows(IOException.class, () -> IndexedSession.read(bytes));
    }

    @Test
    void itNeverPrintsItsRefreshToken() {
        assertFalse(session("00", "alice", "refresh-token-of-alice").toString().contains("refresh-token-of-alice"));
    }
}
