package dev.payaracognito.deployment;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import dev.payaracognito.testing.PayaraNode;
import org.junit.jupiter.api.Test;
import org.yaml.snakeyaml.Yaml;

/**
 * The deployment files for a cluster cannot be run on the project's machines (no Docker engine, no Kubernetes),
 * so they are read here: what they must say for the app to form one grid behind a balancer, and that they start
 * Payara Micro with the same options as the failover test, which does run two nodes (loopback needs a few more).
 */
class DeploymentFilesTest {

    /**
     * What the test nodes (FailoverIT's) need only because they share one machine's loopback: the first grid port of
     * each test's own grid, their names, and no host-aware partitioning (all members on one host).
     */
    private static final Set<String> LOOPBACK_ONLY = Set.of("--startport", "--name", "--nohostaware");
    /** The image's JSON logging, which the tests do without (they read Payara's plain log). */
    private static final String IMAGE_LOGGING = "--logproperties";
    private static final Set<String> SETTINGS = Set.of("COGNITO_REGION", "COGNITO_USER_POOL_ID", "COGNITO_CLIENT_ID",
            "COGNITO_CLIENT_SECRET", "APP_BASE_URL", "APP_SESSION_KEY");

    @Test
    void composeRunsTwoReplicasInOneGridBehindNginx() throws IOException {
        Map<String, Object> compose = yaml("docker/compose.yaml").get(0);
        Map<String, Object> services = map(compose.get("services"));
        Map<String, Object> app = map(services.get("app"));
        assertTrue((Integer) map(app.get("deploy")).get("replicas") >= 2);
        List<String> command = strings(app.get("command"));
        assertEquals(testNodeOptions(), options(command), "Payara Micro's options, as FailoverIT's nodes have them");
        imagePaths(command);
        Map<String, Object> environment = map(app.get("environment"));
        assertTrue(environment.keySet().containsAll(SETTINGS), environment.keySet().toString());
        SETTINGS.forEach(setting -> assertTrue(String.valueOf(environment.get(setting)).matches("\\$\\{[A-Z_]+(:\\?[^}]+)?}"),
                "no setting or secret written into the file: " + setting));
        assertTrue(String.valueOf(environment.get("APP_SESSION_KEY")).startsWith("${APP_SESSION_KEY:?"),
                "compose refuses to start the replicas without one session key");
        assertTrue(after(command, "--clustername").startsWith("${APP_CLUSTER_NAME:?"),
                "the cluster name is not in the file, and compose refuses to start without it");

        Map<String, Object> balancer = map(services.get("balancer"));
        assertTrue(String.valueOf(balancer.get("image")).startsWith("nginx:"), "the official nginx image");
        String nginx = Files.readString(Path.of("docker/nginx.conf"));
        assertTrue(nginx.contains("server app:8080"), "nginx sends to every replica");
        assertTrue(Files.readString(Path.of("docker/proxy.conf")).contains("proxy_set_header Host $host;"));
        assertTrue(String.valueOf(balancer.get("volumes")).contains("./proxy.conf:/etc/nginx/proxy.conf:ro"));
        assertFalse(nginx.contains("ip_hash") || nginx.contains("sticky"), "no stickiness: it is not needed");
        assertTrue(nginx.contains("location ~ ^/(health|metrics)(/|$) {\n            return 404;"),
                "health and metrics are not served to the public");
        assertTrue(nginx.indexOf("location ~ ; {\n            return 404;") < nginx.indexOf("location ~ ^/(health"),
                "path parameters, which Payara drops before mapping, are refused first");
        assertTrue(nginx.contains("    server_tokens off;\n"), "no nginx version on every answer");
        assertTrue(nginx.contains("location ~ ^/(secure/|admin/|callback$) {\n            limit_req zone=sign_in"),
                "the paths that start or finish a sign-in are limited");
        assertTrue(nginx.contains("limit_req_zone $binary_remote_addr zone=sign_in"), "per client address, always");
    }

