package dev.payaracognito.cluster;

import com.hazelcast.core.EntryEvent;
import com.hazelcast.core.EntryListener;
import com.hazelcast.map.MapEvent;
import com.hazelcast.replicatedmap.ReplicatedMap;
import java.nio.ByteBuffer;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.AbstractMap;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.function.BiFunction;
import java.util.logging.Logger;

/**
 * Entries every node of a cluster shares, each until its instant, that only that instant removes: the ended
 * sign-ins, which must stay ended on every node whatever anyone does to the data grid. Read from a copy in this
 * node's memory (a hash lookup on the API's hot path); written to the copy and to a replicated map of the grid,
 * each value sealed with the session key ({@link SessionKeys}) for its key, with the grid's own time to live. From
 * the grid it takes only what opens, and only to make an entry live longer: an entry removed from the grid, or cut
 * short there, stays in this node's copy and is put back, and a forged one is ignored (and logged). Without a grid
 * (not yet up, or gone) it is this node's alone until {@link #attach} is called with one.
 */
final class ReplicatedLedger extends AbstractMap<String, Instant> {

    private static final Logger LOG = Logger.getLogger(ReplicatedLedger.class.getName());
    /** Forged entries said in the log at most this often: whoever writes the grid could flood it. */
    private static final Duration FORGERY_REPORTS = Duration.ofMinutes(1);

    private final String name;
    private final SessionKeys keys;
    private final Clock clock;
    private final Map<String, Instant> copy = new ConcurrentHashMap<>();
    private volatile ReplicatedMap<String, byte[]> grid;
    /** The map whose events this node hears (a map of a grid that stopped stays it until another is attached). */
    private ReplicatedMap<String, byte[]> listenedTo;
    private volatile Instant forgeryReported = Instant.MIN;

    ReplicatedLedger(String name, SessionKeys keys, Clock clock) {
        this.name = name;
        this.keys = keys;
        this.clock = clock;
    }

    /** Shares this node's entries with the grid's map and takes the grid's; from now on, writes go to both. */
    void attach(ReplicatedMap<String, byte[]> shared) {
        if (shared != listenedTo) {
            listenedTo = shared;
            shared.addEntryListener(new Events());
        }
        shared.forEach(this::receive);
        grid = shared;
        copy.forEach(this::share);
    }

    String name() {
        return name;
    }

    SessionKeys keys() {
        return keys;
    }

    /** Whether the entries are shared through a grid. */
    boolean attached() {
        return grid != null;
    }

    /** The grid has gone (shut down, restarted): this node's alone until attached again. */
    void detach() {
        grid = null;
    }

    @Override
    public Instant get(Object key) {
        return copy.get(key);
    }

    @Override
    public boolean isEmpty() {
        return copy.isEmpty();
    }

    @Override
    public int size() {
        return copy.size();
    }

    @Override
    public Set<Entry<String, Instant>> entrySet() {
        return Set.copyOf(copy.entrySet());
    }

    /** Keeps the later of the two instants, here and in the grid (to the millisecond, as the grid holds them). */
    @Override
    public Instant put(String key, Instant until) {
        Instant kept = copy.merge(key, until.truncatedTo(ChronoUnit.MILLIS), ReplicatedLedger::later);
        share(key, kept);
        return kept;
    }

    @Override
    public Instant merge(String key, Instant until,
            BiFunction<? super Instant, ? super Instant, ? extends Instant> ignored) {
        return put(key, until);
    }

    /** Only a past entry leaves, and only this node's copy: the grid's own time to live removes it there. */
    @Override
    public boolean remove(Object key, Object until) {
        return until instanceof Instant instant && !clock.instant().isBefore(instant)
                && copy.remove(key, instant.truncatedTo(ChronoUnit.MILLIS));
    }

    private void share(String key, Instant until) {
        ReplicatedMap<String, byte[]> shared = grid;
        long ttl = Duration.between(clock.instant(), until).toMillis();
        if (shared == null || ttl <= 0) {
            return;
        }
        byte[] millis = ByteBuffer.allocate(Long.BYTES).putLong(until.toEpochMilli()).array();
        try {
            shared.put(key, keys.seal(purpose(key), millis), ttl, TimeUnit.MILLISECONDS);
        } catch (RuntimeException gridGone) {
            // Kept here; shared again when the grid is back (DataGrid attaches it again).
            detach();
            LOG.warning(name + ": the data grid did not take an entry (" + gridGone.getClass().getSimpleName()
                    + "): this node's entries are its own until the grid is back");
        }
    }

    /**
     * A value from the grid: taken if it opens, to make the entry live longer. Where the grid now holds less than
     * this node knows (a forged value, an older one, a shorter life), this node's entry is put back.
     */
    private void receive(String key, byte[] sealed) {
        Instant received = opened(key, sealed);
        Instant kept = received == null ? copy.get(key) : copy.merge(key, received, ReplicatedLedger::later);
        if (kept != null && !kept.equals(received)) {
            restore(key);
        }
    }

    private Instant opened(String key, byte[] sealed) {
        try {
            byte[] millis = keys.open(purpose(key), sealed);
            if (millis.length == Long.BYTES) {
                return Instant.ofEpochMilli(ByteBuffer.wrap(millis).getLong());
            }
        } catch (SessionKeys.Unopened unopened) {
            // reported below
        }
        Instant now = clock.instant();
        if (now.isAfter(forgeryReported.plus(FORGERY_REPORTS))) {
            forgeryReported = now;
            LOG.warning("An entry of " + name + " in the data grid is not sealed with this node's session key: "
                    + "ignored (written by a node with another APP_SESSION_KEY, or by something that is not a node)");
        }
        return null;
    }

    /** An entry the grid lost or holds less of: put back while it lives here. */
    private void restore(String key) {
        Instant until = copy.get(key);
        if (until != null && clock.instant().isBefore(until)) {
            share(key, until);
        }
    }

    private String purpose(String key) {
        return name + ":" + key;
    }

    private static Instant later(Instant a, Instant b) {
        return a.isAfter(b) ? a : b;
    }

    /** The grid's changes, from every node (this one's included). */
    private final class Events implements EntryListener<String, byte[]> {

        @Override
        public void entryAdded(EntryEvent<String, byte[]> event) {
            receive(event.getKey(), event.getValue());
        }

        @Override
        public void entryUpdated(EntryEvent<String, byte[]> event) {
            receive(event.getKey(), event.getValue());
        }

        @Override
        public void entryRemoved(EntryEvent<String, byte[]> event) {
            restore(event.getKey());
        }

        @Override
        public void entryEvicted(EntryEvent<String, byte[]> event) {
            restore(event.getKey());
        }

        @Override
        public void entryExpired(EntryEvent<String, byte[]> event) {
            restore(event.getKey());
        }

        @Override
        public void mapCleared(MapEvent event) {
            copy.keySet().forEach(ReplicatedLedger.this::restore);
        }

        @Override
        public void mapEvicted(MapEvent event) {
            copy.keySet().forEach(ReplicatedLedger.this::restore);
        }
    }
}
