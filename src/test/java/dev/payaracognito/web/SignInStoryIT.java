package dev.payaracognito.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.payaracognito.localcognito.Endpoint;
import dev.payaracognito.testing.AppDeployment;
import dev.payaracognito.testing.BrowserTest;
import java.net.URL;
import java.util.List;
import java.util.Set;
import org.htmlunit.HttpMethod;
import org.htmlunit.Page;
import org.htmlunit.WebRequest;
import org.htmlunit.html.HtmlPage;
import org.htmlunit.util.Cookie;
import org.htmlunit.util.NameValuePair;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.shrinkwrap.api.asset.StringAsset;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.Test;

/** The sign-in stories of the README, in a real browser session against Payara Micro and the local Cognito. */
class SignInStoryIT extends BrowserTest {

    /** A public page with a text form, as an application built on this one would have (test-only). */
    private static final String ECHO_PAGE = """
            <!DOCTYPE html>
            <html xmlns:h="jakarta.faces.html">
            <h:body>
                <h:form id="echo">
                    <h:inputText id="word" value="#{requestScope.word}"/>
                    <h:commandButton id="send" value="Send"/>
                </h:form>
                <p id="echoed">#{requestScope.word}</p>
            </h:body>
            </html>
            """;

    @Deployment(testable = false)
    static WebArchive deployment() {
        return AppDeployment.war().addAsWebResource(new StringAsset(ECHO_PAGE), "echo.xhtml");
    }

    @Test
    void publicPageIsOpenToEveryone() throws Exception {
        // 1. the home page, signed out: public, with a Sign in button
        HtmlPage home = get("/");
        assertEquals(200, status(home));
        assertNotNull(home.getElementById("signIn:signInButton"));
        assertNull(home.getElementById("greeting"));
    }

    @Test
    void aliceSignsInAndLandsOnThePageSheAskedFor() throws Exception {
        // 1. a protected page, signed out: the browser goes to Cognito's hosted UI
        HtmlPage login = get("/secure/profile.xhtml?tab=details");
        assertTrue(login.getUrl().toString().startsWith(cognito().domain() + "/login"), login.getUrl().toString());

        // 2. a wrong password is refused there
        HtmlPage refused = signInAs(login, "alice", "not-her-password");
        assertTrue(text(refused).contains("Incorrect username or password."));

        // 3. the right password: back on the page she asked for, her name and email shown
        HtmlPage profile = signInAs(refused, "alice", "Alice-Passw0rd!");
        assertEquals(APP + "/secure/profile.xhtml?tab=details", profile.getUrl().toString());
        assertEquals("alice", profile.getElementById("username").getTextContent());
        assertEquals("alice@example.com", profile.getElementById("email").getTextContent());
        assertEquals("none", profile.getElementById("groups").getTextContent());
    }

    @Test
    void theSignInButtonSignsInAndShowsTheProfile() throws Exception {
        // 1. Sign in on the home page
        HtmlPage login = seen(((HtmlPage) get("/")).getHtmlElementById("signIn:signInButton").click());
        // 2. the hosted UI, then the profile
        HtmlPage profile = signInAs(login, "bob", "Bob-Passw0rd!");
        assertEquals(APP + "/secure/profile.xhtml", profile.getUrl().toString());
        assertEquals("admins", profile.getElementById("groups").getTextContent());
    }

    @Test
    void adminPageIsForbiddenToAliceAndOpenToBob() throws Exception {
        // 1. alice asks for the admin page and signs in: a friendly 403
        HtmlPage forbidden = signInAs(get("/admin/index.xhtml"), "alice", "Alice-Passw0rd!");
        assertEquals(403, status(forbidden));
        assertTrue(text(forbidden).contains("You do not have access to this page"));

        // 2. bob, in group admins, gets it
        browser = newBrowser();
        HtmlPage admin = signInAt("/admin/index.xhtml", "bob", "Bob-Passw0rd!");
        assertEquals(200, status(admin));
        assertNotNull(admin.getElementById("admin-welcome"));
    }

    @Test
    void formsKeepNonAsciiInputSignedOutAndSignedIn() throws Exception {
        String word = "Grüße, Zoë — 東京";
        // 1. signed out: the sign-in mechanism looks at every request before Faces does
        assertEquals(word, echo(word));
        // 2. signed in
        signInAt("/secure/profile.xhtml", "alice", "Alice-Passw0rd!");
        assertEquals(word, echo(word));
    }

    private String echo(String word) throws Exception {
        HtmlPage form = get("/echo.xhtml");
        form.getHtmlElementById("echo:word").setAttribute("value", word);
        HtmlPage echoed = seen(form.getHtmlElementById("echo:send").click());
        return echoed.getElementById("echoed").getTextContent();
    }

    @Test
    void signInGivesANewSessionIdAndSafeCookies() throws Exception {
        // 1. a session before signing in (the home page's form)
        get("/");
        String before = sessionCookie().getValue();
        // 2. after signing in, another one: no session fixation
        signInAt("/secure/profile.xhtml", "alice", "Alice-Passw0rd!");
        Cookie after = sessionCookie();
        assertFalse(before.equals(after.getValue()));
        assertTrue(after.isHttpOnly());
        assertEquals("lax", after.getSameSite().toLowerCase());
    }