    /**
     * The grid trusts whoever reaches its port: in compose it has a network of its own, internal, that only the
     * replicas are on, and it listens there alone; nginx is on another.
     */
    @Test
    void composeKeepsTheGridOnANetworkOfItsOwn() throws IOException {
        Map<String, Object> compose = yaml("docker/compose.yaml").get(0);
        Map<String, Object> services = map(compose.get("services"));
        Map<String, Object> app = map(services.get("app"));
        Map<String, Object> networks = map(compose.get("networks"));
        Map<String, Object> grid = map(networks.get("grid"));
        assertEquals(true, grid.get("internal"), "no way out of the grid's network");
        for (Map.Entry<String, Object> service : services.entrySet()) {
            boolean onGrid = String.valueOf(map(service.getValue()).get("networks")).contains("grid");
            assertEquals(service.getKey().equals("app"), onGrid, service.getKey() + " on the grid's network");
        }
        assertEquals(Set.of("front"), map(map(services.get("balancer")).get("networks")).keySet());
        String nginxAddress = String.valueOf(map(map(map(services.get("balancer")).get("networks")).get("front"))
                .get("ipv4_address"));
        assertEquals(nginxAddress, map(app.get("environment")).get("APP_TRUSTED_PROXIES"),
                "X-Forwarded-For believed from nginx alone");

        // the replicas find each other by an alias that exists on the grid's network only, and listen there alone
        List<String> command = strings(app.get("command"));
        String alias = after(command, "--clustermode").split(":")[1];
        assertEquals("dns:" + alias + ":6900", after(command, "--clustermode"));
        assertEquals(List.of(alias), map(map(app.get("networks")).get("grid")).get("aliases"));
        String subnet = String.valueOf(map(((List<?>) map(grid.get("ipam")).get("config")).get(0)).get("subnet"));
        assertEquals(subnet.replace("0/24", "*"), after(command, "--interfaces"), "the grid's interface");
        assertTrue(Files.readString(Path.of("docker/Dockerfile")).contains("\"-Dhazelcast.socket.bind.any=false\""),
                "the image binds the grid to that interface, not to every address");
        assertFalse(String.valueOf(app.get("ports")).contains("6900"), "the grid's port is not published");
    }

