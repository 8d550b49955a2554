package dev.payaracognito.cluster;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.payaracognito.localcognito.Endpoint;
import dev.payaracognito.localcognito.LocalCognito;
import dev.payaracognito.testing.AppDeployment;
import dev.payaracognito.testing.DueTokens;
import dev.payaracognito.testing.PayaraNode;
import dev.payaracognito.testing.SharedCognito;
import dev.payaracognito.testing.TwoNodeCluster;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.htmlunit.WebClient;
import org.htmlunit.html.HtmlPage;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Two Payara Micro nodes in one data grid on loopback, behind a balancer that sends every request to the other
 * node (no stickiness), with the run's local Cognito: signed in through one node, served by the other, refreshed
 * on one and seen by the other, signed out everywhere at once, and nobody signed out when a node is killed.
 */
@ExtendWith(SharedCognito.class)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class FailoverIT {

    private static final String APP = AppDeployment.APP;

    /** Longer than any pause of the tests but the one that waits for it; their sign-ins live shorter than this. */
    private static final Duration IDLE = Duration.ofSeconds(6);
    /** Past alice's last page in the timers' test (1.8 idle timeouts) and within an idle timeout of it. */
    private static final Duration LIFETIME = Duration.ofSeconds(14);

    private static TwoNodeCluster cluster;
    private static List<PayaraNode> NODES;

    @BeforeAll
    static void startTwoNodesAndABalancer() throws Exception {
        cluster = TwoNodeCluster.start("failover", Map.of("APP_SESSION_IDLE_TIMEOUT", IDLE.toString(),
                "APP_SESSION_MAX_LIFETIME", LIFETIME.toString()));
        NODES = cluster.nodes();
    }

    @AfterAll
    static void stopEverything() throws Exception {
        if (cluster == null) {
            return;
        }
        cluster.close();
        // Every node runs with the deserialization filter of payara-config: nothing a cluster needs was refused.
        for (PayaraNode node : NODES) {
            assertFalse(node.logSays("REJECTED"), node.name() + " refused to deserialize something: " + node.log());
        }
    }

    @Test
    @Order(0)
    void everyNodeHandsTheContainersCallsToTheHandlerItKeeps() {
        for (PayaraNode node : NODES) { // each answered /api/status before the cluster was ready: a first call
            assertTrue(node.logSays("first authentication call reached KeptHandlerBridge"),
                    node.name() + " runs Soteria's bridge, which looks the handler up for each request");
        }
    }

    @BeforeEach
    void honestCognito() {
        cognito().healAll();
    }

    @AfterEach
    void closeBrowsers() {
        cluster.closeBrowsers();
    }

    @Test
    @Order(1)
    void signedInThroughOneNodeServedByTheOther() throws Exception {
        // 1. the sign-in itself crosses nodes: started on one, the callback on the other
        WebClient browser = browser();
        HtmlPage profile = signIn(browser, "bob", "Bob-Passw0rd!");
        assertEquals("admins", profile.getElementById("groups").getTextContent());
        String session = session(browser);

        // 2. page after page, each on the other node: the same user, groups and session
        List<String> servedBy = new ArrayList<>();
        for (int page = 0; page < 6; page++) {
            HtmlPage again = browser.getPage(APP + "/secure/profile.xhtml");
            assertEquals(APP + "/secure/profile.xhtml", again.getUrl().toString());
            assertEquals("bob", again.getElementById("username").getTextContent());
            assertEquals("admins", again.getElementById("groups").getTextContent());
            servedBy.add(again.getElementById("served-by").getTextContent());
        }
        assertEquals(session, session(browser), "the same session on every node");
        assertTrue(servedBy.contains("Served by node-a") && servedBy.contains("Served by node-b"), servedBy.toString());
        assertEquals(200, ((HtmlPage) browser.getPage(APP + "/admin/index.xhtml")).getWebResponse().getStatusCode());
    }

    @Test
    @Order(2)
    void aRefreshOnOneNodeIsSeenByTheOther() throws Exception {
        // 1. tokens due for a refresh; the refreshed ones will not be, for an hour
        cognito().tokenLifetime(DueTokens.SOON);
        WebClient browser = browser();
        signIn(browser, "alice", "Alice-Passw0rd!");
        cognito().tokenLifetime(Duration.ofHours(1));
        String session = session(browser);
        DueTokens.await(cognito(), "alice");
        int refreshes = cognito().tokenRequests("refresh_token");
        int authorizations = cognito().requests(Endpoint.AUTHORIZE);
        int refreshLines = cluster.auditLines("refresh").size();

        // 2. one node refreshes; the other, next, finds the new tokens and does not refresh again
        for (int page = 0; page < 4; page++) {
            HtmlPage profile = browser.getPage(APP + "/secure/profile.xhtml");
            assertEquals("alice", profile.getElementById("username").getTextContent());
        }
        assertEquals(refreshes + 1, cognito().tokenRequests("refresh_token"), "one refresh for both nodes");
        // and one audit line for it, by the node that refreshed (the other took its tokens)
        assertEquals(refreshLines + 1, cluster.awaitAuditLines("refresh", refreshLines + 1).size(), "one refresh line");
        Thread.sleep(1_500); // the other node's log, flushed too
        assertEquals(refreshLines + 1, cluster.auditLines("refresh").size(), "one refresh line, not one per node");
        assertEquals(authorizations, cognito().requests(Endpoint.AUTHORIZE), "no new sign-in");
        assertEquals(session, session(browser));
    }

    @Test
    @Order(3)
    void aFormOfOneNodePostedToTheOtherSignsOutEverywhere() throws Exception {
        // 1. the profile page's Sign out form, rendered by one node, posted to the other
        int signIns = cluster.auditLines("sign-in").size();
        int signOuts = cluster.auditLines("sign-out").size();
        int refusals = cluster.auditLines("refusal").size();
        WebClient browser = browser();
        HtmlPage profile = signIn(browser, "alice", "Alice-Passw0rd!");
        String cookies = cookies(browser);
        String accessToken = cognito().lastTokens("alice").get("access_token");
        for (PayaraNode node : NODES) {
            assertEquals(200, api(node, accessToken).statusCode(), "the sign-in's token works on " + node.name());
        }
        HtmlPage home = profile.getHtmlElementById("signOut:signOutButton").click();
        assertEquals(APP + "/", home.getUrl().toString());

        // 2. the old cookies sign nobody in, on either node: a node that still holds a copy of the session ends it
        //    (the sign-in is on the grid's list of ended ones), and the page sends the browser to Cognito
        for (PayaraNode node : NODES) {
            assertTrue(sendsToCognito(node, "/secure/profile.xhtml", cookies), node.name());
        }
        // 3. nor does the sign-in's access token reach the API of either node
        for (PayaraNode node : NODES) {
            assertEquals(401, api(node, accessToken).statusCode(), node.name());
        }

        // 4. the audit log: one line for the sign-in and one for the sign-out, wherever they were served; a WARNING
        //    for each refusal (here at least the API's two), with its reason; never a token
        assertEquals(signIns + 1, cluster.awaitAuditLines("sign-in", signIns + 1).size(), "one sign-in line");
        assertEquals(signOuts + 1, cluster.awaitAuditLines("sign-out", signOuts + 1).size(), "one sign-out line");
        List<String> refused = cluster.awaitAuditLines("refusal", refusals + 2);
        assertTrue(refused.size() >= refusals + 2, "a line per refusal: " + refused);
        for (String line : refused.subList(refusals, refused.size())) {
            assertTrue(line.contains("WARNING") && line.contains("\"reason\":\""), line);
        }
        for (String event : List.of("sign-in", "sign-out", "refusal")) {
            for (String line : cluster.auditLines(event)) {
                assertFalse(line.contains(accessToken) || line.contains("eyJ"), "a token in the audit log: " + line);
            }
        }
    }

    /**
     * The cluster runs with an idle timeout of {@link #IDLE} and a lifetime of {@link #LIFETIME}: each node counts
     * them from what every node did, not from what it saw itself.
     */
    @Test
    @Order(4)
    void idleAndLifetimeTimersCountOnEveryNode() throws Exception {
        WebClient alice = browser();
        signIn(alice, "alice", "Alice-Passw0rd!");
        Instant aliceSignedIn = Instant.now(); // a little after the app recorded it
        WebClient bob = browser();
        signIn(bob, "bob", "Bob-Passw0rd!");
        Instant bobSignedIn = Instant.now();

        // 1. alice, a page every 0.6 idle timeouts on the node that did not serve the last one: each node sees her
        //    every 1.2, longer than the idle timeout, so only an idle time counted from either node's requests keeps
        //    her in
        Duration pause = IDLE.multipliedBy(6).dividedBy(10);
        for (int page = 1; page <= 3; page++) {
            sleepUntil(aliceSignedIn.plus(pause.multipliedBy(page)));
            PayaraNode node = NODES.get(page % 2);
            HtmlPage profile = alice.getPage(node.uri().resolve("/secure/profile.xhtml").toURL());
            assertEquals(node.uri().resolve("/secure/profile.xhtml").toString(), profile.getUrl().toString(),
                    "page " + page + " on " + node.name());
            assertEquals("alice", profile.getElementById("username").getTextContent());
        }
        // 2. bob, idle since his sign-in for longer than the timeout: sent to sign in, by either node
        assertTrue(Instant.now().isAfter(bobSignedIn.plus(IDLE)));
        for (PayaraNode node : NODES) {
            assertTrue(sendsToCognito(node, "/secure/profile.xhtml", cookies(bob)), "idle bob on " + node.name());
        }
        // 3. alice, busy, past her lifetime from the sign-in (shortly after her last page: not idle): sent to sign in
        sleepUntil(aliceSignedIn.plus(LIFETIME).plusSeconds(1));
        assertTrue(sendsToCognito(NODES.get(0), "/secure/profile.xhtml", cookies(alice)), "alice past her lifetime");
    }

    @Test
    @Order(5)
    void losingANodeSignsNobodyOut() throws Exception {
        // 1. three people signed in, their sessions spread over both nodes
        List<WebClient> people = List.of(browser(), browser(), browser());
        signIn(people.get(0), "alice", "Alice-Passw0rd!");
        signIn(people.get(1), "bob", "Bob-Passw0rd!");
        signIn(people.get(2), "alice", "Alice-Passw0rd!");
        int authorizations = cognito().requests(Endpoint.AUTHORIZE);

        // 2. one node dies without a word
        NODES.get(0).kill();

        // 3. everyone goes on, on the node that is left, without signing in again
        for (int round = 0; round < 3; round++) {
            for (WebClient person : people) {
                HtmlPage profile = person.getPage(APP + "/secure/profile.xhtml");
                assertEquals(APP + "/secure/profile.xhtml", profile.getUrl().toString());
                assertEquals("Served by node-b", profile.getElementById("served-by").getTextContent());
            }
        }
        assertEquals(authorizations, cognito().requests(Endpoint.AUTHORIZE), "nobody signed in again");
    }

    private WebClient browser() {
        return cluster.browser();
    }

    private static HtmlPage signIn(WebClient browser, String user, String password) throws Exception {
        return TwoNodeCluster.signIn(browser, user, password);
    }

    private static String session(WebClient browser) {
        return TwoNodeCluster.cookie(browser, "JSESSIONID");
    }

    /** The browser's cookies for the app, as its next request would send them. */
    private static String cookies(WebClient browser) {
        return String.join("; ", browser.getCookieManager().getCookies().stream()
                .filter(cookie -> cookie.getName().startsWith("JSESSIONID") || cookie.getName().equals("SESSION_BINDING"))
                .map(cookie -> cookie.getName() + "=" + cookie.getValue()).toList());
    }

    private static void sleepUntil(Instant moment) throws InterruptedException {
        Duration wait = Duration.between(Instant.now(), moment);
        if (!wait.isNegative()) {
            Thread.sleep(wait.toMillis());
        }
    }

    /** Whether the page, asked with the cookies, is not served but sends the browser to sign in at Cognito. */
    private static boolean sendsToCognito(PayaraNode node, String page, String cookies) throws Exception {
        String location = TwoNodeCluster.cognitoRedirect(node, page, cookies);
        return location != null && location.startsWith(cognito().domain() + "/oauth2/authorize");
    }

    private static HttpResponse<String> api(PayaraNode node, String accessToken) throws Exception {
        return TwoNodeCluster.api(node, accessToken);
    }

    private static LocalCognito cognito() {
        return SharedCognito.cognito();
    }
}
