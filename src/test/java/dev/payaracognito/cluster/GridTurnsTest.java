package dev.payaracognito.cluster;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.hazelcast.core.Hazelcast;
import com.hazelcast.core.HazelcastInstance;
import com.hazelcast.core.HazelcastInstanceNotActiveException;
import com.hazelcast.map.IMap;
import dev.payaracognito.testing.LoopbackMember;
import dev.payaracognito.testing.PayaraNode;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.Base64;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Two members of a real Hazelcast grid on loopback, the turns of one name on each: one turn of a key at a time across
 * both, its result sealed for the next; and a grid that fails, or is written behind the turns' back, never costs
 * the work.
 */
class GridTurnsTest {

    private static final SecureRandom RANDOM = new SecureRandom();
    private static final Duration SHORT = Duration.ofMillis(300);
    private static final byte[] TOKENS = "the refreshed tokens".getBytes(StandardCharsets.UTF_8);

    private static HazelcastInstance memberA;
    private static HazelcastInstance memberB;
    private static int names;

    private final String name = "turns-" + ++names;
    private final SessionKeys keys = SessionKeys.parse("k1:" + key(), RANDOM);
    private final GridTurns onA = new GridTurns(name, keys, () -> memberA);
    private final GridTurns onB = new GridTurns(name, keys, () -> memberB);

    @BeforeAll
    static void twoMembers() {
        String cluster = "turns-test-" + ProcessHandle.current().pid();
        int port = PayaraNode.freePorts(2);
        memberA = LoopbackMember.start(cluster, port);
        memberB = LoopbackMember.start(cluster, port);
    }

    @AfterAll
    static void stop() {
        Hazelcast.shutdownAll();
    }

    @Test
    void oneTurnOfAKeyAtATimeAcrossTheGridAndTheNextTakesItsResult() throws Exception {
        try (Turns.Turn first = onA.await("session-1", SHORT).orElseThrow()) {
            assertTrue(first.result().isEmpty(), "no work done before");
            assertTrue(onB.await("session-1", SHORT).isEmpty(), "the other node waits, and gives up");
            try (Turns.Turn otherKey = onB.await("session-2", SHORT).orElseThrow()) {
                assertTrue(otherKey.result().isEmpty(), "another key's turn is its own");
            }
            first.leave(TOKENS);
        }
        try (Turns.Turn next = onB.await("session-1", SHORT).orElseThrow()) {
            assertArrayEquals(TOKENS, next.result().orElseThrow());
        }
        byte[] kept = memberB.<String, byte[]>getMap(name).get("session-1");
        assertFalse(new String(kept, StandardCharsets.ISO_8859_1).contains("refreshed tokens"), "sealed in the grid");
    }

    @Test
    void aWaitingNodeHasTheTurnAsSoonAsItIsFreed() throws Exception {
        Turns.Turn first = onA.await("session-1", SHORT).orElseThrow();
        CompletableFuture<Optional<byte[]>> waiting = CompletableFuture.supplyAsync(() -> {
            try (Turns.Turn next = onB.await("session-1", Duration.ofSeconds(10)).orElseThrow()) {
                return next.result();
            } catch (InterruptedException e) {
                throw new IllegalStateException(e);
            }
        });
        TimeUnit.MILLISECONDS.sleep(200);
        assertFalse(waiting.isDone(), "waits while the turn is held");
        first.leave(TOKENS);
        first.close();
        assertArrayEquals(TOKENS, waiting.get(10, TimeUnit.SECONDS).orElseThrow());
    }

    @Test
    void whatTheGridHoldsThatTheseTurnsDidNotSealIsNoResult() throws Exception {
        IMap<String, byte[]> grid = memberB.getMap(name);
        grid.set("garbage", new byte[] {1, 2, 3});
        grid.set("other-key", SessionKeys.parse("k2:" + key(), RANDOM).seal(name + ":other-key", TOKENS));
        grid.set("moved", keys.seal(name + ":session-1", TOKENS)); // a result of another key, copied over
        for (String key : new String[] {"garbage", "other-key", "moved"}) {
            try (Turns.Turn turn = onA.await(key, SHORT).orElseThrow()) {
                assertEquals(Optional.empty(), turn.result(), key);
            }
        }
    }

