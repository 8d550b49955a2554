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
import org.junit.jupiter.api.Test;
import org.yaml.snakeyaml.Yaml;

/**
 * The deployment files for a cluster cannot be run on the project's machines (no Docker engine, no Kubernetes),
 * so they are read here: what they must say for the app to form one grid behind a balancer, and that they start
 * Payara Micro with the same options as the failover test, which does run two nodes (loopback needs a few more).
 */
class DeploymentFilesTest {

    /** The options the manifests give Payara Micro; FailoverIT's nodes get these and loopback's own. */
    private static final Set<String> CLUSTER_OPTIONS = Set.of("--deploy", "--prebootcommandfile", "--logproperties",
            "--port", "--clustername", "--clustermode");
    private static final Set<String> SETTINGS = Set.of("COGNITO_REGION", "COGNITO_USER_POOL_ID", "COGNITO_CLIENT_ID",
            "COGNITO_CLIENT_SECRET", "APP_BASE_URL");

    @Test
    void composeRunsTwoReplicasInOneGridBehindNginx() throws IOException {
        Map<String, Object> compose = yaml("docker/compose.yaml").get(0);
        Map<String, Object> services = map(compose.get("services"));
        Map<String, Object> app = map(services.get("app"));
        assertTrue((Integer) map(app.get("deploy")).get("replicas") >= 2);
        List<String> command = strings(app.get("command"));
        assertEquals(CLUSTER_OPTIONS, options(command));
        assertEquals("dns:app:6900", after(command, "--clustermode"), "the replicas find each other by the service name");
        imagePaths(command);
        Map<String, Object> environment = map(app.get("environment"));
        assertEquals(SETTINGS, environment.keySet());
        environment.values().forEach(value -> assertTrue(String.valueOf(value).matches("\\$\\{[A-Z_]+}"),
                "no setting or secret written into the file: " + value));

        Map<String, Object> balancer = map(services.get("balancer"));
        assertTrue(String.valueOf(balancer.get("image")).startsWith("nginx:"), "the official nginx image");
        String nginx = Files.readString(Path.of("docker/nginx.conf"));
        assertTrue(nginx.contains("server app:8080"), "nginx sends to every replica");
        assertTrue(nginx.contains("proxy_set_header Host $host;"));
        assertFalse(nginx.contains("ip_hash") || nginx.contains("sticky"), "no stickiness: it is not needed");
        assertTrue(nginx.contains("location ~ ^/(health|metrics)(/|$) {\n            return 404;"),
                "health and metrics are not served to the public");
        assertTrue(nginx.indexOf("location ~ ; {\n            return 404;") < nginx.indexOf("location ~ ^/(health"),
                "path parameters, which Payara drops before mapping, are refused first");
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
        assertEquals(CLUSTER_OPTIONS, options(args));
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
        assertNotNull(map(((List<?>) container.get("envFrom")).get(0)).get("secretRef"),
                "settings from a Secret, not written into the manifest");

        // 4. the pod: not root, no privilege; Prometheus finds the metrics
        assertEquals(true, map(pod.get("securityContext")).get("runAsNonRoot"));
        assertEquals(false, map(container.get("securityContext")).get("allowPrivilegeEscalation"));
        Map<String, Object> annotations = map(map(map(spec.get("template")).get("metadata")).get("annotations"));
        assertEquals("/metrics", annotations.get("prometheus.io/path"));
        assertTrue(Files.readString(Path.of("docker/Dockerfile")).contains("\nUSER 1001\n"),
                "runAsNonRoot needs a numeric user in the image");
    }

    /** The files the arguments name are where the image puts them (docker/Dockerfile's COPY lines). */
    private static void imagePaths(List<String> arguments) throws IOException {
        String dockerfile = Files.readString(Path.of("docker/Dockerfile"));
        for (String option : List.of("--deploy", "--prebootcommandfile", "--logproperties")) {
            String path = after(arguments, option);
            String inImage = path.replace("/opt/payara/", "");
            assertTrue(dockerfile.contains(inImage), option + " " + path + " is not copied into the image");
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
