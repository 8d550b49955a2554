package dev.payaracognito.testing;

import com.hazelcast.config.Config;
import com.hazelcast.config.JoinConfig;
import com.hazelcast.core.Hazelcast;
import com.hazelcast.core.HazelcastInstance;
import java.util.List;

/** A plain Hazelcast member on loopback, in a grid of two at most, for the unit tests of what the app keeps there. */
public final class LoopbackMember {

    private LoopbackMember() {}

    /** A member of grid {@code cluster}, whose members listen on {@code port} and the port after it. */
    public static HazelcastInstance start(String cluster, int port) {
        Config config = new Config().setClusterName(cluster);
        config.setProperty("hazelcast.phone.home.enabled", "false");
        config.getNetworkConfig().setPort(port).setPortAutoIncrement(true).setPortCount(2);
        config.getNetworkConfig().getInterfaces().setEnabled(true).addInterface("127.0.0.1");
        JoinConfig join = config.getNetworkConfig().getJoin();
        join.getMulticastConfig().setEnabled(false);
        join.getAutoDetectionConfig().setEnabled(false);
        join.getTcpIpConfig().setEnabled(true).setMembers(List.of("127.0.0.1:" + port, "127.0.0.1:" + (port + 1)));
        return Hazelcast.newHazelcastInstance(config);
    }
}
