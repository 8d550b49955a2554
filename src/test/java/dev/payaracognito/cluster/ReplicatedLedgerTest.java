package dev.payaracognito.cluster;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.hazelcast.core.Hazelcast;
import com.hazelcast.core.HazelcastInstance;
import com.hazelcast.replicatedmap.ReplicatedMap;
import dev.payaracognito.testing.LoopbackMember;
import dev.payaracognito.testing.PayaraNode;
import java.nio.ByteBuffer;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Base64;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Two members of a real Hazelcast grid on loopback, a ledger on each, and the grid's map written behind their
 * backs as whoever reaches the grid could: what one node ends, every node keeps ended, whatever is done to the grid.
 */
class ReplicatedLedgerTest {

    private static final SecureRandom RANDOM = new SecureRandom();
    private static final String KEY = "k1:" + key();
    private static final Duration WAIT = Duration.ofSeconds(10);

    private static HazelcastInstance memberA;
    private static HazelcastInstance memberB;
    private static int maps;

    private final Instant inAnHour = Instant.now().plus(Duration.ofHours(1)).truncatedTo(ChronoUnit.MILLIS);

    @BeforeAll
    static void twoMembers() {
        String cluster = "ledger-test-" + ProcessHandle.current().pid();
        int port = PayaraNode.freePorts(2);
        memberA = LoopbackMember.start(cluster, port);
        memberB = LoopbackMember.start(cluster, port);
        await(() -> memberA.getCluster().getMembers().size() == 2, "a grid of two");
    }

    @AfterAll
    static void stop() {
        Hazelcast.shutdownAll();
    }

    @Test
    void whatOneNodeEndsTheOtherKnowsAtOnce() {
        Ledgers ledgers = new Ledgers();
        ledgers.a.extend("alice-sign-in", inAnHour);
        await(() -> inAnHour.equals(ledgers.b.until("alice-sign-in")), "node B learns it");
        assertFalse(new String((byte[]) ledgers.grid().get("alice-sign-in"), java.nio.charset.StandardCharsets.ISO_8859_1)
                .contains(Long.toString(inAnHour.toEpochMilli())), "sealed in the grid");
    }

    @Test
    void anEntryRemovedOrClearedFromTheGridIsNotForgottenAndIsPutBack() {
        Ledgers ledgers = new Ledgers();
        ledgers.a.extend("alice-sign-in", inAnHour);
        ledgers.a.extend("bob-sign-in", inAnHour);
        await(() -> ledgers.b.size() == 2, "both nodes know both");

        ledgers.grid().remove("alice-sign-in");
        await(() -> ledgers.grid().containsKey("alice-sign-in"), "put back in the grid");
        ledgers.grid().clear();
        await(() -> ledgers.grid().size() == 2, "put back after a clear");
        assertEquals(inAnHour, ledgers.a.until("alice-sign-in"));
        assertEquals(inAnHour, ledgers.b.until("bob-sign-in"));
    }

    @Test
    void aForgedOrShortenedValueIsIgnoredAndTheEntryPutBack() throws Exception {
        Ledgers ledgers = new Ledgers();
        ledgers.a.extend("alice-sign-in", inAnHour);
        await(() -> ledgers.b.until("alice-sign-in") != null, "node B learns it");

        // 1. garbage, and a value sealed under another key: neither is taken
        ledgers.grid().put("alice-sign-in", new byte[] {1, 2, 3});
        SessionKeys otherKey = SessionKeys.parse("k1:" + key(), RANDOM);
        ledgers.grid().put("mallory", otherKey.seal(ledgers.name + ":mallory", millis(inAnHour)));
        // 2. a value this app sealed earlier for a shorter life, replayed
        SessionKeys keys = SessionKeys.parse(KEY, RANDOM);
        ledgers.grid().put("alice-sign-in", keys.seal(ledgers.name + ":alice-sign-in", millis(Instant.now())));

        await(() -> inAnHour.equals(opened(keys, ledgers.name, ledgers.grid().get("alice-sign-in"))), "put back");
        assertEquals(inAnHour, ledgers.a.until("alice-sign-in"));
        assertEquals(inAnHour, ledgers.b.until("alice-sign-in"));
        assertNull(ledgers.a.until("mallory"), "nothing of another key is taken");
        assertNull(ledgers.b.until("mallory"));
    }

    @Test
    void aNodeWithoutAGridKeepsItsOwnAndSharesThemOnceAttached() {
        String name = "ledger-" + ++maps;
        ReplicatedLedger late = new ReplicatedLedger(name, SessionKeys.parse(KEY, RANDOM), Clock.systemUTC());
        late.extend("carol-sign-in", inAnHour);
        assertFalse(late.attached());
        assertEquals(inAnHour, late.until("carol-sign-in"));

        ReplicatedLedger other = new ReplicatedLedger(name, SessionKeys.parse(KEY, RANDOM), Clock.systemUTC());
        other.attach(memberB.<Object, Object>getReplicatedMap(name));
        other.extend("dave-sign-in", inAnHour);
        late.attach(memberA.<Object, Object>getReplicatedMap(name));
        await(() -> other.until("carol-sign-in") != null, "shared once attached");
        assertEquals(inAnHour, late.until("dave-sign-in"), "and the grid's taken");
    }

