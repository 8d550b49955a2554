package dev.payaracognito.cluster;

import com.hazelcast.core.HazelcastInstance;
import com.hazelcast.map.IMap;
import com.hazelcast.partition.PartitionAwareKey;
import com.hazelcast.query.Predicates;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;
import java.util.logging.Logger;
import java.util.stream.Stream;

/**
 * Entries that every node reads, in groups (a group's members: a user's sessions), each living for the time it was
 * last put with: a map of the data grid while one runs (its own expiry removes an entry nobody renews, whichever node
 * wrote it, dead or alive), else this node's memory. A value of the grid that is not bytes is no entry: only a
 * writer of the grid puts one there. In the grid a group's entries live in one partition (the key is
 * Hazelcast's {@link PartitionAwareKey}, the group its partition key), so that reading a group asks one partition,
 * not the whole grid. What a value says is the caller's to seal. A grid that fails reads as empty and drops the
 * write, said in the log now and then (an index is for people to look at, and what it lists is decided elsewhere);
 * a caller to whom it matters hears of it ({@link #put}'s answer, {@link #get}'s {@link Unanswered}).
 */
public final class SharedIndex {

    private static final Logger LOG = Logger.getLogger(SharedIndex.class.getName());
    private static final Duration WARNINGS = Duration.ofMinutes(1);

    /** An entry of this node's memory, while no grid runs. */
    private record Local(String group, byte[] value, Instant until) {}

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

    /** Whether the entry was written: false when the grid failed (said in the log now and then). */
    public boolean put(String group, String member, byte[] value, Duration life) {
        HazelcastInstance running = grid.get();
        if (running == null) {
            local.put(localKey(group, member), new Local(group, value, clock.instant().plus(life)));
            return true;
        }
        try {
            map(running).set(new PartitionAwareKey<>(member, group), value, Math.max(1, life.toMillis()),
                    TimeUnit.MILLISECONDS);
            return true;
        } catch (RuntimeException failed) {
            warn("not written", failed);
            return false;
        }
    }

    public void remove(String group, String member) {
        HazelcastInstance running = grid.get();
        if (running == null) {
            local.remove(localKey(group, member));
            return;
        }
        try {
            map(running).delete(new PartitionAwareKey<>(member, group));
        } catch (RuntimeException failed) {
            warn("not removed from", failed);
        }
    }

    /**
     * The value of one entry, if it lives; {@link Unanswered} when the grid fails, for a reader to whom "none" and
     * "not known now" are not the same.
     */
    public Optional<byte[]> get(String group, String member) throws Unanswered {
        HazelcastInstance running = grid.get();
        if (running == null) {
            Local entry = local.get(localKey(group, member));
            return entry == null || over(entry) ? Optional.empty() : Optional.of(entry.value());
        }
        try {
            return Optional.ofNullable(map(running).get(new PartitionAwareKey<>(member, group)))
                    .filter(byte[].class::isInstance).map(byte[].class::cast);
        } catch (RuntimeException failed) {
            warn("not read from", failed);
            throw new Unanswered(failed);
        }
    }

    /** The grid failed to answer a read. */
    public static final class Unanswered extends Exception {

        private static final long serialVersionUID = 1L;

        Unanswered(RuntimeException failure) {
            super("the data grid did not answer: " + failure.getClass().getSimpleName(), failure);
        }
    }

    /** The values of {@code group}'s entries. */
    public List<byte[]> group(String group) {
        HazelcastInstance running = grid.get();
        if (running == null) {
            return live().filter(entry -> entry.group().equals(group)).map(Local::value).toList();
        }
        try {
            // the values, not the entries: of entries Hazelcast makes a set, hashing each one it found
            return bytes(map(running).values(Predicates.partitionPredicate(group,
                    Predicates.equal("__key.partitionKey", group)))).toList();
        } catch (RuntimeException failed) {
            warn("not read from", failed);
            return List.of();
        }
    }

    /** Every entry's value: a scan of the whole index, for the rare reader that must see all. */
    public Iterable<byte[]> all() {
        HazelcastInstance running = grid.get();
        if (running == null) {
            return live().map(Local::value).toList();
        }
        try {
            Collection<Object> values = map(running).values();
            // read as it is walked: every value of the cluster at once is more than a search needs at a time
            return () -> bytes(values).iterator();
        } catch (RuntimeException failed) {
            warn("not read from", failed);
            return List.of();
        }
    }

    /** The values that are bytes: the grid holds whatever a writer puts in it. */
    private static Stream<byte[]> bytes(Collection<?> values) {
        return values.stream().filter(byte[].class::isInstance).map(byte[].class::cast);
    }

    private Stream<Local> live() {
        local.values().removeIf(this::over);
        return local.values().stream();
    }

    /** Whether an entry of this node's memory has lived its time. */
    private boolean over(Local entry) {
        return !clock.instant().isBefore(entry.until());
    }

    private static String localKey(String group, String member) {
        return group + "\n" + member;
    }

    private IMap<PartitionAwareKey<String, String>, Object> map(HazelcastInstance running) {
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
