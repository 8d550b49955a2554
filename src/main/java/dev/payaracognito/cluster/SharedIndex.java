package dev.payaracognito.cluster;

import com.hazelcast.core.HazelcastInstance;
import com.hazelcast.map.IMap;
import com.hazelcast.query.Predicates;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;
import java.util.logging.Logger;

/**
 * Entries that every node reads, each living for the time it was last put with: a map of the data grid while one
 * runs (its own expiry removes an entry nobody renews, whichever node wrote it, dead or alive), else this node's
 * memory. Keys are {@code group.member} ({@code group} and {@code member} of hex digits, so that a group's entries are
 * found by the key's prefix); what a value says is the caller's to seal. A grid that fails reads as empty and
 * drops the write, said in the log now and then: an index is for people to look at, and what it lists is decided
 * elsewhere.
 */
public final class SharedIndex {

    private static final Logger LOG = Logger.getLogger(SharedIndex.class.getName());
    private static final Duration WARNINGS = Duration.ofMinutes(1);

    private record Local(byte[] value, Instant until) {}

    private final String name;
    private final Supplier<HazelcastInstance> grid;
    private final Clock clock;
    private final Map<String, Local> local = new ConcurrentHashMap<>();
    private volatile Instant lastWarning = Instant.MIN;

    /** {@code grid} answers the grid that runs now, or null while none does. */
    SharedIndex(String name, Supplier<HazelcastInstance> grid, Clock clock) {
        this.name = name;
        this.grid = grid;
        this.clock = clock;
    }

    /** A key of {@code group}'s: both hex, so that {@link #group} finds it by prefix and nothing else. */
    public static String key(String group, String member) {
        if (!group.matches("[0-9a-f]+") || !member.matches("[0-9a-f]+")) {
            throw new IllegalArgumentException("index keys are hex");
        }
        return group + "." + member;
    }

    public void put(String key, byte[] value, Duration life) {
        HazelcastInstance running = grid.get();
        if (running == null) {
            local.put(key, new Local(value, clock.instant().plus(life)));
            return;
        }
        try {
            map(running).set(key, value, Math.max(1, life.toMillis()), TimeUnit.MILLISECONDS);
        } catch (RuntimeException failed) {
            warn("not written", failed);
        }
    }

    public void remove(String key) {
        HazelcastInstance running = grid.get();
        if (running == null) {
            local.remove(key);
            return;
        }
        try {
            map(running).delete(key);
        } catch (RuntimeException failed) {
            warn("not removed from", failed);
        }
    }

    public Optional<byte[]> get(String key) {
        HazelcastInstance running = grid.get();
        if (running == null) {
            Local entry = local.get(key);
            return entry == null || expired(entry) ? Optional.empty() : Optional.of(entry.value());
        }
        try {
            return Optional.ofNullable(map(running).get(key));
        } catch (RuntimeException failed) {
            warn("not read from", failed);
            return Optional.empty();
        }
    }

    /** The entries of {@code group}. */
    public Map<String, byte[]> group(String group) {
        return matching(group + ".");
    }

    /** Every entry: a scan of the whole index, for the rare reader that must see all. */
    public Map<String, byte[]> all() {
        return matching("");
    }

    private Map<String, byte[]> matching(String prefix) {
        HazelcastInstance running = grid.get();
        Map<String, byte[]> found = new HashMap<>();
        if (running == null) {
            local.entrySet().removeIf(entry -> expired(entry.getValue()));
            local.forEach((key, entry) -> {
                if (key.startsWith(prefix)) {
                    found.put(key, entry.value());
                }
            });
            return found;
        }
        try {
            IMap<String, byte[]> map = map(running);
            // hex and a dot: no character of the prefix is a wildcard of LIKE
            for (Map.Entry<String, byte[]> entry : prefix.isEmpty() ? map.entrySet()
                    : map.entrySet(Predicates.like("__key", prefix + "%"))) {
                found.put(entry.getKey(), entry.getValue());
            }
        } catch (RuntimeException failed) {
            warn("not read from", failed);
            found.clear();
        }
        return found;
    }

    private boolean expired(Local entry) {
        return !clock.instant().isBefore(entry.until());
    }

    private IMap<String, byte[]> map(HazelcastInstance running) {
        return running.getMap(name);
    }

    private void warn(String what, RuntimeException failed) {
        Instant now = clock.instant();
        if (now.isAfter(lastWarning.plus(WARNINGS))) {
            lastWarning = now;
            LOG.warning("The data grid failed: an entry was " + what + " its " + name + " ("
                    + failed.getClass().getSimpleName() + ")");
        }
    }
}
