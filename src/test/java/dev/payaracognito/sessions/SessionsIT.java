package dev.payaracognito.sessions;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.payaracognito.localcognito.Endpoint;
import dev.payaracognito.localcognito.HostedUiClient;
import dev.payaracognito.localcognito.LocalCognito;
import dev.payaracognito.testing.AppDeployment;
import dev.payaracognito.testing.PayaraNode;
import dev.payaracognito.testing.SharedCognito;
import dev.payaracognito.testing.TwoNodeCluster;
import dev.payaracognito.testing.Chromium;
import dev.payaracognito.web.BoundedSerializableChecks;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.htmlunit.WebClient;
import org.htmlunit.html.HtmlElement;
import org.htmlunit.html.HtmlPage;
import org.htmlunit.html.HtmlSubmitInput;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.condition.EnabledIf;
import org.junit.jupiter.api.extension.ExtendWith;
import org.openqa.selenium.By;
import org.openqa.selenium.WebDriver;

/**
 * Sessions people can see and end, on two nodes in one grid behind a balancer that alternates between them: a user
 * ends one of their sessions from another browser, an admin ends all of a user's sessions with Cognito's global
 * sign-out on, and the index forgets sessions that end by sign-out or by timeout, a node dead or not, and keeps
 * those that live on.
 */
