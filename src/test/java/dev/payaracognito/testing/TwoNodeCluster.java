package dev.payaracognito.testing;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.net.URI;
import java.net.URL;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import org.htmlunit.Page;
import org.htmlunit.WebClient;
import org.htmlunit.html.HtmlForm;
import org.htmlunit.html.HtmlPage;
import org.jboss.shrinkwrap.api.exporter.ZipExporter;

/**
 * Two Payara Micro nodes of the app (node-a, node-b) in one data grid of their own on loopback, behind a balancer on
 * the tests' address ({@link AppDeployment#APP}) that sends every request to the next node, and the browsers of a
 * test (HtmlUnit, scripts off) that sign in through it at the run's local Cognito.
 */
public final class TwoNodeCluster implements AutoCloseable {

    private static final Duration STARTUP = Duration.ofMinutes(3);

    private final PayaraNode.Grid grid;
    private final List<PayaraNode> nodes;
    private final RoundRobinBalancer balancer;
    private final List<WebClient> browsers = new ArrayList<>();

    private TwoNodeCluster(PayaraNode.Grid grid, List<PayaraNode> nodes, RoundRobinBalancer balancer) {
        this.grid = grid;
        this.nodes = nodes;
        this.balancer = balancer;
    }

    /** Starts both nodes with the tests' WAR, under {@code target/{name}}, and waits until they form one grid. */
    public static TwoNodeCluster start(String name) throws Exception {
        return start(name, Map.of());
    }

    /** The same, the nodes' environment given {@code settings} too. */
    public static TwoNodeCluster start(String name, Map<String, String> settings) throws Exception {
        Path directory = Path.of("target", name);
        Path war = directory.resolve("payara-cognito.war");
        directory.toFile().mkdirs();
        AppDeployment.war().as(ZipExporter.class).exportTo(war.toFile(), true);
        PayaraNode.Grid grid = PayaraNode.Grid.ofOwn(name, 2);
        Path payara = Path.of(System.getProperty("payara.micro.jar"));
        List<PayaraNode> nodes = new ArrayList<>();
        for (String node : List.of("node-a", "node-b")) {
            Map<String, String> environment = new HashMap<>(settings);
            environment.put("APP_NODE_NAME", node);
            nodes.add(PayaraNode.start(node, PayaraNode.freePort(), grid, payara, war, environment, directory));
        }
        List<CompletableFuture<Boolean>> ready = nodes.stream().map(node -> CompletableFuture.supplyAsync(() -> {
            try {
                return node.awaitReady(2, STARTUP);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return false;
            }
        })).toList();
        for (int i = 0; i < nodes.size(); i++) {
            assertTrue(ready.get(i).get(), nodes.get(i).name() + " did not join a grid of two: " + nodes.get(i).log());
        }
        return new TwoNodeCluster(grid, List.copyOf(nodes),
                new RoundRobinBalancer(8080, nodes.stream().map(PayaraNode::uri).toList()));
    }

    public PayaraNode.Grid grid() {
        return grid;
    }

    public List<PayaraNode> nodes() {
        return nodes;
    }

    /** A new browser, closed by {@link #closeBrowsers()}. */
    public WebClient browser() {
        WebClient browser = new WebClient();
        browser.getOptions().setJavaScriptEnabled(false);
        browser.getOptions().setCssEnabled(false);
        browser.getOptions().setThrowExceptionOnFailingStatusCode(false);
        browsers.add(browser);
        return browser;
    }

    public void closeBrowsers() {
        browsers.forEach(WebClient::close);
        browsers.clear();
    }

    /** Signs {@code user} in through the balancer at the hosted UI; the profile page it lands on. */
    public static HtmlPage signIn(WebClient browser, String user, String password) throws Exception {
        HtmlPage login = browser.getPage(new URL(AppDeployment.APP + "/secure/profile.xhtml"));
        assertTrue(login.getUrl().toString().startsWith(SharedCognito.cognito().domain() + "/login"),
                login.getUrl().toString());
        HtmlForm form = login.getFormByName("signInForm");
        form.getInputByName("username").setValue(user);
        form.getInputByName("password").setValue(password);
        Page page = form.getInputByName("signInSubmitButton").click();
        assertEquals(AppDeployment.APP + "/secure/profile.xhtml", page.getUrl().toString(),
                page.getWebResponse().getContentAsString());
        HtmlPage profile = (HtmlPage) page;
        assertEquals(user, profile.getElementById("username").getTextContent());
        return profile;
    }

    /** The audit lines of this event in both nodes' logs, as written so far. */
    public List<String> auditLines(String event) throws IOException {
        List<String> lines = new ArrayList<>();
        for (PayaraNode node : nodes()) {
            for (String line : Files.readAllLines(node.log(), StandardCharsets.ISO_8859_1)) {
                if (line.contains("audit") && line.contains("{\"event\":\"" + event + "\"")) {
                    lines.add(line);
                }
            }
        }
        return lines;
    }

    /** The audit lines of this event once there are {@code atLeast} (the nodes write their logs a moment later). */
    public List<String> awaitAuditLines(String event, int atLeast) throws Exception {
        long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
        List<String> lines = auditLines(event);
        while (lines.size() < atLeast && System.nanoTime() < deadline) {
            Thread.sleep(200);
            lines = auditLines(event);
        }
        return lines;
    }

    /**
     * Where {@code page}, asked of {@code node} with {@code cookies}, sends the browser at Cognito, after this site's
     * own redirects (three at most); null when a page is served, or the browser sent anywhere else.
     */
    public static String cognitoRedirect(PayaraNode node, String page, String cookies) throws Exception {
        String path = page;
        for (int redirects = 0; redirects < 3; redirects++) {
            HttpResponse<String> answer = HttpClient.newHttpClient().send(HttpRequest.newBuilder(node.uri()
                    .resolve(path)).header("Cookie", cookies).build(), HttpResponse.BodyHandlers.ofString());
            String location = answer.headers().firstValue("Location").orElse("");
            if (answer.statusCode() != 302) {
                return null;
            }
            if (location.startsWith(SharedCognito.cognito().domain() + "/")) {
                return location;
            }
            path = URI.create(location).getPath();
        }
        return null;
    }

    /** {@code GET /api/me} of {@code node} with the access token. */
    public static HttpResponse<String> api(PayaraNode node, String accessToken) throws Exception {
        return HttpClient.newHttpClient().send(HttpRequest.newBuilder(node.uri().resolve("/api/me"))
                .header("Authorization", "Bearer " + accessToken).build(), HttpResponse.BodyHandlers.ofString());
    }

    /** A cookie of the browser's, as the app set it. */
    public static String cookie(WebClient browser, String name) {
        return browser.getCookieManager().getCookie(name).getValue();
    }

    @Override
    public void close() throws Exception {
        closeBrowsers();
        balancer.close();
        for (PayaraNode node : nodes) {
            node.close();
        }
    }
}
