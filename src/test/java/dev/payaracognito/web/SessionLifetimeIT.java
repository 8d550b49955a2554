package dev.payaracognito.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.payaracognito.localcognito.Endpoint;
import dev.payaracognito.testing.AppDeployment;
import dev.payaracognito.testing.BrowserTest;
import java.time.Duration;
import org.htmlunit.html.HtmlPage;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.Test;

/**
 * Staying signed in past the tokens' life, and the session's two limits. Here sessions idle out after 5 s and
 * end 8 s after sign-in (the defaults are 30 minutes and 12 hours); tokens live 15 s where a test says so.
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
        // 1. signed in with tokens that live 15 s (the mechanism refreshes them 10 s before they expire)
        cognito().tokenLifetime(Duration.ofSeconds(15));
        signInAt("/secure/profile.xhtml", "alice", "Alice-Passw0rd!");
        int tokenRequests = cognito().requests(Endpoint.TOKEN);

        // 2. past the refresh point, the next page refreshes them: same user, no sign-in form, no error
        Thread.sleep(4_000);
        HtmlPage profile = get("/secure/profile.xhtml");
        Thread.sleep(2_500);
        profile = get("/secure/profile.xhtml");
        assertEquals(APP + "/secure/profile.xhtml", profile.getUrl().toString());
        assertEquals("alice", profile.getElementById("username").getTextContent());
        assertTrue(cognito().requests(Endpoint.TOKEN) > tokenRequests, "a refresh_token grant was made");
    }

    @Test
    void aRefusedRefreshEndsTheSessionAndSendsTheUserToSignInWithoutAnErrorPage() throws Exception {
        // 1. signed in with 15 s tokens; active, so the 5 s idle timeout does not end the session first
        cognito().tokenLifetime(Duration.ofSeconds(15));
        signInAt("/secure/profile.xhtml", "alice", "Alice-Passw0rd!");
        Thread.sleep(3_000);
        get("/secure/profile.xhtml");
        Thread.sleep(3_000);
        int authorizations = cognito().requests(Endpoint.AUTHORIZE);

        // 2. Cognito refuses the refresh: straight back to sign in (no error page), then to the same page
        cognito().answerNextTokenRequest(400, "application/json", "{\"error\":\"invalid_grant\"}");
        HtmlPage again = get("/secure/profile.xhtml?tab=x");
        assertEquals(APP + "/secure/profile.xhtml?tab=x", again.getUrl().toString());
        assertEquals("alice", again.getElementById("username").getTextContent());
        assertTrue(cognito().requests(Endpoint.AUTHORIZE) > authorizations, "signed in again at Cognito");
    }

    @Test
    void anIdleSessionEnds() throws Exception {
        signInAt("/secure/profile.xhtml", "bob", "Bob-Passw0rd!");
        Thread.sleep(6_000);
        assertNotSignedIn();
    }

    @Test
    void aBusySessionStillEndsAtItsMaximumLifetime() throws Exception {
        signInAt("/secure/profile.xhtml", "bob", "Bob-Passw0rd!");
        browser.getOptions().setRedirectEnabled(false);
        for (int second = 0; second < 6; second++) {
            Thread.sleep(1_500);
            if (status(get("/secure/profile.xhtml")) != 200) {
                break;
            }
        }
        assertNotSignedIn();
    }
}
