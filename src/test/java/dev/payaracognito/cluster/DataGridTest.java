package dev.payaracognito.cluster;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.hazelcast.core.Hazelcast;
import com.hazelcast.core.HazelcastInstance;
import dev.payaracognito.testing.CapturedLog;
import dev.payaracognito.testing.LoopbackMember;
import dev.payaracognito.testing.PayaraNode;
import java.security.SecureRandom;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Base64;
import java.util.List;
import java.util.logging.Level;
import javax.naming.NameNotFoundException;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** How a node finds Payara's grid for its ledgers: none by design, not yet up, up, and what it warns of. */
class DataGridTest {

    private static final SecureRandom RANDOM = new SecureRandom();
    @RegisterExtension
    final CapturedLog log = new CapturedLog(DataGrid.class);

    @AfterEach
    void stop() {
        Hazelcast.shutdownAll();
    }

    @Test
    void withoutAGridByDesignTheLedgerIsTheNodesOwnAndNothingIsSaid() {
        DataGrid grid = new DataGrid();
        grid.lookup = () -> {
            throw new NameNotFoundException("payara/Hazelcast");
        };
        Ledger ledger = grid.ledger("ended", keys());
        ledger.extend("alice-sign-in", Instant.now().plusSeconds(60));
        assertEquals(Instant.now().plusSeconds(60).getEpochSecond(), ledger.until("alice-sign-in").getEpochSecond(), 2);
        assertEquals(List.of(), log.messages(Level.ALL));
    }

    @Test
    void aGridNotYetRunningIsWaitedForThenSharedWith() {
        String cluster = "data-grid-test-" + RANDOM.nextInt(1_000_000);
        int port = PayaraNode.freePorts(2);
        HazelcastInstance notYet = LoopbackMember.start(cluster, port);
        notYet.shutdown();
        DataGrid grid = new DataGrid();
        grid.lookup = () -> notYet;

        // 1. bound but not running: the node keeps its own, and says so
        Ledger ledger = grid.ledger("ended", keys());
        Instant inAnHour = Instant.now().plusSeconds(3600).truncatedTo(ChronoUnit.MILLIS);
        ledger.extend("alice-sign-in", inAnHour);
        assertTrue(log.warnings().stream().anyMatch(w -> w.startsWith("The data grid is not running")), log.warnings().toString());

        // 2. up: the next try shares what the node kept
        HazelcastInstance running = LoopbackMember.start(cluster, port);
        grid.lookup = () -> running;
        grid.follow();
        assertTrue(running.getReplicatedMap("ended").containsKey("alice-sign-in"));
        assertEquals(inAnHour, ledger.until("alice-sign-in"));
    }

    @Test
    void aNodeSealingWithAKeyOfItsOwnInAGridOfSeveralSaysSo() {
        String cluster = "data-grid-test-" + RANDOM.nextInt(1_000_000);
        int port = PayaraNode.freePorts(2);
        HazelcastInstance one = LoopbackMember.start(cluster, port);
        DataGrid grid = new DataGrid();
        grid.lookup = () -> one;
        grid.ledger("ended", SessionKeys.ofThisNode(RANDOM));
        assertTrue(log.warnings().isEmpty(), "alone in the grid: its own key is enough");

        HazelcastInstance other = LoopbackMember.start(cluster, port);
        long deadline = System.currentTimeMillis() + 10_000;
        while (one.getCluster().getMembers().size() < 2 && System.currentTimeMillis() < deadline) {
            Thread.onSpinWait();
        }
        grid.follow();
        assertTrue(log.warnings().stream().anyMatch(w -> w.contains("seals sessions with a key of its own")),
                log.warnings().toString());
        assertTrue(other.getLifecycleService().isRunning());
    }

    private static SessionKeys keys() {
        byte[] key = new byte[32];
        RANDOM.nextBytes(key);
        return SessionKeys.parse("k1:" + Base64.getEncoder().encodeToString(key), RANDOM);
    }
}
