package dev.payaracognito.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.payaracognito.localcognito.AppClient;
import dev.payaracognito.localcognito.Endpoint;
import dev.payaracognito.localcognito.UserPool;
import dev.payaracognito.testing.AppDeployment;
import dev.payaracognito.testing.AppMetrics;
import dev.payaracognito.testing.BrowserTest;
import dev.payaracognito.testing.DueTokens;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import org.htmlunit.Page;
import org.htmlunit.html.HtmlPage;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.Test;

/**
 * Staying signed in past the tokens' life, and the session's two limits. Here sessions idle out after 5 s and
 * end 8 s after sign-in (the defaults are 30 minutes and 12 hours); tokens fall due at once where a test says so.
 */
class SessionLifetimeIT extends BrowserTest {

    @Deployment(testable = false)
    static WebArchive deployment() {
        return AppDeployment.war(
                "app.session.idle-timeout=PT5S",
                "app.session.max-lifetime=PT8S");
    }

    @Test
    void tokensAreRefreshedInvisiblyWhileTheSessionLives() throws Exception {
        // 1. signed in with tokens due at once
        cognito().tokenLifetime(DueTokens.SOON);
        signInAt("/secure/profile.xhtml", "alice", "Alice-Passw0rd!");
        String session = sessionCookie();
        int authorizations = cognito().requests(Endpoint.AUTHORIZE);
        int refreshes = cognito().tokenRequests("refresh_token");

        // 2. once they are due, the next page refreshes them: same user, same session, no sign-in at Cognito
        DueTokens.await(cognito(), "alice");
        HtmlPage profile = get("/secure/profile.xhtml");
        assertEquals(APP + "/secure/profile.xhtml", profile.getUrl().toString());
        assertEquals("alice", profile.getElementById("username").getTextContent());
        assertEquals(refreshes + 1, cognito().tokenRequests("refresh_token"), "one refresh_token grant");
        assertEquals(authorizations, cognito().requests(Endpoint.AUTHORIZE), "not a quiet new sign-in");
        assertEquals(session, sessionCookie(), "the same session");
    }

    @Test
    void aRefusedRefreshEndsTheSessionAndSendsTheUserToSignInWithoutAnErrorPage() throws Exception {
        // 1. signed in with tokens due at once, and they are due
        cognito().tokenLifetime(DueTokens.SOON);
        signInAt("/secure/profile.xhtml", "alice", "Alice-Passw0rd!");
        DueTokens.await(cognito(), "alice");
        int authorizations = cognito().requests(Endpoint.AUTHORIZE);

        // 2. Cognito refuses the refresh: straight back to sign in (no error page, and with PKCE, which the app
        //    client now demands), then to the same page
        AppClient demo = cognito().pool().client(UserPool.DEMO_CLIENT_ID).orElseThrow();
        cognito().updateClient(demo.withRequirePkce(true));
        try {
            cognito().answerNextTokenRequest(400, "application/json", "{\"error\":\"invalid_grant\"}");
            HtmlPage again = get("/secure/profile.xhtml?tab=x");
            assertEquals(APP + "/secure/profile.xhtml?tab=x", again.getUrl().toString());
            assertEquals("alice", again.getElementById("username").getTextContent());
            assertTrue(cognito().requests(Endpoint.AUTHORIZE) > authorizations, "signed in again at Cognito");
        } finally {
            cognito().updateClient(demo);
        }
    }

    /** An idle session ends, and its sign-in with it, as at a sign-out: Cognito no longer honours its refresh token. */
    @Test
    void anIdleSessionEndsItsSignIn() throws Exception {
        signInAt("/secure/profile.xhtml", "bob", "Bob-Passw0rd!");
        String refreshToken = cognito().lastTokens("bob").get("refresh_token");
        Thread.sleep(6_000);
        assertNotSignedIn();
        assertRevokedSoon(refreshToken);
    }

    @Test
    void aBusySessionStillEndsAtItsMaximumLifetime() throws Exception {
        signInAt("/secure/profile.xhtml", "bob", "Bob-Passw0rd!");
        String refreshToken = cognito().lastTokens("bob").get("refresh_token");
        Instant signedIn = Instant.now(); // a little after the app recorded the sign-in
        browser.getOptions().setRedirectEnabled(false);
        // 1. busy (a page every 0.5 s, so never idle for 5 s): served until just before the 8 s lifetime
        Page page;
        do {
            Thread.sleep(500);
            page = get("/secure/profile.xhtml");
        } while (status(page) == 200 && Instant.now().isBefore(signedIn.plusSeconds(12)));
        Duration lived = Duration.between(signedIn, Instant.now());
        // 2. then sent to sign in again, within a second or two of the limit
        assertEquals(302, status(page), "the session ended after " + lived);
        assertTrue(lived.compareTo(Duration.ofSeconds(7)) >= 0 && lived.compareTo(Duration.ofSeconds(10)) <= 0,
                "ended after " + lived + ", the lifetime is 8 s");
        assertEquals(APP + "/secure/profile.xhtml", page.getWebResponse().getResponseHeaderValue("Location"));
        assertNotSignedIn();
        // 3. and the sign-in with it, as at a sign-out
        assertRevokedSoon(refreshToken);
    }

