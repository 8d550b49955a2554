package dev.payaracognito.cluster;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.hazelcast.core.Hazelcast;
import com.hazelcast.core.HazelcastInstance;
import dev.payaracognito.localcognito.faults.MutableClock;
import dev.payaracognito.testing.LoopbackMember;
import dev.payaracognito.testing.PayaraNode;
import java.time.Clock;
import java.time.Duration;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;

/** The index of a key's group, in this node's memory and in a grid: found by group, gone when its time is up. */
class SharedIndexTest {

    private static final byte[] ALICE_1 = {1};
    private static final byte[] ALICE_2 = {2};
    private static final byte[] BOB_1 = {3};

    @AfterAll
    static void stopGrids() {
        Hazelcast.shutdownAll();
    }

    @Test
    void inThisNodesMemoryAnEntryIsFoundByItsGroupUntilItsTimeIsUp() {
        MutableClock clock = new MutableClock();
        SharedIndex index = new SharedIndex("sessions", () -> null, clock);
        index.put(SharedIndex.key("a11ce", "01"), ALICE_1, Duration.ofMinutes(1));
        index.put(SharedIndex.key("a11ce", "02"), ALICE_2, Duration.ofMinutes(5));
        index.put(SharedIndex.key("b0b", "01"), BOB_1, Duration.ofMinutes(5));
        assertEquals(Set.of("a11ce.01", "a11ce.02"), index.group("a11ce").keySet());
        assertEquals(3, index.all().size());

        clock.advance(Duration.ofMinutes(2));
        assertEquals(Set.of("a11ce.02"), index.group("a11ce").keySet(), "the first one's time is up");
        assertTrue(index.get("a11ce.01").isEmpty());
        index.remove("a11ce.02");
        assertEquals(Map.of(), index.group("a11ce"));
        assertEquals(Set.of("b0b.01"), index.all().keySet());
    }

    @Test
    void inAGridAnEntryIsFoundByItsGroupFromAnotherMemberAndExpiresThere() throws Exception {
        int port = PayaraNode.freePorts(2);
        String cluster = "shared-index-" + ProcessHandle.current().pid();
        HazelcastInstance one = LoopbackMember.start(cluster, port);
        HazelcastInstance other = LoopbackMember.start(cluster, port);
        SharedIndex written = new SharedIndex("sessions", () -> one, Clock.systemUTC());
        SharedIndex read = new SharedIndex("sessions", () -> other, Clock.systemUTC());
        written.put(SharedIndex.key("a11ce", "01"), ALICE_1, Duration.ofSeconds(2));
        written.put(SharedIndex.key("a11ce", "02"), ALICE_2, Duration.ofMinutes(5));
        // a group's prefix is not a wildcard for another's: "a11" is not "a11ce"
        written.put(SharedIndex.key("a11", "ce01"), BOB_1, Duration.ofMinutes(5));
        assertEquals(Set.of("a11ce.01", "a11ce.02"), read.group("a11ce").keySet());
        assertEquals(Set.of("a11.ce01"), read.group("a11").keySet());

        long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
        while (read.group("a11ce").containsKey("a11ce.01") && System.nanoTime() < deadline) {
            Thread.sleep(100);
        }
        assertEquals(Set.of("a11ce.02"), read.group("a11ce").keySet(), "the grid's own expiry removed it");
        read.remove("a11ce.02");
        assertTrue(written.get("a11ce.02").isEmpty());
    }

    @Test
    void aGridThatFailsReadsAsEmptyAndTakesNoWrite() {
        HazelcastInstance stopped = LoopbackMember.start("shared-index-stopped-" + ProcessHandle.current().pid(),
                PayaraNode.freePort());
        stopped.shutdown();
        SharedIndex index = new SharedIndex("sessions", () -> stopped, Clock.systemUTC());
        index.put(SharedIndex.key("a11ce", "01"), ALICE_1, Duration.ofMinutes(1));
        assertEquals(Map.of(), index.group("a11ce"));
        assertTrue(index.get("a11ce.01").isEmpty());
    }

    @Test
    void keysAreHexSoThatAGroupsPrefixIsNeverAPattern() {
        assertThrows(IllegalArgumentException.class, () -> SharedIndex.key("a%", "01"));
        assertThrows(IllegalArgumentException.class, () -> SharedIndex.key("a11ce", "0_1"));
    }
}