@ExtendWith(SharedCognito.class)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class SessionsIT {

    private static final String APP = AppDeployment.APP;
    private static final String PROFILE = "/secure/profile.xhtml";
    private static final String ALICE = "Alice-Passw0rd!";
    /** Longer than any pause of these tests but the one that waits for it. */
    private static final Duration IDLE = Duration.ofSeconds(15);
    /** Pages of one session in a row: each one was an entry more in Payara's cache of checked values. */
    private static final int PAGES = 300;
    /** An entry of that cache (Jersey's repackaged Guava, in Payara 7). */
    private static final String PAYARAS_CHECKED_VALUE = "org.glassfish.jersey.internal.guava.LocalCache$StrongEntry";
    /** An entry of the app's cache in its place. */
    private static final String BOUNDED_CHECKED_VALUE = BoundedSerializableChecks.class.getName() + "$Checked";
    /** Where the README's pictures of the pages are. */
    private static final Path IMAGES = Path.of("docs", "images");

    private static TwoNodeCluster cluster;
    private static List<PayaraNode> nodes;

    @BeforeAll
    static void twoNodes() throws Exception {
        cluster = TwoNodeCluster.start("sessions", Map.of("APP_ADMIN_GLOBAL_SIGN_OUT", "true",
                "APP_SESSION_IDLE_TIMEOUT", IDLE.toString()));
        nodes = cluster.nodes();
    }

    @AfterAll
    static void stop() throws Exception {
        if (cluster != null) {
            cluster.close();
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

    /**
     * The story in real browsers (Chromium, scripts on, under the CSP): alice signed in on a laptop and on a phone
     * (390 px wide), ends the laptop's session from the phone; the laptop's next click signs it out, here and at
     * Cognito, so that signing in again asks for the password. The pages are photographed at both widths for
     * the README (docs/images), so that the pictures stay those of the pages as they are.
     */
    @Test
    @Order(0)
    @EnabledIf(value = "dev.payaracognito.testing.Chromium#installedOrRequired",
            disabledReason = "Chromium is not installed (Debian: apt-get install chromium chromium-driver)")
    void inRealBrowsersAliceEndsHerLaptopsSessionFromHerPhone() throws Exception {
        WebDriver laptop = Chromium.open(1280, 800);
        WebDriver phone = Chromium.open(390, 844);
        try {
            laptop.get(APP + "/");
            Chromium.screenshot(laptop, IMAGES.resolve("home-1280.png"));
            phone.get(APP + "/");
            Chromium.screenshot(phone, IMAGES.resolve("home-390.png"));
            for (WebDriver browser : List.of(laptop, phone)) {
                browser.findElement(By.id("signIn")).click();
                Chromium.awaitUrl(browser, url -> url.startsWith(cognito().domain() + "/login"), "the hosted UI");
                browser.findElement(By.id("signInFormUsername")).sendKeys("alice");
                browser.findElement(By.id("signInFormPassword")).sendKeys(ALICE);
                browser.findElement(By.name("signInSubmitButton")).click();
                Chromium.awaitUrl(browser, url -> url.equals(APP + PROFILE), "her profile");
            }
            Chromium.assertNoConsoleErrors(phone, "profile page");
            Chromium.screenshot(phone, IMAGES.resolve("sessions-390.png"));
            laptop.navigate().refresh();
            Chromium.screenshot(laptop, IMAGES.resolve("sessions-1280.png"));

            // from the phone: Sign out on the other session (the laptop's)
            phone.findElement(By.cssSelector("li.session:not(.current) input[type=submit]")).click();
            Chromium.awaitUrl(phone, url -> url.endsWith("?ended=1"), "the profile, saying what was ended");
            assertTrue(phone.findElement(By.id("sessions-ended")).getText().contains("Signed out of one session"));
            assertEquals(1, phone.findElements(By.cssSelector("li.session")).size());

            // the laptop's next click: signed out here and at Cognito, home; signing in asks for the password
            laptop.findElement(By.linkText("Profile")).click();
            Chromium.awaitUrl(laptop, url -> url.equals(APP + "/"), "the home page, signed out");
            assertFalse(laptop.findElements(By.id("signIn")).isEmpty());
            laptop.findElement(By.id("signIn")).click();
            Chromium.awaitUrl(laptop, url -> url.startsWith(cognito().domain() + "/login"), "the password asked for");
            Chromium.assertNoConsoleErrors(laptop, "home page");

            // bob, an admin, on the laptop: alice's access, as the admin page shows it (photographed at both widths)
            laptop.findElement(By.id("signInFormUsername")).sendKeys("bob");
            laptop.findElement(By.id("signInFormPassword")).sendKeys("Bob-Passw0rd!");
            laptop.findElement(By.name("signInSubmitButton")).click();
            Chromium.awaitUrl(laptop, url -> url.equals(APP + PROFILE), "bob's profile");
            String alicesAccess = APP + "/admin/index.xhtml?q=al&page=1&user=alice";
            laptop.get(alicesAccess);
            assertEquals("alice", laptop.findElement(By.cssSelector("#users .username")).getText());
            Chromium.assertNoConsoleErrors(laptop, "admin page");
            Chromium.screenshot(laptop, IMAGES.resolve("admin-1280.png"));
            WebDriver adminsPhone = Chromium.open(390, 844);
            try {
                adminsPhone.get(APP + PROFILE);
                Chromium.awaitUrl(adminsPhone, url -> url.startsWith(cognito().domain() + "/login"), "the hosted UI");
                adminsPhone.findElement(By.id("signInFormUsername")).sendKeys("bob");
                adminsPhone.findElement(By.id("signInFormPassword")).sendKeys("Bob-Passw0rd!");
                adminsPhone.findElement(By.name("signInSubmitButton")).click();
                Chromium.awaitUrl(adminsPhone, url -> url.equals(APP + PROFILE), "bob's profile");
                adminsPhone.get(alicesAccess);
                Chromium.screenshot(adminsPhone, IMAGES.resolve("admin-390.png"));
            } finally {
                adminsPhone.quit();
            }
        } finally {
            laptop.quit();
            phone.quit();
        }
    }

    @Test
    @Order(1)
    void aliceEndsHerOtherSessionFromAnotherBrowserAndItIsOverEverywhere() throws Exception {
        // 1. alice on a shared computer, then on her phone: the phone lists both, itself marked
        WebClient shared = cluster.browser();
        TwoNodeCluster.signIn(shared, "alice", ALICE);
        Map<String, String> sharedTokens = cognito().lastTokens("alice");
        String sharedCookies = cookies(shared);
        WebClient phone = cluster.browser();
        HtmlPage profile = TwoNodeCluster.signIn(phone, "alice", ALICE);
        List<HtmlElement> sessions = sessions(profile);
        assertTrue(sessions.size() >= 2, profile.asNormalizedText());
        assertEquals(1, sessions.stream().filter(s -> s.getAttribute("class").contains("current")).count());
        assertTrue(profile.asNormalizedText().contains("This session"));
        assertFalse(profile.asXml().contains(sharedTokens.get("refresh_token")), "no token on the page");
        int revocations = cognito().requests(Endpoint.REVOKE);
        int endedLines = cluster.auditLines("sessions-ended").size();

        // 2. Sign out the other one (a Faces POST of this page's view state)
        // this session is listed first, then the others, the latest active first: the shared computer's
        assertTrue(sessions.get(0).getAttribute("class").contains("current"));
        HtmlElement other = sessions.get(1);
        assertFalse(other.getAttribute("class").contains("current"));
        HtmlPage after = other.<HtmlSubmitInput>getFirstByXPath(".//input[@type='submit']").click();
        assertEquals(APP + PROFILE + "?ended=1", after.getUrl().toString());
        assertTrue(after.getElementById("sessions-ended").asNormalizedText().contains("Signed out of one session"),
                after.getElementById("sessions-ended").asNormalizedText());
        assertEquals(sessions.size() - 1, sessions(after).size(), "one session fewer");

        // 3. the ended one is over on both nodes at its next click, its access token refused by the API at once,
        //    its refresh token revoked at Cognito
        for (PayaraNode node : nodes) {
            assertTrue(sendsToCognito(node, sharedCookies), "the ended session on " + node.name());
            assertEquals(401, api(node, sharedTokens.get("access_token")).statusCode(), node.name());
        }
        assertEquals(revocations + 1, cognito().requests(Endpoint.REVOKE));
        assertEquals(400, new HostedUiClient(cognito()).token(Map.of("grant_type", "refresh_token",
                "refresh_token", sharedTokens.get("refresh_token"))).statusCode(), "its refresh token is revoked");
        // 4. the phone goes on; the audit log says who ended what, without a token
        assertEquals("alice", ((HtmlPage) phone.getPage(APP + PROFILE)).getElementById("username").getTextContent());
        List<String> ended = cluster.awaitAuditLines("sessions-ended", endedLines + 1);
        String line = ended.get(ended.size() - 1);
        assertTrue(line.contains("\"user\":\"alice\"") && line.contains("\"of\":\"alice\"")
                && line.contains("\"count\":1"), line);
        assertFalse(line.contains("eyJ") || line.contains(sharedTokens.get("refresh_token")), line);
    }

    @Test
    @Order(2)
    void anAdminEndsAllOfAlicesSessionsOnBothNodesAndCognitoSignsHerOutOfEveryApp() throws Exception {
        // 1. alice in two browsers, and in an app of the pool that is not this one (its own refresh token)
        WebClient first = cluster.browser();
        TwoNodeCluster.signIn(first, "alice", ALICE);
        WebClient second = cluster.browser();
        TwoNodeCluster.signIn(second, "alice", ALICE);
        String elsewhere = (String) new HostedUiClient(cognito()).tokens("alice", ALICE).get("refresh_token");
        int revocations = cognito().requests(Endpoint.REVOKE);
        int globalSignOuts = cognito().globalSignOuts("alice");

        // 2. bob, an admin, finds her by the start of her e-mail, sees her sessions, ends them all
        WebClient admin = cluster.browser();
        TwoNodeCluster.signIn(admin, "bob", "Bob-Passw0rd!");
        HtmlPage page = admin.getPage(APP + "/admin/index.xhtml?q=ALICE%40exa");
        assertTrue(page.getElementById("global-sign-out").getTextContent().contains("global sign-out is on"));
        List<HtmlElement> users = page.getByXPath("//ul[@id='users']/li");
        assertEquals(1, users.size(), page.asNormalizedText());
        Matcher count = Pattern.compile("(\\d+) sessions? · last active").matcher(users.get(0).asNormalizedText());
        assertTrue(count.find(), users.get(0).asNormalizedText());
        int sessions = Integer.parseInt(count.group(1));
        assertTrue(sessions >= 2, users.get(0).asNormalizedText());
        page = users.get(0).<org.htmlunit.html.HtmlAnchor>getFirstByXPath(".//a").click();
        assertTrue(page.getElementById("selected").getTextContent().contains("alice"));
        assertEquals(sessions, page.getByXPath("//ul[@id='selected-sessions']/li").size());
        assertFalse(page.asXml().contains(elsewhere), "no token on the page");
        page = page.<HtmlSubmitInput>getHtmlElementById("end:endAll").click();
        String outcome = page.getElementById("outcome").asNormalizedText();
        assertTrue(outcome.startsWith("Ended " + sessions + " sessions of alice"), outcome);
        assertTrue(outcome.contains("signed the user out of every app"), outcome);

        // 3. both browsers are out on either node; Cognito revoked each session's refresh token and signed her out
        //    of every app: the other app's refresh token no longer works either
        for (WebClient browser : List.of(first, second)) {
            for (PayaraNode node : nodes) {
                assertTrue(sendsToCognito(node, cookies(browser)), node.name());
            }
        }
        assertEquals(revocations + sessions, cognito().requests(Endpoint.REVOKE));
        assertEquals(globalSignOuts + 1, cognito().globalSignOuts("alice"));
        assertEquals(400, new HostedUiClient(cognito()).token(Map.of("grant_type", "refresh_token",
                "refresh_token", elsewhere)).statusCode(), "signed out of the other app too");
        // the admin is still in, and finds nobody by that name any more
        page = admin.getPage(APP + "/admin/index.xhtml?q=alice");
        assertEquals(0, page.getByXPath("//ul[@id='users']/li").size(), page.asNormalizedText());
    }

    /** A session's id sent by someone else's form ends nothing: sessions are looked up among the caller's own. */
    @Test
    @Order(3)
    void aUserCanEndOnlyTheirOwnSessions() throws Exception {
        WebClient bobsLaptop = cluster.browser();
        TwoNodeCluster.signIn(bobsLaptop, "bob", "Bob-Passw0rd!");
        HtmlPage bobs = TwoNodeCluster.signIn(cluster.browser(), "bob", "Bob-Passw0rd!");
        String laptopsId = bobs.<org.htmlunit.html.HtmlHiddenInput>getFirstByXPath("//input[@name='session']")
                .getValueAttribute();
        TwoNodeCluster.signIn(cluster.browser(), "alice", ALICE);
        WebClient alice = cluster.browser();
        HtmlPage alices = TwoNodeCluster.signIn(alice, "alice", ALICE);
        assertFalse(alices.asNormalizedText().contains("bob"), "alice's page lists her sessions only");

        // alice's own form, naming bob's laptop's session
        org.htmlunit.html.HtmlHiddenInput field = alices.getFirstByXPath("//input[@name='session']");
        field.setValueAttribute(laptopsId);
        HtmlPage after = field.getEnclosingForm().<HtmlSubmitInput>getFirstByXPath(".//input[@type='submit']").click();
        assertEquals(APP + PROFILE + "?ended=0", after.getUrl().toString());
        assertEquals("bob", ((HtmlPage) bobsLaptop.getPage(APP + PROFILE)).getElementById("username").getTextContent());
        // and the admin's page is refused to her, its search too
        assertEquals(403, ((HtmlPage) alice.getPage(APP + "/admin/index.xhtml?q=bob"))
                .getWebResponse().getStatusCode());
    }

    /**
     * Page after page of one session leaves nothing behind in it: Payara remembers each attribute value it checked
     * before writing the session to the grid, in a cache that never evicted (Mojarra's map of views, put back after
     * every page with a new hash, was a new entry each time: {@code BoundedSerializableChecks}). Counted on the node
     * that serves them all (as behind a sticky balancer), in the entries of that cache, with the JDK's jcmd.
     */
    @Test
    @Order(4)
    void pageAfterPageOfOneSessionLeavesNothingBehindOnItsNode() throws Exception {
        WebClient browser = cluster.browser();
        TwoNodeCluster.signIn(browser, "bob", "Bob-Passw0rd!");
        PayaraNode node = nodes.get(0);
        String profile = node.uri().resolve(PROFILE).toString();
        assertEquals("bob", ((HtmlPage) browser.getPage(profile)).getElementById("username").getTextContent());
        String histogram = histogram(node);
        long payarasBefore = liveObjects(histogram, PAYARAS_CHECKED_VALUE);
        long boundedBefore = liveObjects(histogram, BOUNDED_CHECKED_VALUE);
        assertTrue(boundedBefore > 0, "bob's session has the bounded cache: " + histogram);
        for (int page = 0; page < PAGES; page++) {
            HtmlPage shown = browser.getPage(profile);
            assertEquals("bob", shown.getElementById("username").getTextContent(), "page " + page);
        }
        histogram = histogram(node);
        long payaras = liveObjects(histogram, PAYARAS_CHECKED_VALUE) - payarasBefore;
        long bounded = liveObjects(histogram, BOUNDED_CHECKED_VALUE) - boundedBefore;
        assertTrue(payaras < PAGES / 10, node.name() + " holds " + payaras + " more entries of Payara's cache after "
                + PAGES + " pages of one session");
        assertTrue(bounded <= BoundedSerializableChecks.CHECKED, node.name() + " holds " + bounded
                + " more entries of the bounded cache after " + PAGES + " pages of one session");
    }

    /** The node's live objects by class: jcmd's class histogram, after a full collection. */
    private static String histogram(PayaraNode node) throws Exception {
        Process jcmd = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "jcmd").toString(),
                Long.toString(node.pid()), "GC.class_histogram").redirectErrorStream(true).start();
        String histogram = new String(jcmd.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertEquals(0, jcmd.waitFor(), histogram);
        return histogram;
    }

    /** How many live objects of {@code type} a class histogram counts (none when it has no row). */
    private static long liveObjects(String histogram, String type) {
        Matcher row = Pattern.compile("^\\s*\\d+:\\s+(\\d+)\\s+\\d+\\s+" + Pattern.quote(type) + "$", Pattern.MULTILINE)
                .matcher(histogram);
        return row.find() ? Long.parseLong(row.group(1)) : 0;
    }

    @Test
    @Order(5)
    void theIndexForgetsSessionsThatEndBySignOutOrTimeoutEvenWhenANodeDiesAndKeepsTheOthers() throws Exception {
        WebClient stays = cluster.browser();
        TwoNodeCluster.signIn(stays, "alice", ALICE);
        WebClient signsOut = cluster.browser();
        HtmlPage signingOut = TwoNodeCluster.signIn(signsOut, "alice", ALICE);
        WebClient idles = cluster.browser();
        TwoNodeCluster.signIn(idles, "alice", ALICE);
        int listed = sessions(stays.getPage(APP + PROFILE)).size();
        assertTrue(listed >= 3, "three sessions of alice at least: " + listed);

        // 1. a sign-out: gone at once
        signingOut.getHtmlElementById("signOut:signOutButton").click();
        assertEquals(listed - 1, sessions(stays.getPage(APP + PROFILE)).size());

        // 2. a node dies, and a session is left idle past its timeout: its entry goes all the same (the grid's own
        //    expiry, whichever node wrote it); the busy session lives on, listed once, on the node that is left
        nodes.get(0).kill();
        long deadline = System.nanoTime() + IDLE.multipliedBy(3).toNanos();
        HtmlPage profile;
        do {
            Thread.sleep(2_000);
            profile = stays.getPage(APP + PROFILE);
            assertEquals("alice", profile.getElementById("username").getTextContent());
            listed = sessions(profile).size();
        } while (listed > 1 && System.nanoTime() < deadline);
        assertEquals(1, listed, "the idle sessions left the index, the busy one is listed: " + profile.asNormalizedText());
        assertTrue(sessions(profile).get(0).asNormalizedText().contains("served by node-b"));
    }

    private static List<HtmlElement> sessions(Object page) {
        return ((HtmlPage) page).getByXPath("//ul[contains(@class,'sessions')]/li");
    }

    private static String cookies(WebClient browser) {
        return String.join("; ", browser.getCookieManager().getCookies().stream()
                .map(cookie -> cookie.getName() + "=" + cookie.getValue()).toList());
    }

    /**
     * Whether the profile page, asked of {@code node} with the cookies, sends the browser to Cognito: to sign in, or,
     * for a session a person ended, through its /logout (its managed-login session ends too).
     */
    private static boolean sendsToCognito(PayaraNode node, String cookies) throws Exception {
        String location = TwoNodeCluster.cognitoRedirect(node, PROFILE, cookies);
        return location != null && (location.startsWith(cognito().domain() + "/oauth2/authorize")
                || location.startsWith(cognito().domain() + "/logout?"));
    }

    private static HttpResponse<String> api(PayaraNode node, String accessToken) throws Exception {
        return TwoNodeCluster.api(node, accessToken);
    }

    private static LocalCognito cognito() {
        return SharedCognito.cognito();
    }
}