    @Test
    void kubernetesRunsTwoReplicasFoundThroughAHeadlessService() throws IOException {
        List<Map<String, Object>> documents = yaml("docker/kubernetes/payara-cognito.yaml");
        Map<String, Object> deployment = kind(documents, "Deployment");
        Map<String, Object> spec = map(deployment.get("spec"));
        assertTrue((Integer) spec.get("replicas") >= 2);
        Map<String, Object> pod = map(map(spec.get("template")).get("spec"));
        Map<String, Object> container = map(((List<?>) pod.get("containers")).get(0));
        List<String> args = strings(container.get("args"));
        Set<String> options = testNodeOptions();
        options.remove("--interfaces"); // a pod has one network, the grid's
        assertEquals(options, options(args), "Payara Micro's options, as FailoverIT's nodes have them");
        imagePaths(args);

        // 1. the grid: kubernetes:<namespace>,<service>, a headless service on the grid's port
        String[] discovery = after(args, "--clustermode").split("[:,]");
        assertEquals("kubernetes", discovery[0]);
        String namespace = String.valueOf(map(deployment.get("metadata")).get("namespace"));
        assertEquals(namespace, discovery[1]);
        Map<String, Object> grid = documents.stream().filter(d -> "Service".equals(d.get("kind")))
                .filter(d -> discovery[2].equals(map(d.get("metadata")).get("name"))).findFirst().orElseThrow();
        assertEquals("None", map(grid.get("spec")).get("clusterIP"), "headless: one endpoint per replica");
        assertTrue(String.valueOf(container.get("ports")).contains("containerPort=6900"));

        // 2. Hazelcast may list the service's endpoints and pods, as the pods' service account
        Map<String, Object> role = kind(documents, "Role");
        String rules = String.valueOf(role.get("rules"));
        assertTrue(rules.contains("endpoints") && rules.contains("pods") && rules.contains("list"), rules);
        Map<String, Object> binding = kind(documents, "RoleBinding");
        assertEquals(pod.get("serviceAccountName"), map(((List<?>) binding.get("subjects")).get(0)).get("name"));
        assertEquals(map(role.get("metadata")).get("name"), map(binding.get("roleRef")).get("name"));

        // 3. the traffic: a service over the same pods, ready only when MicroProfile Health says so
        Map<String, Object> labels = map(map(map(spec.get("template")).get("metadata")).get("labels"));
        for (Map<String, Object> service : documents.stream().filter(d -> "Service".equals(d.get("kind"))).toList()) {
            assertEquals(labels, map(service.get("spec")).get("selector"));
        }
        assertEquals("/health/ready", map(map(container.get("readinessProbe")).get("httpGet")).get("path"));
        assertEquals("/health/live", map(map(container.get("livenessProbe")).get("httpGet")).get("path"));
        // seen ready within a second of it: the kubelet runs the readiness probe when the startup probe succeeds,
        // which asks every second; never the readiness path (a Cognito outage at start would restart the pod in a
        // loop), and long enough for a slow start; the liveness probe needs no delay of its own behind it
        Map<String, Object> started = map(container.get("startupProbe"));
        assertNotNull(started, "a startup probe");
        assertEquals("/health/started", map(started.get("httpGet")).get("path"));
        assertEquals(1, started.get("periodSeconds"));
        assertTrue((int) started.get("failureThreshold") >= 60, "a minute at least: " + started);
        assertFalse(map(container.get("livenessProbe")).containsKey("initialDelaySeconds"));
        assertNotNull(map(((List<?>) container.get("envFrom")).get(0)).get("secretRef"),
                "settings from a Secret, not written into the manifest");
        assertEquals("$(APP_CLUSTER_NAME)", after(args, "--clustername"), "the cluster name from the Secret");
        assertFalse(String.valueOf(container).contains("APP_SESSION_KEY="), "the session key from the Secret");

        // 4. the pod: not root, no privilege; Prometheus finds the metrics
        assertEquals(true, map(pod.get("securityContext")).get("runAsNonRoot"));
        assertEquals(false, map(container.get("securityContext")).get("allowPrivilegeEscalation"));
        Map<String, Object> annotations = map(map(map(spec.get("template")).get("metadata")).get("annotations"));
        assertEquals("/metrics", annotations.get("prometheus.io/path"));
        assertTrue(Files.readString(Path.of("docker/Dockerfile")).contains("\nUSER 1001\n"),
                "runAsNonRoot needs a numeric user in the image");
    }

    /**
     * The grid trusts whoever reaches its port: a NetworkPolicy opens it to the app's own pods only, and the HTTP
     * port to named sources only (the ingress controller, the metrics scraper); nothing else is opened.
     */
    @Test
    void kubernetesLetsOnlyTheReplicasReachTheGrid() throws IOException {
        List<Map<String, Object>> documents = yaml("docker/kubernetes/payara-cognito.yaml");
        Map<String, Object> deployment = kind(documents, "Deployment");
        Map<String, Object> labels = map(map(map(map(deployment.get("spec")).get("template")).get("metadata"))
                .get("labels"));
        Map<String, Object> policy = map(kind(documents, "NetworkPolicy").get("spec"));
        assertEquals(labels, map(policy.get("podSelector")).get("matchLabels"), "it applies to the app's pods");
        assertEquals(List.of("Ingress"), policy.get("policyTypes"));
        Map<Integer, List<?>> sourcesByPort = new java.util.HashMap<>();
        for (Object rule : (List<?>) policy.get("ingress")) {
            List<?> from = (List<?>) map(rule).get("from");
            assertNotNull(from, "a rule without sources would open its ports to everyone: " + rule);
            assertFalse(from.isEmpty(), "no empty source list: " + rule);
            for (Object port : (List<?>) map(rule).get("ports")) {
                sourcesByPort.put((Integer) map(port).get("port"), from);
            }
        }
        assertEquals(Set.of(6900, 8080), sourcesByPort.keySet(), "only the grid's and the HTTP port");
        assertEquals(List.of(Map.of("podSelector", Map.of("matchLabels", labels))), sourcesByPort.get(6900),
                "the grid: the app's own pods, in its own namespace");
        for (Object source : sourcesByPort.get(8080)) {
            assertTrue(map(source).containsKey("namespaceSelector") && map(source).containsKey("podSelector"),
                    "HTTP from named pods of a named namespace: " + source);
        }
    }

