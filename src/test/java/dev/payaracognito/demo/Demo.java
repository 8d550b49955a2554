package dev.payaracognito.demo;

import dev.payaracognito.localcognito.LocalCognito;
import dev.payaracognito.localcognito.UserPool;
import dev.payaracognito.testing.PayaraNode;
import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/**
 * {@code ./mvnw -Pdemo}: the local Cognito on :9229 and Payara Micro with the WAR on :8080, wired together.
 * Ctrl+C stops both. Arguments: the WAR, the Payara Micro jar, the training load's source
 * (src/bench/java/…/TrainingLoad.java, which the first start serves to train the ahead-of-time cache). Run from the
 * project's directory, whose payara-config the node's options name ({@link PayaraNode#COMMAND_FILES}).
 */
public final class Demo {

    private static final int APP_PORT = 8080;
    private static final Duration STARTUP_LIMIT = Duration.ofMinutes(3);

    private Demo() {}

    public static void main(String[] args) throws Exception {
        Path war = Path.of(args[0]);
        Path payaraJar = Path.of(args[1]);
        Path trainingLoad = Path.of(args[2]);
        Path log = war.resolveSibling("demo-payara.log");
        requireFree(LocalCognito.DEFAULT_PORT, "the local Cognito");
        requireFree(APP_PORT, "Payara Micro");

        LocalCognito cognito = new LocalCognito(UserPool.demo(), "localhost", LocalCognito.DEFAULT_PORT).start();
        System.out.println("Local Cognito is running on " + cognito.domain());

        Map<String, String> settings = settings(cognito, APP_PORT);
        // Payara's launcher and an ahead-of-time cache, both made on the first start (the cache trained with a load)
        Path java = Path.of(System.getProperty("java.home"), "bin", "java");
        String app = "http://localhost:" + APP_PORT;
        AheadOfTimeStart.TrainingRun training = new AheadOfTimeStart.TrainingRun(URI.create(app + "/health/ready"),
                List.of(java.toString(), trainingLoad.toString(), app, cognito.domain(),
                        UserPool.DEMO_MACHINE_CLIENT_ID, UserPool.DEMO_MACHINE_CLIENT_SECRET, "alice",
                        "Alice-Passw0rd!"));
        Path trainingLog = war.resolveSibling("demo-payara-training.log");
        List<String> command;
        try {
            command = new AheadOfTimeStart(java, payaraJar, war.getParent()).command(
                    // Serial, the collector the image's JVM picks in a pod of 1 GiB and 2 CPUs: on a developer's
                    // machine the JVM would pick G1 and a quarter of its memory, here 1 s longer to ready, 2 s more
                    // CPU and about 300 MB more (docs/operating.md, "Start-up")
                    Stream.concat(Stream.of("-XX:+UseSerialGC", "--sun-misc-unsafe-memory-access=allow"),
                            PayaraNode.JVM_OPTIONS.stream()).toList(),
                    Stream.concat(Stream.of("--deploy", war.toString(), "--port", Integer.toString(APP_PORT),
                            // a grid of one on loopback only (--nocluster would listen on every address)
                            "--clustermode", "tcpip:127.0.0.1:6900", "--interfaces", "127.0.0.1"),
                            PayaraNode.COMMAND_FILES.stream()).toList(),
                    settings, training, trainingLoad, trainingLog);
        } catch (IOException failed) {
            System.out.println("Payara Micro could not be prepared: " + failed.getMessage() + ". The end of the log:");
            printEnd(trainingLog);
            cognito.stop();
            System.exit(1);
            return;
        }
        ProcessBuilder payara = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile());
        payara.environment().putAll(settings);
        Process server = payara.start();
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            System.out.println("\nStopping Payara Micro and the local Cognito.");
            server.descendants().forEach(ProcessHandle::destroy);
            server.destroy();
            cognito.stop();
        }));

        System.out.print("Starting Payara Micro (6-12 s; its log: " + log + ") ");
        if (!awaitReady(server)) {
            System.out.println("\nPayara Micro did not start. The end of its log:");
            printEnd(log);
            System.exit(1);
        }
        System.out.printf("""

                Ready. Open http://localhost:%d/ and sign in as
                  alice / Alice-Passw0rd!   (no group)
                  bob   / Bob-Passw0rd!     (group admins: may open the admin page)
                or with Google or Okta-SAML (stand-in providers: choose an account).
                A service's token for the API (client credentials), then the API:
                  curl -u %s:%s -d grant_type=client_credentials -d scope=payara-api/read %s/oauth2/token
                  curl -H "Authorization: Bearer <access_token>" http://localhost:%d/api/me
                Press Ctrl+C to stop.
                """, APP_PORT, UserPool.DEMO_MACHINE_CLIENT_ID, UserPool.DEMO_MACHINE_CLIENT_SECRET, cognito.domain(),
                APP_PORT);
        System.exit(server.waitFor());
    }

    /**
     * Ready when the home page answers 200, asked each second until the limit (the port opens once the app is
     * deployed: payara-config/post-deploy-commands.asadmin). False if Payara exits or takes too long.
     */
    private static boolean awaitReady(Process server) throws InterruptedException {
        Instant deadline = Instant.now().plus(STARTUP_LIMIT);
        while (server.isAlive() && Instant.now().isBefore(deadline)) {
            if (homePageAnswers()) {
                return true;
            }
            System.out.print(".");
            Thread.sleep(1000);
        }
        return false;
    }

    private static boolean homePageAnswers() throws InterruptedException {
        HttpRequest home = HttpRequest.newBuilder(URI.create("http://localhost:" + APP_PORT + "/"))
                .timeout(Duration.ofSeconds(10)).build();
        try {
            return HttpClient.newHttpClient().send(home, HttpResponse.BodyHandlers.discarding()).statusCode() == 200;
        } catch (IOException e) {
            return false;
        }
    }

    /** The app's settings for the local Cognito, served to browsers on {@code port}. */
    static Map<String, String> settings(LocalCognito cognito, int port) {
        return Map.of(
                "COGNITO_ISSUER", cognito.issuer(),
                "COGNITO_CLIENT_ID", UserPool.DEMO_CLIENT_ID,
                "COGNITO_CLIENT_SECRET", UserPool.DEMO_CLIENT_SECRET,
                "COGNITO_API_CLIENT_IDS", UserPool.DEMO_MACHINE_CLIENT_ID,
                "COGNITO_IDENTITY_PROVIDERS", UserPool.DEMO_GOOGLE_PROVIDER + "," + UserPool.DEMO_SAML_PROVIDER,
                "APP_BASE_URL", "http://localhost:" + port,
                "APP_DEVELOPMENT_MODE", "true");
    }

    static void printEnd(Path log) throws IOException {
        List<String> lines = Files.exists(log) ? Files.readAllLines(log) : List.of();
        lines.subList(Math.max(0, lines.size() - 30), lines.size()).forEach(System.out::println);
    }

    static void requireFree(int port, String what) {
        try (ServerSocket socket = new ServerSocket(port)) {
            socket.setReuseAddress(true);
        } catch (IOException e) {
            System.err.println("Port " + port + " is in use, so " + what + " cannot start there."
                    + " Stop whatever runs on it (an earlier demo?) and try again.");
            System.exit(1);
        }
    }
}