    /** The app revokes in the background: within a few seconds, Cognito refuses the refresh token. */
    private void assertRevokedSoon(String refreshToken) throws InterruptedException {
        Instant deadline = Instant.now().plusSeconds(5);
        while (cognito().honours(refreshToken) && Instant.now().isBefore(deadline)) {
            Thread.sleep(100);
        }
        assertFalse(cognito().honours(refreshToken), "the session's refresh token is still honoured");
    }

    /** Signed-in users keep working while Cognito is down, but neither of the session's limits waits for it. */
    @Test
    void bothLimitsHoldWhileCognitoIsDown() throws Exception {
        // 1. alice signs in, goes idle, and Cognito goes down: after the 5 s idle timeout she is not signed in
        signInAt("/secure/profile.xhtml", "alice", "Alice-Passw0rd!");
        cognito().stop();
        try {
            browser.getOptions().setRedirectEnabled(false);
            assertEquals(200, status(get("/secure/profile.xhtml")), "served while Cognito is down");
            Thread.sleep(6_000);
            Page idle = get("/secure/profile.xhtml");
            assertEquals(503, status(idle), "not served: signed out, and no sign-in can start while Cognito is down");
        } finally {
            startCognitoAndAwaitTheAppSeeingIt();
            browser.getOptions().setRedirectEnabled(true);
        }

        // 2. bob signs in and stays busy while Cognito is down: his session still ends at its 8 s lifetime
        browser = newBrowser();
        signInAt("/secure/profile.xhtml", "bob", "Bob-Passw0rd!");
        Instant signedIn = Instant.now();
        cognito().stop();
        Page page;
        Duration lived;
        try {
            browser.getOptions().setRedirectEnabled(false);
            do {
                Thread.sleep(500);
                page = get("/secure/profile.xhtml");
            } while (status(page) == 200 && Instant.now().isBefore(signedIn.plusSeconds(12)));
            lived = Duration.between(signedIn, Instant.now());
        } finally {
            startCognitoAndAwaitTheAppSeeingIt();
            browser.getOptions().setRedirectEnabled(true);
        }
        assertEquals(302, status(page), "the session ended after " + lived);
        assertTrue(lived.compareTo(Duration.ofSeconds(7)) >= 0 && lived.compareTo(Duration.ofSeconds(10)) <= 0,
                "ended after " + lived + ", the lifetime is 8 s");
        assertNotSignedIn();
    }

    /**
     * While Cognito is down, a session whose tokens are due keeps working without a refresh, and the deferral is
     * said once per session (the audit line {@code refresh-deferred} and this counter are written together), not
     * once per page.
     */
    @Test
    void aDeferredRefreshIsSaidOncePerSessionNotOncePerPage() throws Exception {
        cognito().tokenLifetime(DueTokens.SOON);
        double before = deferredRefreshes();
        signInAt("/secure/profile.xhtml", "alice", "Alice-Passw0rd!");
        cognito().stop();
        try {
            browser.getOptions().setRedirectEnabled(false);
            DueTokens.await(cognito(), "alice");
            for (int page = 1; page <= 3; page++) {
                assertEquals(200, status(get("/secure/profile.xhtml")), "page " + page + ", Cognito down");
            }
            assertEquals(before + 1, deferredRefreshes(), "three pages waited for a refresh: said once");
        } finally {
            startCognitoAndAwaitTheAppSeeingIt();
            browser.getOptions().setRedirectEnabled(true);
        }
    }

    private static double deferredRefreshes() throws Exception {
        return AppMetrics.sample("payara_cognito_token_refreshes_total", "outcome=\"deferred\"");
    }

    /**
     * When the session ends on a request for a path that a browser would read as another site's address, the
     * redirect stays here: whatever the path says, the app's own pages only.
     */
    @Test
    void aSessionThatEndsOnAForeignLookingPathIsSentHomeNotAway() throws Exception {
        // 1. bob keeps his session busy until it is past its 8 s lifetime
        signInAt("/secure/profile.xhtml", "bob", "Bob-Passw0rd!");
        Instant signedIn = Instant.now();
        String session = sessionCookie();
        while (Instant.now().isBefore(signedIn.plusSeconds(9))) {
            Thread.sleep(1_500);
            if (Instant.now().isBefore(signedIn.plusSeconds(7))) {
                assertEquals(200, status(get("/secure/profile.xhtml")));
            }
        }
        // 2. a link made to look like another site's address ends it: the redirect stays on this site
        HttpResponse<String> answer = RAW.send(HttpRequest.newBuilder(URI.create(APP + "//evil.example/sign-in-again"))
                .header("Cookie", "JSESSIONID=" + session).build(), HttpResponse.BodyHandlers.ofString());
        assertEquals(302, answer.statusCode());
        assertEquals(APP + "/", answer.headers().firstValue("Location").orElseThrow());
    }

    private String sessionCookie() {
        return browser.getCookieManager().getCookie("JSESSIONID").getValue();
    }
}
