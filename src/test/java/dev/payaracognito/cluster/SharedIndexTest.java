package dev.payaracognito.cluster;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.hazelcast.core.Hazelcast;
import com.hazelcast.core.HazelcastInstance;
import com.hazelcast.partition.PartitionAwareKey;
import dev.payaracognito.localcognito.faults.MutableClock;
import dev.payaracognito.testing.LoopbackMember;
import dev.payaracognito.testing.PayaraNode;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;

/** A group's entries, in this node's memory and in a grid: found by their group, gone when their time is up. */
class SharedIndexTest {

    private static final byte[] ALICE_1 = {1};
    private static final byte[] ALICE_2 = {2};
    private static final byte[] BOB_1 = {3};

    @AfterAll
    static void stopGrids() {
        Hazelcast.shutdownAll();
    }

    @Test
    void inThisNodesMemoryAnEntryIsFoundByItsGroupUntilItsTimeIsUp() throws Exception {
        MutableClock clock = new MutableClock();
        SharedIndex index = new SharedIndex("sessions", () -> null, clock);
        index.put("a11ce", "01", ALICE_1, Duration.ofMinutes(1));
        index.put("a11ce", "02", ALICE_2, Duration.ofMinutes(5));
        index.put("b0b", "01", BOB_1, Duration.ofMinutes(5));
        assertEquals(List.of(1, 2), values(index.group("a11ce")));
        assertEquals(3, count(index.all()));

        clock.advance(Duration.ofMinutes(2));
        assertEquals(List.of(2), values(index.group("a11ce")), "the first one's time is up");
        assertEquals(Optional.empty(), index.get("a11ce", "01"));
        assertEquals(2, index.get("a11ce", "02").orElseThrow()[0]);
        index.remove("a11ce", "02");
        assertEquals(List.of(), index.group("a11ce"));
        assertEquals(1, count(index.all()));
    }

    @Test
    void inAGridAGroupIsReadFromAnotherMemberAndItsEntriesExpireThere() throws Exception {
        int port = PayaraNode.freePorts(2);
        String cluster = "shared-index-" + ProcessHandle.current().pid();
        HazelcastInstance one = LoopbackMember.start(cluster, port);
        HazelcastInstance other = LoopbackMember.start(cluster, port);
        SharedIndex written = new SharedIndex("sessions", () -> one, Clock.systemUTC());
        SharedIndex read = new SharedIndex("sessions", () -> other, Clock.systemUTC());
        written.put("a11ce", "02", ALICE_2, Duration.ofMinutes(5));
        written.put("a11", "ce01", BOB_1, Duration.ofMinutes(5));
        assertEquals(List.of(2), values(read.group("a11ce")));
        assertEquals(List.of(3), values(read.group("a11")), "a group is its own, not a prefix of another's");
        assertEquals(2, read.get("a11ce", "02").orElseThrow()[0]);
        assertEquals(Optional.empty(), read.get("a11", "02"));

        // The short-lived entry is written only now that the grid has assigned its partitions (the first writes
        // can take seconds on a slow machine, which once outlived a 2 s entry before it was read).
        written.put("a11ce", "01", ALICE_1, Duration.ofSeconds(3));
        assertEquals(List.of(1, 2), values(read.group("a11ce")));
        assertEquals(3, count(read.all()));

        long deadline = System.nanoTime() + Duration.ofSeconds(15).toNanos();
        while (values(read.group("a11ce")).contains(1) && System.nanoTime() < deadline) {
            Thread.sleep(100);
        }
        assertEquals(List.of(2), values(read.group("a11ce")), "the grid's own expiry removed it");
        read.remove("a11ce", "02");
        assertEquals(List.of(), written.group("a11ce"));
    }

    @Test
    void aValueOfAnotherTypeInTheGridIsNoEntry() throws Exception {
        HazelcastInstance grid = LoopbackMember.start("shared-index-typed-" + ProcessHandle.current().pid(),
                PayaraNode.freePort());
        SharedIndex index = new SharedIndex("sessions", () -> grid, Clock.systemUTC());
        index.put("a11ce", "01", ALICE_1, Duration.ofMinutes(5));
        // a writer of the grid: a string where the index keeps bytes
        grid.getMap("sessions").set(new PartitionAwareKey<>("02", "a11ce"), "not bytes");
        assertEquals(List.of(1), values(index.group("a11ce")));
        assertEquals(1, count(index.all()));
        assertEquals(Optional.empty(), index.get("a11ce", "02"));
        assertEquals(1, index.get("a11ce", "01").orElseThrow()[0]);
    }

    @Test
    void aGridThatFailsReadsAsEmptyAndTakesNoWriteButSaysSoToOneWhoAsksForAnEntry() {
        HazelcastInstance stopped = LoopbackMember.start("shared-index-stopped-" + ProcessHandle.current().pid(),
                PayaraNode.freePort());
        stopped.shutdown();
        SharedIndex index = new SharedIndex("sessions", () -> stopped, Clock.systemUTC());
        index.put("a11ce", "01", ALICE_1, Duration.ofMinutes(1));
        assertEquals(List.of(), index.group("a11ce"));
        assertEquals(0, count(index.all()));
        assertThrows(SharedIndex.Unanswered.class, () -> index.get("a11ce", "01"));
    }

    /** The entries' values (each one byte here), sorted: a value found twice would show twice. */
    private static List<Integer> values(List<byte[]> values) {
        return values.stream().map(value -> (int) value[0]).sorted().toList();
    }

    private static int count(Iterable<byte[]> values) {
        List<byte[]> all = new ArrayList<>();
        values.forEach(all::add);
        return all.size();
    }
}