    @Test
    void signOutEndsBothSessionsAndTheNextSignInAsksForThePassword() throws Exception {
        // 1. signed in
        HtmlPage profile = signInAt("/secure/profile.xhtml", "alice", "Alice-Passw0rd!");
        String signedInSession = sessionCookie().getValue();

        // 2. Sign out (a POST with the form's view state): through Cognito's /logout, back home, signed out
        HtmlPage home = seen(profile.getHtmlElementById("signOut:signOutButton").click());
        assertEquals(APP + "/", home.getUrl().toString());
        assertNotNull(home.getElementById("signIn:signInButton"));

        // 3. the old session cookie no longer signs anyone in
        browser = newBrowser();
        browser.getCookieManager().addCookie(new Cookie("localhost", "JSESSIONID", signedInSession));
        HtmlPage again = get("/secure/profile.xhtml");
        assertTrue(again.getUrl().toString().startsWith(cognito().domain() + "/login"));
        assertTrue(Set.of(again.getForms().get(0).getInputByName("password")).size() == 1);
    }

    @Test
    void signOutRevokesTheRefreshTokenAndSucceedsLocallyWhenCognitoCannot() throws Exception {
        // 1. a normal sign-out revokes the refresh token at Cognito
        HtmlPage profile = signInAt("/secure/profile.xhtml", "alice", "Alice-Passw0rd!");
        int revocations = cognito().requests(Endpoint.REVOKE);
        seen(profile.getHtmlElementById("signOut:signOutButton").click());
        assertEquals(revocations + 1, cognito().requests(Endpoint.REVOKE));

        // 2. with Cognito failing, the user is still signed out here, and told
        profile = signInAt("/secure/profile.xhtml", "alice", "Alice-Passw0rd!");
        cognito().fail(Endpoint.REVOKE, 503);
        HtmlPage home = seen(profile.getHtmlElementById("signOut:signOutButton").click());
        assertEquals(APP + "/?signed-out=locally", home.getUrl().toString());
        assertNotNull(home.getElementById("signed-out-locally"));
        assertNotNull(home.getElementById("signIn:signInButton"));
        browser.getOptions().setRedirectEnabled(false);
        assertEquals(302, status(get("/secure/profile.xhtml")), "signed out here");
    }

    @Test
    void afterSignOutTheSameBrowserMustTypeThePasswordAgain() throws Exception {
        HtmlPage profile = signInAt("/secure/profile.xhtml", "bob", "Bob-Passw0rd!");
        seen(profile.getHtmlElementById("signOut:signOutButton").click());
        HtmlPage login = get("/secure/profile.xhtml");
        assertTrue(login.getUrl().toString().startsWith(cognito().domain() + "/login"),
                "Cognito's own session must have ended: " + login.getUrl());
    }

    @Test
    void aSignOutPostWithoutThisPagesViewStateSignsNobodyOut() throws Exception {
        // 1. signed in
        signInAt("/secure/profile.xhtml", "bob", "Bob-Passw0rd!");

        // 2. a cross-site form posts "Sign out" with a made-up view state: refused, clearly
        WebRequest forged = new WebRequest(new URL(APP + "/secure/profile.xhtml"), HttpMethod.POST);
        forged.setRequestParameters(List.of(new NameValuePair("signOut", "signOut"),
                new NameValuePair("signOut:signOutButton", "Sign out"),
                new NameValuePair("jakarta.faces.ViewState", "-1234:5678")));
        Page refused = seen(browser.getPage(forged));
        assertEquals(400, status(refused));
        assertTrue(text(refused).contains("This page has expired"));

        // 3. still signed in
        HtmlPage profile = get("/secure/profile.xhtml");
        assertEquals(APP + "/secure/profile.xhtml", profile.getUrl().toString());
        assertEquals("bob", profile.getElementById("username").getTextContent());
    }

    @Test
    void everyResponseCarriesTheSecurityHeaders() throws Exception {
        // 1. the public page, the redirect to Cognito, an error page, a signed-in page
        List<Page> pages = new java.util.ArrayList<>(List.of(get("/"), get("/callback?code=x&state=y")));
        browser.getOptions().setRedirectEnabled(false);
        pages.add(get("/secure/profile.xhtml"));
        browser.getOptions().setRedirectEnabled(true);
        HtmlPage profile = signInAt("/secure/profile.xhtml", "alice", "Alice-Passw0rd!");
        pages.add(profile);
        for (Page page : pages) {
            String csp = page.getWebResponse().getResponseHeaderValue("Content-Security-Policy");
            for (String directive : List.of("object-src 'none'", "base-uri 'none'", "frame-ancestors 'none'")) {
                assertTrue(csp != null && csp.contains(directive), page.getUrl() + " CSP: " + csp);
            }
            assertEquals("nosniff", page.getWebResponse().getResponseHeaderValue("X-Content-Type-Options"));
            assertEquals("no-referrer", page.getWebResponse().getResponseHeaderValue("Referrer-Policy"));
            // plain-http localhost: no HSTS (a browser would ignore it anyway)
            assertNull(page.getWebResponse().getResponseHeaderValue("Strict-Transport-Security"));
        }
        // 2. a signed-in page is never cached, so Back shows nothing after sign-out
        assertEquals("no-store", profile.getWebResponse().getResponseHeaderValue("Cache-Control"));

        // 3. the tokens stay on the server: not in the page, not in its view state
        assertFalse(text(profile).contains("eyJ"), "no JWT in the page");

        // 4. no TRACE
        assertEquals(405, status(seen(browser.getPage(new WebRequest(new URL(APP + "/"), HttpMethod.TRACE)))));

        // 5. no CORS for a stranger's origin
        WebRequest crossOrigin = new WebRequest(new URL(APP + "/"));
        crossOrigin.setAdditionalHeader("Origin", "https://evil.example");
        assertNull(seen(browser.getPage(crossOrigin)).getWebResponse()
                .getResponseHeaderValue("Access-Control-Allow-Origin"));
    }

    private Cookie sessionCookie() {
        return browser.getCookieManager().getCookie("JSESSIONID");
    }
}
