package dev.payaracognito.demo;

import dev.payaracognito.localcognito.LocalCognito;
import dev.payaracognito.localcognito.UserPool;
import dev.payaracognito.testing.PayaraNode;
import dev.payaracognito.testing.RoundRobinBalancer;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * {@code ./mvnw -Pcluster-demo}: the local Cognito on :9229, two Payara Micro nodes in one data grid (:8081,
 * :8082) and a balancer on :8080 that sends every request to the next node. Each page's footer says which node
 * served it; stop one node (its pid is printed) and go on browsing. Ctrl+C stops everything. Arguments: the WAR,
 * the Payara Micro jar.
 */
public final class ClusterDemo {

    private static final int BALANCER_PORT = 8080;
    private static final List<Integer> NODE_PORTS = List.of(8081, 8082);
    private static final Duration STARTUP_LIMIT = Duration.ofMinutes(3);

    private ClusterDemo() {}

    public static void main(String[] args) throws Exception {
        Path war = Path.of(args[0]);
        Path payaraJar = Path.of(args[1]);
        Demo.requireFree(LocalCognito.DEFAULT_PORT, "the local Cognito");
        Demo.requireFree(BALANCER_PORT, "the balancer");
        NODE_PORTS.forEach(port -> Demo.requireFree(port, "a node"));
        LocalCognito cognito = new LocalCognito(UserPool.demo(), "localhost", LocalCognito.DEFAULT_PORT).start();
        System.out.println("Local Cognito is running on " + cognito.domain());

        PayaraNode.Grid grid = PayaraNode.Grid.ofOwn("cluster-demo", NODE_PORTS.size());
        List<PayaraNode> nodes = new ArrayList<>();
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            System.out.println("\nStopping the balancer, the nodes and the local Cognito.");
            for (PayaraNode node : nodes) {
                try {
                    node.close();
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            }
            cognito.stop();
        }));
        for (int i = 0; i < NODE_PORTS.size(); i++) {
            String name = "node-" + (char) ('a' + i);
            Map<String, String> settings = new HashMap<>(Demo.settings(cognito, BALANCER_PORT));
            settings.put("APP_NODE_NAME", name);
            nodes.add(PayaraNode.start(name, NODE_PORTS.get(i), grid, payaraJar, war, settings,
                    war.resolveSibling("cluster-demo")));
        }
        System.out.println("Starting two Payara Micro nodes in one data grid (about 30 s; their logs: "
                + war.resolveSibling("cluster-demo") + ")");
        for (PayaraNode node : nodes) {
            if (!node.awaitReady(nodes.size(), STARTUP_LIMIT)) {
                System.out.println(node.name() + " did not start or join the grid; see " + node.log());
                System.exit(1);
            }
        }
        try (RoundRobinBalancer balancer = new RoundRobinBalancer(BALANCER_PORT,
                nodes.stream().map(PayaraNode::uri).toList())) {
            System.out.printf("""

                    Ready. Open http://localhost:%d/ and sign in as
                      alice / Alice-Passw0rd!   (no group)
                      bob   / Bob-Passw0rd!     (group admins: may open the admin page)
                    Every request goes to the next node: the footer of each page says which one served it.
                    Stop a node and go on browsing; nobody has to sign in again:
                      kill -9 %d   (node-a, :%d)
                      kill -9 %d   (node-b, :%d)
                    Press Ctrl+C to stop everything.
                    """, BALANCER_PORT, nodes.get(0).pid(), NODE_PORTS.get(0), nodes.get(1).pid(), NODE_PORTS.get(1));
            Thread.currentThread().join();
        }
    }
}
