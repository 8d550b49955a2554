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
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.logging.Logger;

/**
 * A {@link Ledger} every node of a cluster shares, which must stay whole whatever anyone does to the data grid. Read
 * from a copy in this node's memory (a hash lookup on the API's hot path); written to the copy and to a replicated
 * map of the grid, each value sealed with the session key ({@link SessionKeys}) for its key, with the grid's own time
 * to live. From the grid it takes only what opens, and only to make an entry live longer: an entry removed from the
 * grid, cut short there, or overwritten with something that does not open (anything but sealed bytes under a key of
 * ours included) stays in this node's copy and is put back. A value sealed under a key this node lacks is another
 * node's (a cluster without one {@code APP_SESSION_KEY}, or a key rotation under way): ignored, not overwritten. Without
 * a grid (not yet up, or gone) the ledger is this node's alone until {@link #attach} is called with one. Some 250
 * lines in one class on purpose: the copy, the grid's map and the listener that reconciles them guard one invariant
 * (nothing leaves before its time, whatever the grid does), which is checked where it is kept, under one lock.
 */
final class ReplicatedLedger implements Ledger {

    private static final Logger LOG = Logger.getLogger(ReplicatedLedger.class.getName());
    /** What is said of the grid in the log, at most this often: whoever writes the grid could flood it. */
    private static final Duration REPORTS = Duration.ofMinutes(1);

    private final String name;
    private final SessionKeys keys;
    private final Clock clock;
    private final Map<String, Instant> copy = new ConcurrentHashMap<>();
    private volatile ReplicatedMap<Object, Object> grid;
    /** The map whose events this node hears, and its listener (removed when the app stops, or another is attached). */
    private ReplicatedMap<Object, Object> listenedTo;
    private UUID listener;
    private volatile Instant lastReport = Instant.MIN;

    ReplicatedLedger(String name, SessionKeys keys, Clock clock) {
        this.name = name;
        this.keys = keys;
        this.clock = clock;
    }

    String name() {
        return name;
    }

    SessionKeys keys() {
        return keys;
    }

    /** Shares this node's entries with the grid's map and takes the grid's; from now on, writes go to both. */
    synchronized void attach(ReplicatedMap<Object, Object> shared) {
        if (shared != listenedTo) {
            stopListening();
            listener = shared.addEntryListener(new Events());
            listenedTo = shared;
        }
        for (Object key : shared.keySet()) {
            Object value;
            try {
                value = shared.get(key);
            } catch (RuntimeException unreadable) {
                value = null; // not a value this app wrote (a class of nobody's): as forged
            }
            receive(key, value);
        }
        grid = shared;
        copy.forEach(this::share);
    }

    /** Whether the entries are shared through a grid. */
    boolean attached() {
        return grid != null;
    }

    /** The grid has gone (shut down, restarted): this node's alone until attached again. */
    void detach() {
        grid = null;
    }

    /** The app stops: the grid, which outlives it, no longer tells it anything. */
    synchronized void stopListening() {
        if (listenedTo != null) {
            try {
                listenedTo.removeEntryListener(listener);
            } catch (RuntimeException gridGone) {
                // a grid that stopped keeps no listener either
            }
            listenedTo = null;
        }
    }

    @Override
    public Instant until(String key) {
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

    /** Here and in the grid, to the millisecond (as the grid holds it). */
    @Override
    public void extend(String key, Instant until) {
        share(key, copy.merge(key, until.truncatedTo(ChronoUnit.MILLIS), ReplicatedLedger::later));
    }

    /** This node's copy only: the grid's own time to live removes the entries there. */
    @Override
    public void sweep(Instant now) {
        copy.values().removeIf(now::isAfter);
    }

    private void share(String key, Instant until) {
        ReplicatedMap<Object, Object> shared = grid;
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
            report(name + ": the data grid did not take an entry (" + gridGone.getClass().getSimpleName()
                    + "): this node's entries are its own until the grid is back");
        }
    }

    /**
     * A value from the grid: taken if it opens, to make the entry live longer. Where the grid now holds less than this
     * node knows (something that does not open, an older value, a shorter life), this node's entry is put back.
     */
    private void receive(Object key, Object value) {
        if (!(key instanceof String entry)) {
            report(name + ": the data grid holds an entry whose key is not one of ours: ignored");
            return;
        }
        try {
            Instant received = opened(entry, value);
            Instant kept = received == null ? copy.get(entry) : copy.merge(entry, received, ReplicatedLedger::later);
            if (kept != null && !kept.equals(received)) {
                restore(entry);
            }
        } catch (SessionKeys.Unopened otherKey) {
            // another node's key: not ours to overwrite (report() has said so)
        }
    }

    /** What the value says, or null if it is not an entry of this app (said in the log, now and then). */
    private Instant opened(String key, Object value) throws SessionKeys.Unopened {
        try {
            if (value instanceof byte[] sealed) {
                byte[] millis = keys.open(purpose(key), sealed);
                if (millis.length == Long.BYTES) {
                    return Instant.ofEpochMilli(ByteBuffer.wrap(millis).getLong());
                }
            }
        } catch (SessionKeys.Unopened unopened) {
            if (unopened.reason() == SessionKeys.Unopened.Reason.UNKNOWN_KEY) {
                report(name + ": an entry in the data grid is sealed under the key " + unopened.keyId() + ", which this"
                        + " node was not given: every node of a cluster needs the same APP_SESSION_KEY");
                throw unopened;
            }
        }
        report(name + ": an entry in the data grid is not sealed by this app: ignored, and this node's put back");
        return null;
    }

    /** An entry the grid lost or holds less of: put back while it lives here. */
    private void restore(String key) {
        Instant until = copy.get(key);
        if (until != null && clock.instant().isBefore(until)) {
            share(key, until);
        }
    }

    private void report(String message) {
        Instant now = clock.instant();
        if (now.isAfter(lastReport.plus(REPORTS))) {
            lastReport = now;
            LOG.warning(message);
        }
    }

    private String purpose(String key) {
        return name + ":" + key;
    }

    private static Instant later(Instant a, Instant b) {
        return a.isAfter(b) ? a : b;
    }

    /** The grid's changes, from every node (this one's included). */
    private final class Events implements EntryListener<Object, Object> {

        @Override
        public void entryAdded(EntryEvent<Object, Object> event) {
            receive(event.getKey(), event.getValue());
        }

        @Override
        public void entryUpdated(EntryEvent<Object, Object> event) {
            receive(event.getKey(), event.getValue());
        }

        @Override
        public void entryRemoved(EntryEvent<Object, Object> event) {
            if (event.getKey() instanceof String key) {
                restore(key);
            }
        }

        @Override
        public void entryEvicted(EntryEvent<Object, Object> event) {
            entryRemoved(event);
        }

        @Override
        public void entryExpired(EntryEvent<Object, Object> event) {
            entryRemoved(event);
        }

        @Override
        public void mapCleared(MapEvent event) {
            copy.keySet().forEach(ReplicatedLedger.this::restore);
        }

        @Override
        public void mapEvicted(MapEvent event) {
            mapCleared(event);
        }
    }
}
