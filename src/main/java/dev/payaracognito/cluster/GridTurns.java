package dev.payaracognito.cluster;

import com.hazelcast.core.HazelcastInstance;
import com.hazelcast.map.IMap;
import java.time.Duration;
import java.util.Arrays;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Supplier;
import java.util.logging.Logger;

/**
 * {@link Turns} through the data grid when it runs: a key's turn is the lock of the key in a map of the grid (held by
 * the thread that took it, leased so that a node that dies, or hangs, frees it), and its result the key's value in
 * another map (a write to a locked key waits for its lock: a turn whose lease ran out must not wait for the next
 * one to leave its result), sealed with the session key and kept for a while. Without a grid (a single node), a
 * lock and a value in this node's memory. Whatever the grid holds that does not open is no result: the work is done
 * again. A running grid that fails to give the turn (a member leaving, a timeout) gives none: work done without it
 * could be done twice at once on two nodes (a refresh token spent twice under rotation signs the user out), so it
 * waits for a later turn. A result that cannot be left is not, and a lock that cannot be freed frees itself at the
 * end of its lease.
 */
final class GridTurns implements Turns {

    private static final Logger LOG = Logger.getLogger(GridTurns.class.getName());

    /**
     * Far longer than any work done in a turn (a refresh: the token endpoint's answer, then the keys to validate it,
     * each bounded by its timeouts), so that only a node that died or hangs loses a turn to its lease.
     */
    private static final Duration LEASE = Duration.ofSeconds(60);
    /** How long a result is kept: as long as a node may still hold a session from before the work. */
    private static final Duration KEPT = Duration.ofMinutes(5);

    private final String name;
    private final SessionKeys keys;
    private final Supplier<HazelcastInstance> grid;
    private final Turns local = new LocalTurns(KEPT);

    /** {@code grid} answers the grid that runs now, or null while none does. */
    GridTurns(String name, SessionKeys keys, Supplier<HazelcastInstance> grid) {
        this.name = name;
        this.keys = keys;
        this.grid = grid;
    }

    /** This node's turn first, then the grid's inside it: the threads of this node queue here, not at the grid. */
    @Override
    public Optional<Turn> await(String key, Duration wait) throws InterruptedException {
        long deadline = System.nanoTime() + wait.toNanos();
        Optional<Turn> awaited = local.await(key, wait);
        if (awaited.isEmpty()) {
            return awaited;
        }
        Turn here = awaited.get();
        IMap<String, byte[]> locks;
        IMap<String, byte[]> results;
        try {
            HazelcastInstance running = grid.get();
            if (running == null) {
                return awaited;
            }
            locks = running.getMap(name + ".turns");
            results = running.getMap(name);
            long left = Math.max(0, deadline - System.nanoTime());
            if (!locks.tryLock(key, left, TimeUnit.NANOSECONDS, LEASE.toMillis(), TimeUnit.MILLISECONDS)) {
                here.close();
                return Optional.empty();
            }
        } catch (RuntimeException gridTrouble) {
            LOG.warning(name + ": the data grid gave no turn (" + gridTrouble.getClass().getSimpleName()
                    + "): the work waits for a later turn");
            here.close();
            return Optional.empty();
        } catch (InterruptedException | Error e) {
            here.close();
            throw e;
        }
        return Optional.of(new Turn() {
            @Override
            public Optional<byte[]> result() {
                try {
                    return Optional.of(keys.open(purpose(key), results.get(key)));
                } catch (SessionKeys.Unopened | RuntimeException none) {
                    return here.result();
                }
            }

            @Override
            public void leave(byte[] result) {
                here.leave(result); // for this node's later turns, should the grid fail them
                try {
                    results.set(key, keys.seal(purpose(key), result), KEPT.toMillis(), TimeUnit.MILLISECONDS);
                } catch (RuntimeException gridTrouble) {
                    // the work stands; a node that waited for it does it again
                    LOG.warning(name + ": the data grid kept no result (" + gridTrouble.getClass().getSimpleName()
                            + ")");
                }
            }

            @Override
            public void close() {
                try {
                    locks.unlock(key);
                } catch (RuntimeException gridTrouble) {
                    // the lease ran out (the turn is already another's), or the grid went: nothing left to free
                    LOG.warning(name + ": a turn of the data grid was not freed (" + gridTrouble.getClass()
                            .getSimpleName() + "), its lease frees it");
                } finally {
                    here.close();
                }
            }
        });
    }

    private String purpose(String key) {
        return name + ":" + key;
    }

    /**
     * This node's turns: a lock per key (one of a fixed set the keys share, so that no lock is ever removed while a
     * thread waits for it), and the results for a while.
     */
    static final class LocalTurns implements Turns {

        private final ReentrantLock[] locks = new ReentrantLock[64];
        private final Map<String, Kept> results = new ConcurrentHashMap<>();
        private final Duration kept;

        private record Kept(byte[] result, long until) {}

        LocalTurns(Duration kept) {
            this.kept = kept;
            Arrays.setAll(locks, i -> new ReentrantLock());
        }

        @Override
        public Optional<Turn> await(String key, Duration wait) throws InterruptedException {
            ReentrantLock lock = locks[Math.floorMod(key.hashCode(), locks.length)];
            if (!lock.tryLock(wait.toMillis(), TimeUnit.MILLISECONDS)) {
                return Optional.empty();
            }
            long now = System.currentTimeMillis();
            results.values().removeIf(result -> result.until() < now);
            return Optional.of(new Turn() {
                @Override
                public Optional<byte[]> result() {
                    return Optional.ofNullable(results.get(key)).map(Kept::result);
                }

                @Override
                public void leave(byte[] result) {
                    results.put(key, new Kept(result, System.currentTimeMillis() + kept.toMillis()));
                }

                @Override
                public void close() {
                    lock.unlock();
                }
            });
        }
    }
}
