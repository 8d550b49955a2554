package dev.payaracognito.cluster;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.payaracognito.localcognito.AppClient;
import dev.payaracognito.localcognito.Endpoint;
import dev.payaracognito.localcognito.LocalCognito;
import dev.payaracognito.localcognito.RefreshTokenRotation;
import dev.payaracognito.localcognito.UserPool;
import dev.payaracognito.security.CognitoSecurityConfiguration;
import dev.payaracognito.testing.DueTokens;
import dev.payaracognito.testing.PayaraNode;
import dev.payaracognito.testing.SharedCognito;
import dev.payaracognito.testing.TwoNodeCluster;
import java.net.CookieManager;
import java.net.HttpCookie;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.htmlunit.WebClient;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Refresh tokens that Cognito rotates, on two nodes: the page of a session whose tokens have just fallen due is
 * asked of both nodes at once, several times, as a page's parallel requests behind a round-robin balancer would.
 * Nobody is signed out, and each round costs Cognito one refresh grant: one node refreshes, the other takes the
 * tokens it got. Rotation off, and on with a grace period, hold as well.
 */
@ExtendWith(SharedCognito.class)
class RefreshRotationIT {

    private static final String PROFILE = "/secure/profile.xhtml";
    /**
     * Tokens that fall due 3 s after their issue (the mechanism refreshes them 10 s before they expire): a round's
     * pages have 3 s before the tokens its refresh brought are due in turn and would be refreshed again.
     */
    private static final Duration TOKENS = DueTokens.SOON.plusSeconds(2);
    private static final Duration DUE = TOKENS.minusMillis(CognitoSecurityConfiguration.TOKEN_MIN_VALIDITY_MILLIS)
            .plusMillis(300);
    private static final int REQUESTS_PER_NODE = 3;

    private static TwoNodeCluster cluster;
    private static AppClient demoClient;

    @BeforeAll
    static void twoNodes() throws Exception {
        cluster = TwoNodeCluster.start("refresh-rotation");
        demoClient = cognito().pool().client(UserPool.DEMO_CLIENT_ID).orElseThrow();
    }

    @AfterAll
    static void stop() throws Exception {
        if (cluster != null) {
            cluster.close();
        }
    }

    @AfterEach
    void honestCognito() {
        cognito().updateClient(demoClient);
        cognito().tokenLifetime(Duration.ofHours(1));
        cluster.closeBrowsers();
    }

    @Test
    void withRotationAndNoGracePeriodNobodyIsSignedOutAndEachRoundRefreshesOnce() throws Exception {
        roundsOfParallelPagesAsTheTokensFallDue(RefreshTokenRotation.enabled(Duration.ZERO), 5);
    }

    @Test
    void withRotationAndAGracePeriod() throws Exception {
        roundsOfParallelPagesAsTheTokensFallDue(RefreshTokenRotation.enabled(Duration.ofSeconds(2)), 2);
    }

    @Test
    void withoutRotation() throws Exception {
        roundsOfParallelPagesAsTheTokensFallDue(RefreshTokenRotation.DISABLED, 2);
    }

    private void roundsOfParallelPagesAsTheTokensFallDue(RefreshTokenRotation rotation, int rounds) throws Exception {
        // 1. alice signs in with tokens of 15 s, from an app client with this rotation
        cognito().updateClient(demoClient.withRotation(rotation));
        cognito().tokenLifetime(TOKENS);
        WebClient browser = cluster.browser();
        TwoNodeCluster.signIn(browser, "alice", "Alice-Passw0rd!");
        HttpClient sameBrowser = sameCookiesAs(browser);
        int authorizations = cognito().requests(Endpoint.AUTHORIZE);
        int refreshLines = cluster.auditLines("refresh").size();

        for (int round = 1; round <= rounds; round++) {
            // 2. the tokens fall due; both nodes are asked for the page at the same moment
            Thread.sleep(DUE.toMillis());
            int refreshes = cognito().tokenRequests("refresh_token");
            List<HttpResponse<String>> pages = atOnce(sameBrowser);

            // 3. every page is alice's, and Cognito was asked for one refresh
            for (HttpResponse<String> page : pages) {
                assertEquals(200, page.statusCode(), "round " + round + ", " + page.uri() + ": signed out? "
                        + page.headers().firstValue("Location").orElse(""));
                assertTrue(page.body().contains("id=\"username\">alice<"), "round " + round);
            }
            assertEquals(refreshes + 1, cognito().tokenRequests("refresh_token"), "round " + round
                    + ": one refresh grant, whichever node made it; refusals: " + cognito().tokenRefusals());
        }
        assertEquals(authorizations, cognito().requests(Endpoint.AUTHORIZE), "nobody signed in again");
        // one audit line per refresh, by the node that made it: the nodes that took its tokens say nothing
        assertEquals(refreshLines + rounds, cluster.awaitAuditLines("refresh", refreshLines + rounds).size());
        Thread.sleep(1_500); // both logs flushed
        assertEquals(refreshLines + rounds, cluster.auditLines("refresh").size(), "one line per refresh, not per node");
    }

    /** The page asked of each node {@link #REQUESTS_PER_NODE} times, all released together. */
    private static List<HttpResponse<String>> atOnce(HttpClient browser) throws Exception {
        CountDownLatch go = new CountDownLatch(1);
        List<Future<HttpResponse<String>>> pages = new ArrayList<>();
        try (ExecutorService requests = Executors.newVirtualThreadPerTaskExecutor()) {
            for (PayaraNode node : cluster.nodes()) {
                for (int i = 0; i < REQUESTS_PER_NODE; i++) {
                    pages.add(requests.submit(() -> {
                        go.await();
                        return browser.send(HttpRequest.newBuilder(node.uri().resolve(PROFILE)).build(),
                                HttpResponse.BodyHandlers.ofString());
                    }));
                }
            }
            go.countDown();
            List<HttpResponse<String>> answers = new ArrayList<>();
            for (Future<HttpResponse<String>> page : pages) {
                answers.add(page.get());
            }
            return answers;
        }
    }

    /** A client that sends the browser's cookies to every node, and keeps the ones the nodes set, as a browser. */
    private static HttpClient sameCookiesAs(WebClient browser) {
        CookieManager cookies = new CookieManager();
        for (PayaraNode node : cluster.nodes()) {
            for (org.htmlunit.util.Cookie cookie : browser.getCookieManager().getCookies()) {
                HttpCookie copy = new HttpCookie(cookie.getName(), cookie.getValue());
                copy.setPath("/");
                copy.setVersion(0);
                cookies.getCookieStore().add(URI.create(node.uri().toString()), copy);
            }
        }
        return HttpClient.newBuilder().cookieHandler(cookies).followRedirects(HttpClient.Redirect.NEVER).build();
    }

    private static LocalCognito cognito() {
        return SharedCognito.cognito();
    }
}
