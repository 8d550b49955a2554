package dev.payaracognito.cluster;

import com.hazelcast.core.HazelcastInstance;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.logging.Logger;
import javax.naming.InitialContext;
import javax.naming.NamingException;

/**
 * The data grid Payara Micro joins (Hazelcast, bound in JNDI as {@code payara/Hazelcast}), for maps every node of
 * the cluster must see. They are Hazelcast's replicated maps, read through a copy in this node's memory
 * ({@link MirroredMap}), so asking one costs no network call and no serialization, which matters on the API's hot
 * path; a write reaches the other nodes within milliseconds. Without a grid, a map in this node's memory.
 */
@ApplicationScoped
public class DataGrid {

    private static final Logger LOG = Logger.getLogger(DataGrid.class.getName());
    private static final String PAYARA_HAZELCAST = "payara/Hazelcast";

    /** The map {@code name}, shared by every node of the cluster. */
    public <K, V> Map<K, V> replicatedMap(String name) {
        HazelcastInstance grid = payaraGrid();
        if (grid == null) {
            LOG.info("no data grid (Payara's Hazelcast is off): " + name + " is this node's alone");
            return new ConcurrentHashMap<>();
        }
        return new MirroredMap<>(grid.getReplicatedMap(name));
    }

    private static HazelcastInstance payaraGrid() {
        try {
            Object found = new InitialContext().lookup(PAYARA_HAZELCAST);
            return found instanceof HazelcastInstance grid && grid.getLifecycleService().isRunning() ? grid : null;
        } catch (NamingException notBound) {
            return null;
        }
    }
}
