package dev.payaracognito.operations;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.payaracognito.testing.AppDeployment;
import dev.payaracognito.testing.PayaraNode;
import dev.payaracognito.testing.SharedCognito;
import java.io.IOException;
import java.net.ConnectException;
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
import org.jboss.shrinkwrap.api.exporter.ZipExporter;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * A node that starts (a new replica, a restarted pod) answers nobody until the app is deployed: its port refuses
 * connections, which a balancer retries on another node, where otherwise Payara would answer every path with its own
 * 404 page, naming the server and its version, and then with an empty 500 while the web module starts. Asked every
 * 20 ms from the node's launch until Payara says it is ready, one node with the image's Payara options
 * ({@link PayaraNode}). Its boot ran on one thread, as those options ask.
 */
@ExtendWith(SharedCognito.class)
class StartWindowIT {

    private static final Path DIRECTORY = Path.of("target", "start-window-it");
    private static final Duration LIMIT = Duration.ofMinutes(3);

    @Test
    void aStartingNodeRefusesConnectionsUntilItsFirstAnswerIsTheApps() throws Exception {
        Path war = DIRECTORY.resolve("payara-cognito.war");
        Files.createDirectories(DIRECTORY);
        AppDeployment.war().as(ZipExporter.class).exportTo(war.toFile(), true);
        HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(1)).build();
        List<String> answers = new ArrayList<>();
        try (PayaraNode node = PayaraNode.start("starting", PayaraNode.freePort(),
                PayaraNode.Grid.ofOwn("start-window-it", 1), Path.of(System.getProperty("payara.micro.jar")), war,
                Map.of(), DIRECTORY)) {
            Instant deadline = Instant.now().plus(LIMIT);
            while (!node.logSays(" ready in ") && node.isAlive() && Instant.now().isBefore(deadline)) {
                ask(http, node, answers);
                Thread.sleep(20);
            }
            assertTrue(node.logSays(" ready in "), "the node did not start: " + node.log());
            // four boot threads at once, Payara Micro's default, now and then deadlocked (docs/operating.md, "Tuning")
            assertTrue(node.logSays("_ThreadName="), "the log names no threads: " + node.log());
            assertFalse(node.logSays("RunLevelControllerThread"), "Payara booted on several threads: " + node.log());
            assertTrue(node.awaitReady(1, Duration.ofMinutes(1)), "the node does not answer: " + node.log());
            ask(http, node, answers);
        }
        assertFalse(answers.isEmpty(), "the started node never answered");
        for (String answer : answers) {
            assertEquals("200 the app's home page", answer, "every answer, from the first: " + answers);
        }
    }

    /**
     * The home page, as a visitor asks for it: its status and whose page it is, or that it gave no answer (a
     * timeout, a reset), kept unless the same as the last answer; nothing if the port refused the connection.
     */
    private static void ask(HttpClient http, PayaraNode node, List<String> answers) throws InterruptedException {
        try {
            HttpResponse<String> page = http.send(HttpRequest.newBuilder(node.uri().resolve("/"))
                    .timeout(Duration.ofSeconds(5)).build(), HttpResponse.BodyHandlers.ofString());
            String body = page.body();
            String whose = body.contains("id=\"sign-in-title\"") ? "the app's home page"
                    : body.contains("Error report") ? "Payara's error page"
                    : "a page of " + body.length() + " characters";
            keep(answers, page.statusCode() + " " + whose);
        } catch (ConnectException refused) {
            // the port is closed: what a balancer retries elsewhere
        } catch (IOException noAnswer) {
            keep(answers, "no answer: " + noAnswer.getClass().getSimpleName());
        }
    }

    private static void keep(List<String> answers, String answer) {
        if (answers.isEmpty() || !answers.getLast().equals(answer)) {
            answers.add(answer);
        }
    }
}
