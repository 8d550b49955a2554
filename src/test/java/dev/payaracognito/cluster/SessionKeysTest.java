package dev.payaracognito.cluster;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.util.Arrays;
import java.util.Base64;
import org.junit.jupiter.api.Test;

class SessionKeysTest {

    private static final SecureRandom RANDOM = new SecureRandom();
    private static final byte[] RECORD = "alice's sign-in".getBytes(StandardCharsets.UTF_8);

    @Test
    void whatIsSealedOpensForItsPurposeOnly() throws Exception {
        SessionKeys keys = SessionKeys.parse("k1:" + key(), RANDOM);
        byte[] sealed = keys.seal("sign-in", RECORD);

        assertArrayEquals(RECORD, keys.open("sign-in", sealed));
        assertFalse(new String(sealed, StandardCharsets.ISO_8859_1).contains("alice"), "nothing in clear");
        assertEquals(SessionKeys.Unopened.Reason.FORGED,
                assertThrows(SessionKeys.Unopened.class, () -> keys.open("ended-sign-in", sealed)).reason());
        assertFalse(Arrays.equals(sealed, keys.seal("sign-in", RECORD)), "a new nonce each time");
    }

    @Test
    void noAlteredByteOpens() throws Exception {
        SessionKeys keys = SessionKeys.parse("k1:" + key(), RANDOM);
        byte[] sealed = keys.seal("sign-in", RECORD);
        for (int at = 0; at < sealed.length; at++) {
            byte[] altered = sealed.clone();
            altered[at] ^= 0x01;
            assertThrows(SessionKeys.Unopened.class, () -> keys.open("sign-in", altered), "byte " + at);
        }
        for (int length = 0; length < sealed.length; length++) {
            byte[] cut = Arrays.copyOf(sealed, length);
            assertThrows(SessionKeys.Unopened.class, () -> keys.open("sign-in", cut), "cut to " + length);
        }
        assertThrows(SessionKeys.Unopened.class, () -> keys.open("sign-in", null));
    }

    /** A thread keeps its cipher from one value to the next: no failure nor key is carried into the next use. */
    @Test
    void whatOneValueDidLeavesTheNextUnharmed() throws Exception {
        SessionKeys keys = SessionKeys.parse("k1:" + key(), RANDOM);
        SessionKeys others = SessionKeys.parse("k2:" + key(), RANDOM);
        byte[] sealed = keys.seal("sign-in", RECORD);
        byte[] forged = sealed.clone();
        forged[forged.length - 1] ^= 0x01;
        for (int round = 0; round < 3; round++) {
            assertThrows(SessionKeys.Unopened.class, () -> keys.open("sign-in", forged));
            assertArrayEquals(RECORD, keys.open("sign-in", sealed), "after a forged value, round " + round);
            byte[] theirs = others.seal("ended-sign-in", RECORD);
            assertArrayEquals(RECORD, others.open("ended-sign-in", theirs), "another key, round " + round);
            assertArrayEquals(RECORD, keys.open("sign-in", keys.seal("sign-in", RECORD)),
                    "sealed after, round " + round);
        }
    }

    @Test
    void aRotatedKeyStillOpensWhatItSealedUntilItIsRemoved() throws Exception {
        String oldKey = "2025:" + key();
        byte[] sealedBefore = SessionKeys.parse(oldKey, RANDOM).seal("sign-in", RECORD);

        SessionKeys rotated = SessionKeys.parse("2026:" + key() + ", " + oldKey, RANDOM);
        assertEquals("2026", rotated.sealingId());
        assertArrayEquals(RECORD, rotated.open("sign-in", sealedBefore), "the old key still opens");

        SessionKeys withoutTheOldKey = SessionKeys.parse("2027:" + key(), RANDOM);
        SessionKeys.Unopened unopened = assertThrows(SessionKeys.Unopened.class,
                () -> withoutTheOldKey.open("sign-in", sealedBefore));
        assertEquals(SessionKeys.Unopened.Reason.UNKNOWN_KEY, unopened.reason());
        assertEquals("2025", unopened.keyId());
    }

    /** A key id that is not the shape of one is a forgery, not a key some other node might have. */
    @Test
    void anIdThatIsNotOneIsForged() throws Exception {
        byte[] sealed = SessionKeys.parse("k1:" + key(), RANDOM).seal("sign-in", RECORD);
        sealed[2] = '/';
        SessionKeys.Unopened unopened = assertThrows(SessionKeys.Unopened.class,
                () -> SessionKeys.parse("k1:" + key(), RANDOM).open("sign-in", sealed));
        assertEquals(SessionKeys.Unopened.Reason.FORGED, unopened.reason());
    }

    @Test
    void keysOfTheirOwnDoNotOpenEachOthersSessions() {
        SessionKeys nodeA = SessionKeys.ofThisNode(RANDOM);
        SessionKeys nodeB = SessionKeys.ofThisNode(RANDOM);
        assertTrue(nodeA.ofThisNode());
        assertNotEquals(nodeA.sealingId(), nodeB.sealingId());
        assertEquals(SessionKeys.Unopened.Reason.UNKNOWN_KEY, assertThrows(SessionKeys.Unopened.class,
                () -> nodeB.open("sign-in", nodeA.seal("sign-in", RECORD))).reason());
    }

    @Test
    void aKeyIsThirtyTwoBytesOfBase64AfterAnId() throws Exception {
        byte[] raw = new byte[32];
        RANDOM.nextBytes(raw);
        SessionKeys urlSafe = SessionKeys.parse("k:" + Base64.getUrlEncoder().withoutPadding().encodeToString(raw),
                RANDOM);
        SessionKeys standard = SessionKeys.parse("k:" + Base64.getEncoder().encodeToString(raw), RANDOM);
        assertArrayEquals(RECORD, standard.open("p", urlSafe.seal("p", RECORD)), "the same key either way");

        String sixteenBytes = Base64.getEncoder().encodeToString(new byte[16]);
        for (String wrong : new String[] {key(), ":" + key(), "k:" + sixteenBytes, "k:not base64 at all!",
            "k:" + key() + ",k:" + key(), "k/1:" + key(), "k:" + key().substring(1)}) {
            IllegalArgumentException refused = assertThrows(IllegalArgumentException.class,
                    () -> SessionKeys.parse(wrong, RANDOM), wrong);
            assertTrue(refused.getMessage().startsWith(SessionKeys.SETTING), refused.getMessage());
            assertFalse(refused.getMessage().contains(sixteenBytes), "the key is never in the message");
        }
    }

    private static String key() {
        byte[] key = new byte[32];
        RANDOM.nextBytes(key);
        return Base64.getEncoder().encodeToString(key);
    }
}
