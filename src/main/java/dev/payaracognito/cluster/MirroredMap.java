package dev.payaracognito.cluster;

import com.hazelcast.core.EntryEvent;
import com.hazelcast.core.EntryListener;
import com.hazelcast.map.MapEvent;
import com.hazelcast.replicatedmap.ReplicatedMap;
import java.util.AbstractMap;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.BiFunction;

/**
 * A map of the data grid as this node reads it: a copy in this node's memory, kept current by the grid's events,
 * so that a read costs a hash lookup (Hazelcast's own replicated map visits its partitions for {@code isEmpty}
 * and serializes the key for {@code get}, which the API's hot path should not pay). Writes go to the grid, and to
 * the copy at once, so that this node sees its own writes before the event comes back.
 */
final class MirroredMap<K, V> extends AbstractMap<K, V> {

    private final ReplicatedMap<K, V> grid;
    private final Map<K, V> copy = new ConcurrentHashMap<>();

    MirroredMap(ReplicatedMap<K, V> grid) {
        this.grid = grid;
        grid.addEntryListener(new Events());
        copy.putAll(grid);
    }

    @Override
    public V get(Object key) {
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
    public Set<Entry<K, V>> entrySet() {
        return Set.copyOf(copy.entrySet());
    }

    @Override
    public V put(K key, V value) {
        copy.put(key, value);
        return grid.put(key, value);
    }

    @Override
    public V merge(K key, V value, BiFunction<? super V, ? super V, ? extends V> remapping) {
        V old = copy.get(key);
        V merged = old == null ? value : remapping.apply(old, value);
        put(key, merged);
        return merged;
    }

    @Override
    public boolean remove(Object key, Object value) {
        boolean removed = copy.remove(key, value);
        grid.remove(key, value);
        return removed;
    }

    /** The grid's changes, from every node (this one's included), into the copy. */
    private final class Events implements EntryListener<K, V> {

        @Override
        public void entryAdded(EntryEvent<K, V> event) {
            copy.put(event.getKey(), event.getValue());
        }

        @Override
        public void entryUpdated(EntryEvent<K, V> event) {
            copy.put(event.getKey(), event.getValue());
        }

        @Override
        public void entryRemoved(EntryEvent<K, V> event) {
            copy.remove(event.getKey());
        }

        @Override
        public void entryEvicted(EntryEvent<K, V> event) {
            copy.remove(event.getKey());
        }

        @Override
        public void entryExpired(EntryEvent<K, V> event) {
            copy.remove(event.getKey());
        }

        @Override
        public void mapCleared(MapEvent event) {
            copy.clear();
        }

        @Override
        public void mapEvicted(MapEvent event) {
            copy.clear();
        }
    }
}