    /**
     * The image's ahead-of-time cache is trained with the options it is used with (a JVM that finds the cache made
     * with other options that matter to it goes on without it, without a word): docker/Dockerfile's training start
     * runs the ENTRYPOINT's Java, but for the options that size the heap and the C heap for a pod and the one that
     * names the cache, and the CMD's Payara options, the files named from the working directory /opt/payara.
     */
    @Test
    void theImagesCacheIsTrainedWithTheOptionsTheImageRunsWith() throws IOException {
        List<String> entrypoint = jsonArray("ENTRYPOINT [");
        List<String> command = jsonArray("CMD [");
        List<String> words = List.of(dockerfileInstruction("RUN java -cp '/opt/image-training/")
                .replace("\\", " ").trim().split("\\s+"));
        List<String> training = words.subList(words.indexOf("/opt/image-training/classes") + 1, words.size());
        List<String> expected = new ArrayList<>();
        for (String option : entrypoint.subList(0, entrypoint.indexOf("-jar"))) {
            if (!option.startsWith("-XX:MaxRAMPercentage=") && !option.startsWith("-XX:TrimNativeHeapInterval=")
                    && !option.startsWith("-XX:AOTCache=")) {
                expected.add(option.replace("/opt/payara/", ""));
            }
        }
        expected.add("-jar");
        expected.add(entrypoint.get(entrypoint.indexOf("-jar") + 1).replace("/opt/payara/", ""));
        command.forEach(option -> expected.add(option.replace("/opt/payara/", "")));
        assertEquals(expected, training, "the training start's command");
    }

    /** The docker/Dockerfile instruction that begins with {@code start}, with the lines it continues on. */
    private static String dockerfileInstruction(String start) throws IOException {
        StringBuilder instruction = new StringBuilder();
        boolean in = false;
        for (String line : Files.readAllLines(Path.of("docker/Dockerfile"))) {
            in = in || line.startsWith(start);
            if (in) {
                instruction.append(line).append(' ');
                if (!line.endsWith("\\")) {
                    return instruction.toString();
                }
            }
        }
        throw new AssertionError("no instruction " + start + " in docker/Dockerfile");
    }

    /** The strings of the JSON array of the docker/Dockerfile instruction that begins with {@code start}. */
    private static List<String> jsonArray(String start) throws IOException {
        List<String> strings = new ArrayList<>();
        Matcher quoted = Pattern.compile("\"([^\"]*)\"").matcher(dockerfileInstruction(start));
        while (quoted.find()) {
            strings.add(quoted.group(1));
        }
        return strings;
    }

    /**
     * The image runs Java with the test nodes' JVM options (docker/Dockerfile's ENTRYPOINT: the deserialization
     * filter, the grid bound to its interface alone, no phone home, the boot on one thread).
     */
    @Test
    void theImageRunsJavaWithTheTestNodesOptions() throws IOException {
        List<String> entrypoint = jsonArray("ENTRYPOINT [");
        List<String> jvmOptions = testNode().stream().takeWhile(argument -> !argument.equals("-jar"))
                .filter(argument -> argument.startsWith("-D")).toList();
        assertEquals(4, jvmOptions.size(), jvmOptions.toString());
        for (String option : jvmOptions) {
            String inImage = option.replace(PayaraNode.SERIAL_FILTER.toString(),
                    "/opt/payara/config/" + PayaraNode.SERIAL_FILTER.getFileName());
            assertTrue(entrypoint.contains(inImage), inImage + " not in " + entrypoint);
        }
    }

