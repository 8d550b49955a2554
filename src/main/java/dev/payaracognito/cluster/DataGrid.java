package dev.payaracognito.cluster;

import com.hazelcast.core.HazelcastInstance;
import jakarta.annotation.PostConstruct;
import jakarta.annotation.PreDestroy;
import jakarta.annotation.Resource;
import jakarta.enterprise.concurrent.ManagedScheduledExecutorService;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.logging.Logger;
import javax.naming.InitialContext;
import javax.naming.NameNotFoundException;

/**
 * The data grid Payara Micro joins (Hazelcast, bound in JNDI as {@code payara/Hazelcast}), for what every node of
 * the cluster must know at once: {@link ReplicatedLedger}s, read locally and sealed in the grid. Without a grid
 * (Payara started with {@code --nohazelcast}) a ledger is this node's alone. A grid that is bound but not running
 * (not up yet, restarting) is waited for: every few seconds the ledgers are shared again once it runs, and until
 * then the log says, now and then, that this node's ended sign-ins are its own. A node that seals with a key of its
 * own (no {@code APP_SESSION_KEY}) in a grid of several members says so too: the others cannot open its sessions.
 */
@ApplicationScoped
public class DataGrid {

    private static final Logger LOG = Logger.getLogger(DataGrid.class.getName());
    private static final String PAYARA_HAZELCAST = "payara/Hazelcast";
    private static final Duration RETRY = Duration.ofSeconds(5);
    private static final Duration WARNINGS = Duration.ofMinutes(5);

    @Resource
    private ManagedScheduledExecutorService scheduler;

    private final List<ReplicatedLedger> ledgers = new CopyOnWriteArrayList<>();
    private volatile HazelcastInstance attachedTo;
    private volatile Instant lastWarning = Instant.MIN;
    private volatile int membersWarnedOf = 1;
    private ScheduledFuture<?> retries;
    /** Payara's grid, as JNDI has it ({@link NameNotFoundException} where Payara runs without one). */
    Callable<Object> lookup = () -> new InitialContext().lookup(PAYARA_HAZELCAST);

    @PostConstruct
    void watch() {
        retries = scheduler.scheduleWithFixedDelay(this::follow, RETRY.toMillis(), RETRY.toMillis(),
                TimeUnit.MILLISECONDS);
    }

    @PreDestroy
    void stop() {
        retries.cancel(false);
        ledgers.forEach(ReplicatedLedger::stopListening);
    }

    /** The ledger {@code name}, shared by every node of the cluster, its values sealed with {@code keys}. */
    public Ledger ledger(String name, SessionKeys keys) {
        ReplicatedLedger ledger = new ReplicatedLedger(name, keys, Clock.systemUTC());
        ledgers.add(ledger);
        follow();
        return ledger;
    }

    /**
     * The turns {@code name}: one node at a time across the cluster for a key, its result sealed with {@code keys}
     * for the others; this node's alone while no grid runs.
     */
    public Turns turns(String name, SessionKeys keys) {
        return new GridTurns(name, keys, this::running);
    }

    /** The index {@code name}, shared by every node of the cluster; this node's alone while no grid runs. */
    public SharedIndex index(String name) {
        return new SharedIndex(name, this::running, Clock.systemUTC());
    }

    /** The grid this node is attached to, while it runs; null otherwise. */
    private HazelcastInstance running() {
        HazelcastInstance grid = attachedTo;
        return grid == null || !grid.getLifecycleService().isRunning() ? null : grid;
    }

    /** Attaches the ledgers to the grid that runs now, if it is not the one they are attached to. */
    synchronized void follow() {
        HazelcastInstance grid;
        try {
            grid = (HazelcastInstance) lookup.call();
        } catch (NameNotFoundException noGrid) {
            return; // a single node: its ledgers are its own, by design
        } catch (Exception notThereYet) {
            grid = null;
        }
        boolean running = grid != null && grid.getLifecycleService().isRunning();
        if (running) {
            warnOfAKeyOfItsOwn(grid.getCluster().getMembers().size());
        }
        if (running && grid == attachedTo && ledgers.stream().allMatch(ReplicatedLedger::attached)) {
            return;
        }
        if (!running) {
            ledgers.forEach(ReplicatedLedger::detach);
            attachedTo = null;
            warnNowAndThen("The data grid is not running: this node's ended sign-ins are its own, and it does not learn"
                    + " those of other nodes, until the grid runs (tried again every " + RETRY.toSeconds() + " s)");
            return;
        }
        for (ReplicatedLedger ledger : ledgers) {
            try {
                ledger.attach(grid.getReplicatedMap(ledger.name()));
            } catch (RuntimeException unreadable) {
                // The map holds what cannot be read (or the grid stopped meanwhile): this node's alone, tried again.
                ledger.detach();
                warnNowAndThen("The data grid's " + ledger.name() + " could not be read ("
                        + unreadable.getClass().getSimpleName() + "): this node's ended sign-ins are its own for now");
            }
        }
        if (attachedTo == null && lastWarning != Instant.MIN) {
            LOG.info("The data grid runs: this node shares its ended sign-ins again");
        }
        attachedTo = grid;
    }

    /** Said once for each size the grid grows to while this node seals with a key nobody else has. */
    private void warnOfAKeyOfItsOwn(int members) {
        boolean ownKey = ledgers.stream().anyMatch(ledger -> ledger.keys().ofThisNode());
        if (ownKey && members > membersWarnedOf) {
            membersWarnedOf = members;
            LOG.warning("This node is one of " + members + " in the data grid, but seals sessions with a key of its own"
                    + " (no APP_SESSION_KEY): a session it sealed cannot be read on another node, which answers 503."
                    + " Give every node the same APP_SESSION_KEY.");
        }
    }

    private void warnNowAndThen(String warning) {
        Instant now = Instant.now();
        if (!ledgers.isEmpty() && now.isAfter(lastWarning.plus(WARNINGS))) {
            lastWarning = now;
            LOG.warning(warning);
        }
    }
}