    /**
     * A running grid that fails to give the turn gives none (work done without it could be done on two nodes at
     * once), and this node's own turn is free again for the next request.
     */
    @Test
    void aGridThatFailsGivesNoTurnAndHoldsNothing() throws Exception {
        AtomicBoolean gridFails = new AtomicBoolean(true);
        GridTurns node = new GridTurns(name, keys, () -> {
            if (gridFails.get()) {
                throw new HazelcastInstanceNotActiveException();
            }
            return memberA;
        });
        assertTrue(node.await("session-1", SHORT).isEmpty(), "no turn while the grid fails");
        gridFails.set(false);
        try (Turns.Turn turn = node.await("session-1", SHORT).orElseThrow()) {
            assertTrue(turn.result().isEmpty(), "nothing was done");
        }
    }

    /** Without a grid (a single node), the turns are this node's: one at a time here, the result kept here. */
    @Test
    void withoutAGridTheTurnsAreThisNodes() throws Exception {
        GridTurns alone = new GridTurns(name, keys, () -> null);
        try (Turns.Turn turn = alone.await("session-1", SHORT).orElseThrow()) {
            turn.leave(TOKENS);
            assertFalse(turnOnAnotherThread(alone), "one at a time on this node");
        }
        try (Turns.Turn next = alone.await("session-1", SHORT).orElseThrow()) {
            assertArrayEquals(TOKENS, next.result().orElseThrow(), "and its result kept on this node");
        }
    }

    /** A grid call that fails for one request must not let it past another request of this node that holds the turn. */
    @Test
    void aGridThatFailsForOneRequestStillQueuesItBehindThisNodesTurn() throws Exception {
        AtomicBoolean gridFails = new AtomicBoolean();
        GridTurns node = new GridTurns(name, keys, () -> {
            if (gridFails.get()) {
                throw new HazelcastInstanceNotActiveException();
            }
            return memberA;
        });
        try (Turns.Turn held = node.await("session-1", SHORT).orElseThrow()) {
            gridFails.set(true);
            assertFalse(turnOnAnotherThread(node), "waits behind the turn this node holds");
            held.leave(TOKENS);
        }
    }

    @Test
    void aTurnWhoseLockIsGoneClosesQuietlyAndTheKeyIsFree() throws Exception {
        Turns.Turn turn = onA.await("session-1", SHORT).orElseThrow();
        memberB.getMap(name + ".turns").forceUnlock("session-1"); // as when the lease runs out during the work
        try (Turns.Turn other = onB.await("session-1", SHORT).orElseThrow()) {
            turn.leave(TOKENS);
            turn.close(); // the lock is the other node's now: not freed by this one, and no exception
            assertTrue(onA.await("session-1", SHORT).isEmpty(), "the other node still holds its turn");
            assertArrayEquals(TOKENS, other.result().orElseThrow());
        }
    }

    /** Whether another request of this node, on a thread of its own, gets session-1's turn within {@link #SHORT}. */
    private static boolean turnOnAnotherThread(GridTurns turns) throws Exception {
        return CompletableFuture.supplyAsync(() -> {
            try {
                Optional<Turns.Turn> turn = turns.await("session-1", SHORT);
                turn.ifPresent(Turns.Turn::close);
                return turn.isPresent();
            } catch (InterruptedException e) {
                throw new IllegalStateException(e);
            }
        }).get(10, TimeUnit.SECONDS);
    }

    private static String key() {
        byte[] key = new byte[32];
        RANDOM.nextBytes(key);
        return Base64.getEncoder().encodeToString(key);
    }
}
