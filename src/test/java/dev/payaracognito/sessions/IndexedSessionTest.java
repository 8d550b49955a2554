package dev.payaracognito.sessions;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.payaracognito.cluster.SessionKeys;
import java.io.IOException;
import java.security.SecureRandom;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Arrays;
import org.junit.jupiter.api.Test;

/** An indexed session travels as its own plain bytes, whole, and small. */
class IndexedSessionTest {

    private static final Instant NOW = Instant.now().truncatedTo(ChronoUnit.MILLIS);

    static IndexedSession session(String id, String username) {
        return new IndexedSession(new IndexedSession.SignedIn(id, username, username + "@example.com",
                NOW.minusSeconds(600), "origin-" + id, NOW.plusSeconds(3600)), NOW, "node-a",
                "Firefox on Android", "192.0.2.7");
    }

    @Test
    void itsBytesReadBackWhole() throws IOException {
        IndexedSession session = session("0123456789abcdef0123456789abcdef", "alice");
        assertEquals(session, IndexedSession.read(session.bytes()));
        IndexedSession withoutRevocation = new IndexedSession(new IndexedSession.SignedIn("00", "bob", null, NOW,
                null, NOW), NOW, "node-b", "curl", "::1");
        assertEquals(withoutRevocation, IndexedSession.read(withoutRevocation.bytes()));
    }

    @Test
    void bytesThatAreNotOneAreRefused() {
        byte[] bytes = session("00", "alice").bytes();
        assertThrows(IOException.class, () -> IndexedSession.read(Arrays.copyOf(bytes, bytes.length - 1)));
        assertThrows(IOException.class, () -> IndexedSession.read(Arrays.copyOf(bytes, bytes.length + 1)));
        bytes[0] = 9;
        assertThrows(IOException.class, () -> IndexedSession.read(bytes));
    }

    @Test
    void itNeverPrintsWhatTheUserIsNotRecognisedByInALog() {
        String printed = session("00", "alice").signIn().toString();
        assertFalse(printed.contains("alice@example.com") || printed.contains("origin-00"), printed);
    }

    /**
     * The index's goal is at most 1 KB per session: an entry with Cognito's longest usual values (a username of 128
     * characters, its limit; an e-mail of 254, the longest deliverable; an IPv6 address; a long node name), sealed,
     * stays under it. The refresh token, a JWE of about 1,780 characters, is not in it ({@link RefreshTokens}).
     */
    @Test
    void anEntryWithLongValuesSealedStaysUnderOneKilobyte() {
        String username = "u".repeat(128);
        IndexedSession longest = new IndexedSession(new IndexedSession.SignedIn("0123456789abcdef0123456789abcdef",
                username, "e".repeat(242) + "@example.com", NOW, "2b1c7a6e-8a43-4a4b-9c52-1f0e5d0b8f3a",
                NOW.plusSeconds(43_200)), NOW, "payara-cognito-7c9f8d6b5-x2k4q.eu-west-1.compute.internal",
                "Microsoft Edge on Windows", "2001:0db8:85a3:0000:0000:8a2e:0370:7334");
        byte[] sealed = SessionKeys.ofThisNode(new SecureRandom()).seal("session-index", longest.bytes());
        assertTrue(sealed.length < 1024, sealed.length + " bytes");
    }
}
