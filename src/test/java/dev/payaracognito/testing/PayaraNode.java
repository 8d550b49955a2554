package dev.payaracognito.testing;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * One Payara Micro process with the app, as a member of a data grid on loopback: the arguments a real cluster uses
 * ({@code --clustername}, {@code --clustermode tcpip:…}), with {@code --interfaces 127.0.0.1} and
 * {@code --nohostaware} because all members share one host (host-aware partitioning keeps no backup on a member of
 * the same address). Its log goes to a file. {@link #kill()} is a SIGKILL: no goodbye to the grid.
 */
public final class PayaraNode implements AutoCloseable {

    private static final java.security.SecureRandom RANDOM = new java.security.SecureRandom();
    /**
     * Payara Micro's command files of every node (the image, docker/compose.yaml, the Kubernetes manifest), always
     * together: the settings it boots with, its HTTP port closed among them, and the command run once the app is
     * deployed that opens the port. Without the second a node never answers.
     */
    public static final List<String> COMMAND_FILES = List.of(
            "--prebootcommandfile", Path.of("payara-config", "pre-boot-commands.asadmin").toString(),
            "--postdeploycommandfile", Path.of("payara-config", "post-deploy-commands.asadmin").toString());
    /** What Java deserialization may make in every node (a JEP 290 filter, as security properties). */
    public static final Path SERIAL_FILTER = Path.of("payara-config", "serial-filter.properties");
    /**
     * The JVM's options of every node, as the image's ENTRYPOINT has them: the deserialization filter; the grid
     * listening on {@code --interfaces} alone, not on every address (as docker/compose.yaml asks); no phone home from
     * Hazelcast, which otherwise probes the cloud's metadata address and posts the cluster's size and versions to
     * Hazelcast at every start; Payara's boot on one thread: four at once (Payara Micro's default) now and then
     * deadlocked in HK2's service locator and left a node that never opens its port (docs/operating.md, "Tuning").
     */
    public static final List<String> JVM_OPTIONS = List.of("-Djava.security.properties=" + SERIAL_FILTER,
            "-Dhazelcast.socket.bind.any=false", "-Dhazelcast.phone.home.enabled=false",
            "-Dorg.glassfish.startupThreadPolicy=USE_NO_THREADS");

    /**
     * Where the nodes of one grid listen for each other (the first takes the port, the next ones the following), and
     * the session key they share ({@code APP_SESSION_KEY}: a cluster's nodes need the same one).
     */
    public record Grid(String clusterName, int firstPort, int members, String sessionKey) {

        /** A grid of its own (a unique name, free ports, a new key), so that no other Payara on this machine joins it. */
        public static Grid ofOwn(String name, int members) {
            byte[] key = new byte[32];
            RANDOM.nextBytes(key);
            return new Grid(name + "-" + ProcessHandle.current().pid(), freePorts(members), members,
                    "test-" + ProcessHandle.current().pid() + ":" + java.util.Base64.getEncoder().encodeToString(key));
        }

        List<String> arguments() {
            List<String> addresses = new ArrayList<>();
            for (int i = 0; i < members; i++) {
                addresses.add("127.0.0.1:" + (firstPort + i));
            }
            return List.of("--clustername", clusterName, "--clustermode", "tcpip:" + String.join(",", addresses),
                    "--startport", Integer.toString(firstPort), "--interfaces", "127.0.0.1", "--nohostaware");
        }
    }

    private final String name;
    private final int httpPort;
    private final Path log;
    private final Process process;

    private PayaraNode(String name, int httpPort, Path log, Process process) {
        this.name = name;
        this.httpPort = httpPort;
        this.log = log;
        this.process = process;
    }

    /** Starts a node of {@code grid} serving {@code war} on {@code httpPort}, with {@code environment} added. */
    public static PayaraNode start(String name, int httpPort, Grid grid, Path payaraJar, Path war,
            Map<String, String> environment, Path logDirectory) throws IOException {
        return start(name, httpPort, grid, payaraJar, war, environment, logDirectory, List.of());
    }

    /** The same, with more of Payara Micro's options ({@code --logproperties …}, say). */
    public static PayaraNode start(String name, int httpPort, Grid grid, Path payaraJar, Path war,
            Map<String, String> environment, Path logDirectory, List<String> microOptions) throws IOException {
        Files.createDirectories(logDirectory);
        Path log = logDirectory.resolve(name + ".log");
        List<String> command = new ArrayList<>(command(name, httpPort, grid, payaraJar, war));
        command.addAll(1, testJvmOptions());
        command.addAll(microOptions);
        ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile());
        builder.environment().put("APP_SESSION_KEY", grid.sessionKey());
        builder.environment().putAll(environment);
        return new PayaraNode(name, httpPort, log, builder.start());
    }

    /**
     * The command line of a node: the JVM's options (as the image's ENTRYPOINT), then Payara Micro's (as the image's
     * CMD, docker/compose.yaml and the Kubernetes manifest give them; {@code DeploymentFilesTest} compares).
     */
    public static List<String> command(String name, int httpPort, Grid grid, Path payaraJar, Path war) {
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java")
                .toString()));
        command.addAll(JVM_OPTIONS);
        command.addAll(List.of("-jar", payaraJar.toString(), "--deploy", war.toString(), "--port",
                Integer.toString(httpPort), "--name", name));
        command.addAll(COMMAND_FILES);
        command.addAll(grid.arguments());
        return command;
    }

    /**
     * The JVM options that the build gives test nodes only ({@code payara.test.jvm.options}, set by failsafe as for
     * the Arquillian container): none for a node that the demo or a benchmark starts.
     */
    private static List<String> testJvmOptions() {
        String options = System.getProperty("payara.test.jvm.options", "").strip();
        return options.isEmpty() ? List.of() : List.of(options.split("\\s+"));
    }

    public String name() {
        return name;
    }

    public int httpPort() {
        return httpPort;
    }

    public URI uri() {
        return URI.create("http://localhost:" + httpPort);
    }

    public Path log() {
        return log;
    }

    public long pid() {
        return process.pid();
    }

    /**
     * Waits until the app answers and the grid has {@code members} members, as this node's log says (Payara logs
     * "DG Size: n" whenever members come and go); false if the node died or {@code limit} passed.
     */
    public boolean awaitReady(int members, Duration limit) throws InterruptedException {
        Instant deadline = Instant.now().plus(limit);
        HttpClient http = HttpClient.newHttpClient();
        while (process.isAlive() && Instant.now().isBefore(deadline)) {
            if (logSays("DG Size: " + members) && answers(http)) {
                return true;
            }
            Thread.sleep(500);
        }
        return false;
    }

    public boolean logSays(String text) {
        try {
            return Files.exists(log) && Files.readString(log).contains(text);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private boolean answers(HttpClient http) throws InterruptedException {
        try {
            return http.send(HttpRequest.newBuilder(uri().resolve("/api/status")).timeout(Duration.ofSeconds(5))
                    .build(), HttpResponse.BodyHandlers.discarding()).statusCode() == 200;
        } catch (IOException notYet) {
            return false;
        }
    }

    /** SIGKILL, as a machine that dies: the grid is not told, it finds out. */
    public void kill() throws InterruptedException {
        process.descendants().forEach(ProcessHandle::destroyForcibly);
        process.destroyForcibly().waitFor();
    }

    public boolean isAlive() {
        return process.isAlive();
    }

    @Override
    public void close() throws InterruptedException {
        if (process.isAlive()) {
            process.destroy();
            if (!process.waitFor(20, java.util.concurrent.TimeUnit.SECONDS)) {
                kill();
            }
        }
    }

    /**
     * A free port on loopback, and the {@code count - 1} after it free too, below Linux's ephemeral range
     * (32768 and up): a connection to a port in that range where nothing listens any more, as after a node was
     * killed, can be given that very port as its source and connect to itself (Hazelcast then fails with
     * "Connecting to self!").
     */
    public static int freePorts(int count) {
        for (int attempt = 0; attempt < 200; attempt++) {
            int first = 20_000 + RANDOM.nextInt(12_000 - count);
            if (allFree(first, count)) {
                return first;
            }
        }
        throw new IllegalStateException("no " + count + " free ports in a row below 32000");
    }

    public static int freePort() {
        return freePorts(1);
    }

    private static boolean allFree(int first, int count) {
        for (int port = first; port < first + count; port++) {
            try (ServerSocket socket = new ServerSocket(port)) {
                socket.setReuseAddress(true);
            } catch (IOException inUse) {
                return false;
            }
        }
        return true;
    }
}
