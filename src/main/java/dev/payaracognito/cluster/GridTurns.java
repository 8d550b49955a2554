package dev.payaracognito.cluster;

import com.hazelcast.map.IMap;
import java.time.Duration;
import java.util.Arrays;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Supplier;

/**
 * {@link Turns} through the data grid when it runs: a key's turn is the lock of the key in a map of the grid (held by
 * the thread that took it, leased so that a node that dies, or hangs, frees it), and its result the key's value,
 * sealed with the session key and kept for a while. Without a grid, a lock and a value in this node's memory.
 * Whatever the grid holds that does not open is no result: the work is done again.
 */
final class GridTurns implements Turns {

    /** Longer than any work done in a turn (a refresh: Cognito's connect and read timeouts). */
    private static final Duration LEASE = Duration.ofSeconds(15);
    /** How long a result is kept: as long as a node may still hold a session from before the work. */
    private static final Duration KEPT = Duration.ofMinutes(5);

    private final String name;
    private final SessionKeys keys;
    private final Supplier<IMap<String, byte[]>> grid;
    private final Turns local = new LocalTurns(KEPT);

    /** {@code grid} answers the map of the grid that runs now, or null while none does. */
    GridTurns(String name, SessionKeys keys, Supplier<IMap<String, byte[]>> grid) {
        this.name = name;
        this.keys = keys;
        this.grid = grid;
    }

    @Override
    public Optional<Turn> await(String key, Duration wait) throws InterruptedException {
        IMap<String, byte[]> map = grid.get();
        if (map == null) {
            return local.await(key, wait);
        }
        if (!map.tryLock(key, wait.toMillis(), TimeUnit.MILLISECONDS, LEASE.toMillis(), TimeUnit.MILLISECONDS)) {
            return Optional.empty();
        }
        return Optional.of(new Turn() {
            @Override
            public Optional<byte[]> result() {
                try {
                    return Optional.of(keys.open(purpose(key), map.get(key)));
                } catch (SessionKeys.Unopened | RuntimeException none) {
                    return Optional.empty();
                }
            }

            @Override
            public void leave(byte[] result) {
                map.set(key, keys.seal(purpose(key), result), KEPT.toMillis(), TimeUnit.MILLISECONDS);
            }

            @Override
            public void close() {
                map.unlock(key);
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
