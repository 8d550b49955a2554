package dev.payaracognito.cluster;

import java.time.Instant;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Keys each kept until an instant, which only that instant removes: what every node of a cluster must know at once
 * (the ended sign-ins). {@link ReplicatedLedger} shares one through the data grid; {@link #inMemory()} is a node's own.
 */
public interface Ledger {

    /** Keeps {@code key} until {@code until}, or until the later instant it holds already. */
    void extend(String key, Instant until);

    /** Until when {@code key} is kept; null when it is not. */
    Instant until(String key);

    boolean isEmpty();

    int size();

    /** Lets the entries whose instant is past {@code now} go. */
    void sweep(Instant now);

    /** A ledger in this node's memory alone. */
    static Ledger inMemory() {
        Map<String, Instant> entries = new ConcurrentHashMap<>();
        return new Ledger() {
            @Override
            public void extend(String key, Instant until) {
                entries.merge(key, until, (a, b) -> a.isAfter(b) ? a : b);
            }

            @Override
            public Instant until(String key) {
                return entries.get(key);
            }

            @Override
            public boolean isEmpty() {
                return entries.isEmpty();
            }

            @Override
            public int size() {
                return entries.size();
            }

            @Override
            public void sweep(Instant now) {
                entries.values().removeIf(until -> now.isAfter(until));
            }
        };
    }
}