    @Test
    void onlyThePastLeavesAndOnlyThisNodesCopy() {
        Ledgers ledgers = new Ledgers();
        ledgers.a.extend("alice-sign-in", inAnHour);
        Instant past = Instant.now().minusSeconds(1).truncatedTo(ChronoUnit.MILLIS);
        ledgers.a.extend("old", past);
        ledgers.a.sweep(Instant.now());
        assertEquals(inAnHour, ledgers.a.until("alice-sign-in"), "a live entry does not leave");
        assertNull(ledgers.a.until("old"));
    }

    /** Whatever type the grid is given where the ledger's sealed bytes belong: ignored, and the entry put back. */
    @Test
    void aValueOfAnotherTypeIsIgnoredAndAttachingStillWorks() {
        Ledgers ledgers = new Ledgers();
        ledgers.a.extend("alice-sign-in", inAnHour);
        await(() -> ledgers.b.until("alice-sign-in") != null, "node B learns it");
        ledgers.grid().put("alice-sign-in", 42);
        ledgers.grid().put(7, "not a key of ours");
        await(() -> ledgers.grid().get("alice-sign-in") instanceof byte[], "put back");

        ReplicatedLedger joining = new ReplicatedLedger(ledgers.name, SessionKeys.parse(KEY, RANDOM),
                Clock.systemUTC());
        joining.attach(memberA.<Object, Object>getReplicatedMap(ledgers.name));
        // the grid's replicas converge a moment apart: member A's may still hold the 42 when the node joins
        await(() -> inAnHour.equals(joining.until("alice-sign-in")), "a node that joins takes what opens");
    }

    /**
     * A value sealed under a key this node lacks is another node's (a cluster without one key, a rotation under
     * way): neither taken nor overwritten, so that two such nodes do not overwrite each other without end.
     */
    @Test
    void aValueUnderAKeyThisNodeLacksIsNeitherTakenNorOverwritten() throws Exception {
        Ledgers ledgers = new Ledgers();
        ledgers.a.extend("alice-sign-in", inAnHour);
        await(() -> ledgers.b.until("alice-sign-in") != null, "node B learns it");
        SessionKeys otherNode = SessionKeys.parse("k2:" + key(), RANDOM);
        byte[] theirs = otherNode.seal(ledgers.name + ":alice-sign-in", millis(inAnHour.plusSeconds(60)));
        ledgers.grid().put("alice-sign-in", theirs);
        Thread.sleep(500);
        assertTrue(java.util.Arrays.equals(theirs, (byte[]) ledgers.grid().get("alice-sign-in")), "left as it is");
        assertEquals(inAnHour, ledgers.a.until("alice-sign-in"), "and not taken");
    }

    /** Two nodes' ledgers over one new map of the grid. */
    private static final class Ledgers {
        final String name = "ledger-" + ++maps;
        final ReplicatedLedger a = new ReplicatedLedger(name, SessionKeys.parse(KEY, RANDOM), Clock.systemUTC());
        final ReplicatedLedger b = new ReplicatedLedger(name, SessionKeys.parse(KEY, RANDOM), Clock.systemUTC());

        Ledgers() {
            a.attach(memberA.<Object, Object>getReplicatedMap(name));
            b.attach(memberB.<Object, Object>getReplicatedMap(name));
        }

        /** The map as an outsider on the grid sees it. */
        ReplicatedMap<Object, Object> grid() {
            return memberB.<Object, Object>getReplicatedMap(name);
        }
    }

    private static Instant opened(SessionKeys keys, String name, Object sealed) {
        try {
            return sealed instanceof byte[] bytes
                    ? Instant.ofEpochMilli(ByteBuffer.wrap(keys.open(name + ":alice-sign-in", bytes)).getLong()) : null;
        } catch (SessionKeys.Unopened notYet) {
            return null;
        }
    }

    private static byte[] millis(Instant instant) {
        return ByteBuffer.allocate(Long.BYTES).putLong(instant.toEpochMilli()).array();
    }

    private static void await(BooleanSupplier condition, String what) {
        long deadline = System.nanoTime() + WAIT.toNanos();
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("not within " + WAIT + ": " + what);
            }
            try {
                TimeUnit.MILLISECONDS.sleep(50);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new AssertionError(e);
            }
        }
    }

    private static String key() {
        byte[] key = new byte[32];
        RANDOM.nextBytes(key);
        return Base64.getEncoder().encodeToString(key);
    }
}