    /**
     * The tests' Payara (arquillian.xml) and the benchmarks' (src/bench/load/lib.sh) run Java with the test nodes'
     * options too (the deserialization filter is named there in their own ways).
     */
    @Test
    void everyLaunchLineRunsJavaWithTheTestNodesOptions() throws IOException {
        List<String> arquillian = words(Files.readString(Path.of("src/test/resources/arquillian.xml")),
                "<property name=\"cmdOptions\">", "</property>");
        List<String> benchmarks = words(Files.readString(Path.of("src/bench/load/lib.sh")), "payara_jvm=(", ")");
        List<String> options = PayaraNode.JVM_OPTIONS.stream()
                .filter(option -> !option.startsWith("-Djava.security.properties=")).toList();
        assertEquals(3, options.size(), options.toString());
        for (String option : options) {
            // the option, and no other value of its property after it (the last one given wins)
            String property = option.substring(0, option.indexOf('=') + 1);
            assertEquals(List.of(option), arquillian.stream().filter(word -> word.startsWith(property)).toList(),
                    "arquillian.xml's cmdOptions: " + arquillian);
            assertEquals(List.of(option), benchmarks.stream().filter(word -> word.startsWith(property)).toList(),
                    "lib.sh's payara_jvm: " + benchmarks);
        }
    }

    /** The words of {@code text} between the first {@code from} and the {@code to} after it. */
    private static List<String> words(String text, String from, String to) {
        int start = text.indexOf(from) + from.length();
        assertTrue(start >= from.length(), "no " + from);
        int end = text.indexOf(to, start);
        assertTrue(end >= 0, "no " + to + " after " + from);
        return List.of(text.substring(start, end).trim().split("\\s+"));
    }

    /** Payara Micro's options of a test node, less those for sharing loopback, plus the image's logging. */
    private static Set<String> testNodeOptions() {
        List<String> command = testNode();
        Set<String> options = options(command.subList(command.indexOf("-jar") + 2, command.size()));
        assertTrue(options.containsAll(LOOPBACK_ONLY), options.toString());
        options.removeAll(LOOPBACK_ONLY);
        options.add(IMAGE_LOGGING);
        return options;
    }

    private static List<String> testNode() {
        return PayaraNode.command("node-a", 8080, PayaraNode.Grid.ofOwn("deployment-files", 2),
                Path.of("payara-micro.jar"), Path.of("payara-cognito.war"));
    }

    /**
     * The files the arguments name are where the image puts them: a COPY line of docker/Dockerfile ends with each,
     * from a file that docker/Dockerfile.dockerignore lets into the build's context.
     */
    private static void imagePaths(List<String> arguments) throws IOException {
        List<String> copies = Files.readAllLines(Path.of("docker/Dockerfile")).stream()
                .filter(line -> line.startsWith("COPY ")).toList();
        List<String> context = Files.readAllLines(Path.of("docker/Dockerfile.dockerignore"));
        for (String option : List.of("--deploy", "--prebootcommandfile", "--postdeploycommandfile",
                "--logproperties")) {
            String path = after(arguments, option);
            String inImage = path.replace("/opt/payara/", "");
            String copy = copies.stream().filter(line -> line.endsWith(" " + inImage)).findFirst().orElseThrow(
                    () -> new AssertionError(option + " " + path + " is not copied into the image"));
            String source = copy.split(" ")[1];
            assertTrue(context.contains("!" + source), source + " is not in the build's context: " + context);
        }
    }

    private static Set<String> options(List<String> arguments) {
        Set<String> options = new TreeSet<>();
        arguments.stream().filter(argument -> argument.startsWith("--")).forEach(options::add);
        return options;
    }

    private static String after(List<String> arguments, String option) {
        return arguments.get(arguments.indexOf(option) + 1);
    }

    private static Map<String, Object> kind(List<Map<String, Object>> documents, String kind) {
        return documents.stream().filter(d -> kind.equals(d.get("kind"))).findFirst().orElseThrow(
                () -> new AssertionError("no " + kind));
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> map(Object value) {
        return (Map<String, Object>) value;
    }

    private static List<String> strings(Object value) {
        return ((List<?>) value).stream().map(String::valueOf).toList();
    }

    @SuppressWarnings("unchecked")
    private static List<Map<String, Object>> yaml(String file) throws IOException {
        List<Map<String, Object>> documents = new ArrayList<>();
        for (Object document : new Yaml().loadAll(Files.readString(Path.of(file)))) {
            documents.add((Map<String, Object>) document);
        }
        return documents;
    }
}
