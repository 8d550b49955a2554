package dev.payaracognito.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.payaracognito.localcognito.Endpoint;
import dev.payaracognito.localcognito.HostedUiClient;
import dev.payaracognito.localcognito.tokens.Forgeries;
import dev.payaracognito.localcognito.TokenUse;
import dev.payaracognito.testing.AppDeployment;
import dev.payaracognito.testing.BrowserTest;
import dev.payaracognito.testing.DueTokens;
import java.net.URI;
import java.net.URL;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
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
        // 1. the home page, signed out: public, with a Sign in link to a protected page
        HtmlPage home = get("/");
        assertEquals(200, status(home));
        assertEquals("/secure/profile.xhtml", home.getElementById("signIn").getAttribute("href"));
        assertNull(home.getElementById("greeting"));
    }

    /** A flood of cookie-less requests must not fill the heap with sessions (each would live 30 minutes). */
    @Test
    void anonymousVisitorsGetNoSession() throws Exception {
        HttpClient anonymous = HttpClient.newHttpClient();
        for (String path : List.of("/", "/index.xhtml", "/jakarta.faces.resource/app.css.xhtml", "/jakarta.faces.resource/favicon.svg.xhtml", "/api/status",
                "/no-such-page.xhtml", "/no-such-file", "/callback", "/callback?code=c&state=s", "/error")) {
            HttpResponse<String> answer = anonymous.send(HttpRequest.newBuilder(URI.create(APP + path)).build(),
                    HttpResponse.BodyHandlers.ofString());
            assertTrue(answer.statusCode() < 500, path + ": " + answer.statusCode());
            assertEquals(List.of(), answer.headers().allValues("Set-Cookie"), path);
        }
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

    /**
     * Soteria would ask Cognito's userInfo for the groups of a user in none at her sign-in (NoUserInfoRequests;
     * seen failing without it): nothing to learn there, and a round trip to Cognito. Nor does a refresh ask it.
     */
    @Test
    void aUserInNoGroupSignsInAndIsRefreshedWithoutAskingCognitosUserInfo() throws Exception {
        int asked = cognito().requests(Endpoint.USERINFO);
        int refreshes = cognito().tokenRequests("refresh_token");
        cognito().tokenLifetime(DueTokens.SOON);
        HtmlPage profile = signInAt("/secure/profile.xhtml", "alice", "Alice-Passw0rd!");
        assertEquals("none", profile.getElementById("groups").getTextContent());
        cognito().tokenLifetime(Duration.ofHours(1));
        DueTokens.await(cognito(), "alice");
        assertEquals("alice", ((HtmlPage) get("/secure/profile.xhtml")).getElementById("username").getTextContent());
        assertEquals(refreshes + 1, cognito().tokenRequests("refresh_token"), "refreshed");
        assertEquals(asked, cognito().requests(Endpoint.USERINFO), "requests to Cognito's userInfo");
    }

    @Test
    void theSignInButtonSignsInAndShowsTheProfile() throws Exception {
        // 1. Sign in on the home page
        HtmlPage login = seen(((HtmlPage) get("/")).getHtmlElementById("signIn").click());
        // 2. the hosted UI, then the profile
        HtmlPage profile = signInAs(login, "bob", "Bob-Passw0rd!");
        assertEquals(APP + "/secure/profile.xhtml", profile.getUrl().toString());
        assertEquals("admins", profile.getElementById("groups").getTextContent());
        // the session id travels in its cookie only: never in a URL, a link or a form's action
        assertFalse(profile.getWebResponse().getContentAsString().toLowerCase(Locale.ROOT).contains("jsessionid"));
    }

    /**
     * Tokens without origin_jti come from an app client whose token revocation is off: then a sign-out cannot end
     * the sign-in's access tokens at the API. The readiness data says so; a sign-in with it on says on again.
     */
    @Test
    void theReadinessDataSaysWhetherCognitosTokenRevocationIsOn() throws Exception {
        cognito().forgeNextTokens(Forgeries.claim(TokenUse.ID, "origin_jti", null),
                Forgeries.claim(TokenUse.ACCESS, "origin_jti", null));
        signInAt("/secure/profile.xhtml", "alice", "Alice-Passw0rd!");
        assertTrue(tokenRevocation().startsWith("off"), tokenRevocation());

        browser = newBrowser();
        signInAt("/secure/profile.xhtml", "alice", "Alice-Passw0rd!");
        assertEquals("on", tokenRevocation());
    }

    private static String tokenRevocation() throws Exception {
        String ready = HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(APP + "/health/ready"))
                .build(), HttpResponse.BodyHandlers.ofString()).body();
        java.util.regex.Matcher state = java.util.regex.Pattern.compile("\"tokenRevocation\":\"([^\"]*)\"")
                .matcher(ready);
        assertTrue(state.find(), ready);
        return state.group(1);
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
        // 1. the session of a sign-in on its way (made when the browser is sent to Cognito)
        browser.getOptions().setRedirectEnabled(false);
        get("/secure/profile.xhtml");
        String before = sessionCookie().getValue();
        browser.getOptions().setRedirectEnabled(true);
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
        assertNotNull(home.getElementById("signIn"));

        // 3. the old session cookie no longer signs anyone in
        browser = newBrowser();
        browser.getCookieManager().addCookie(new Cookie("localhost", "JSESSIONID", signedInSession));
        HtmlPage again = get("/secure/profile.xhtml");
        assertTrue(again.getUrl().toString().startsWith(cognito().domain() + "/login"));
        assertNotNull(again.getFormByName("signInForm").getInputByName("password"), "the password is asked for");
    }

    @Test
    void signOutRevokesTheRefreshTokenAndSucceedsLocallyWhenCognitoCannot() throws Exception {
        // 1. a normal sign-out revokes the session's refresh token at Cognito: it no longer refreshes anything
        HtmlPage profile = signInAt("/secure/profile.xhtml", "alice", "Alice-Passw0rd!");
        String refreshToken = cognito().lastTokens("alice").get("refresh_token");
        assertEquals(200, refresh(refreshToken).statusCode(), "the session's refresh token works while signed in");
        seen(profile.getHtmlElementById("signOut:signOutButton").click());
        HttpResponse<String> refused = refresh(refreshToken);
        assertEquals(400, refused.statusCode());
        assertEquals("invalid_grant", HostedUiClient.json(refused.body()).get("error"));

        // 2. with Cognito failing, the user is still signed out here, and told
        profile = signInAt("/secure/profile.xhtml", "alice", "Alice-Passw0rd!");
        cognito().fail(Endpoint.REVOKE, 503);
        HtmlPage home = seen(profile.getHtmlElementById("signOut:signOutButton").click());
        assertEquals(APP + "/?signed-out=locally", home.getUrl().toString());
        assertNotNull(home.getElementById("signed-out-locally"));
        assertNotNull(home.getElementById("signIn"));
        browser.getOptions().setRedirectEnabled(false);
        assertEquals(302, status(get("/secure/profile.xhtml")), "signed out here");
    }

    /** Cognito revokes the sign-in's access tokens with the refresh token; the API, which checks them offline, too. */
    @Test
    void afterSignOutTheSignInsAccessTokensNoLongerReachTheApi() throws Exception {
        HtmlPage profile = signInAt("/secure/profile.xhtml", "bob", "Bob-Passw0rd!");
        String accessToken = cognito().lastTokens("bob").get("access_token");
        assertEquals(200, api(accessToken).statusCode());
        assertEquals(200, api(accessToken).statusCode(), "cached now");

        seen(profile.getHtmlElementById("signOut:signOutButton").click());
        HttpResponse<String> refused = api(accessToken);
        assertEquals(401, refused.statusCode());
        assertEquals("Bearer error=\"invalid_token\"", refused.headers().firstValue("WWW-Authenticate").orElseThrow());

        // another sign-in of the same user is not affected
        browser = newBrowser();
        signInAt("/secure/profile.xhtml", "bob", "Bob-Passw0rd!");
        assertEquals(200, api(cognito().lastTokens("bob").get("access_token")).statusCode());
    }

    private static HttpResponse<String> refresh(String refreshToken) throws Exception {
        return new HostedUiClient(cognito()).token(Map.of("grant_type", "refresh_token",
                "refresh_token", refreshToken));
    }

    private static HttpResponse<String> api(String accessToken) throws Exception {
        return HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(APP + "/api/me"))
                .header("Authorization", "Bearer " + accessToken).build(), HttpResponse.BodyHandlers.ofString());
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
        assertTrue(text(refused).contains("You are still signed in"), text(refused));
        // nor with the marker of a view that is not kept (a signed-out visitor's page is such a view), nor with
        // any other view state that is not one of this session's views
        for (String viewState : List.of("stateless", "", "garbage", "-1:-1", "1:" + "9".repeat(400), "x".repeat(8000))) {
            forged.setRequestParameters(List.of(new NameValuePair("signOut", "signOut"),
                    new NameValuePair("signOut:signOutButton", "Sign out"),
                    new NameValuePair("jakarta.faces.ViewState", viewState)));
            Page other = seen(browser.getPage(forged));
            String shown = viewState.length() > 20 ? viewState.substring(0, 20) + "…" : viewState;
            assertEquals(400, status(other), "view state \"" + shown + "\"");
            assertTrue(text(other).contains("You are still signed in"), shown + ": " + text(other));
        }

        // 3. still signed in
        HtmlPage profile = get("/secure/profile.xhtml");
        assertEquals(APP + "/secure/profile.xhtml", profile.getUrl().toString());
        assertEquals("bob", profile.getElementById("username").getTextContent());
    }

    /**
     * The profile lists ten sessions at most (each listed session is a form that every view of the page keeps), says
     * how many more there are, and "Sign out all other sessions" ends those too.
     */
    @Test
    void theProfileListsTenSessionsSaysHowManyMoreAndSignsOutOfThemAll() throws Exception {
        // 1. alice signed in in eleven other browsers, then in this one
        for (int i = 0; i < 11; i++) {
            browser.close();
            browser = newBrowser();
            signInAt("/secure/profile.xhtml", "alice", "Alice-Passw0rd!");
        }
        browser.close();
        browser = newBrowser();
        HtmlPage profile = signInAt("/secure/profile.xhtml", "alice", "Alice-Passw0rd!");
        assertEquals(10, profile.getByXPath("//ul[@class='sessions']/li").size(), "ten listed");
        assertTrue(((org.htmlunit.html.HtmlListItem) profile.getByXPath("//ul[@class='sessions']/li").get(0))
                .asNormalizedText().contains("This session"), "this one first");
        String unlisted = profile.getElementById("sessions-unlisted").asNormalizedText();
        // two at least: other tests of this class may have left sessions of alice's too
        int more = Integer.parseInt(unlisted.replaceAll("\\D*(\\d+).*", "$1"));
        assertTrue(more >= 2, unlisted);

        // 2. all the others, listed or not, are ended
        HtmlPage after = seen(profile.getHtmlElementById("others:endOthers").click());
        assertEquals(1, after.getByXPath("//ul[@class='sessions']/li").size(), after.asNormalizedText());
        assertNull(after.getElementById("sessions-unlisted"));
        assertTrue(after.getElementById("sessions-ended").asNormalizedText().contains("your other sessions"));
    }

    /** web.xml keeps five pages' views per session (Mojarra's default is fifteen, of fifteen views each). */
    @Test
    void aSessionKeepsTheFormsOfItsLastFivePagesAndAnOlderOneExpires() throws Exception {
        // 1. signed in, then the profile shown five more times: the first page is six pages back
        HtmlPage first = signInAt("/secure/profile.xhtml", "bob", "Bob-Passw0rd!");
        List<HtmlPage> later = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
            later.add(get("/secure/profile.xhtml"));
        }

        // 2. its form has expired: refused, clearly (still signed in, it says), and nothing is done
        Page expired = seen(first.getHtmlElementById("signOut:signOutButton").click());
        assertEquals(400, status(expired));
        assertTrue(text(expired).contains("You are still signed in"), text(expired));

        // 3. the form of the page five back still works: bob, still signed in, signs out with it
        HtmlPage home = seen(later.get(0).getHtmlElementById("signOut:signOutButton").click());
        assertEquals(APP + "/", home.getUrl().toString());
        assertNotNull(home.getElementById("signIn"));
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
            // nothing tells a visitor which server and version answers (payara-config/pre-boot-commands.asadmin)
            assertNull(page.getWebResponse().getResponseHeaderValue("Server"), page.getUrl().toString());
            assertNull(page.getWebResponse().getResponseHeaderValue("X-Powered-By"), page.getUrl().toString());
            // plain-http localhost: no HSTS (a browser would ignore it anyway)
            assertNull(page.getWebResponse().getResponseHeaderValue("Strict-Transport-Security"));
        }
        // 2. a signed-in page is never cached, so Back shows nothing after sign-out
        assertEquals("no-store", profile.getWebResponse().getResponseHeaderValue("Cache-Control"));

        // 3. the tokens stay on the server: not in the page, and its view state is the server's (the id of a view
        //    kept in the session, "n:m"), not the view itself written into the page, where an encrypted client-side
        //    state could hold anything unseen
        assertFalse(text(profile).contains("eyJ"), "no JWT in the page");
        List<String> viewStates = profile.getByXPath("//input[@name='jakarta.faces.ViewState']/@value").stream()
                .map(value -> ((org.htmlunit.html.DomAttr) value).getValue()).toList();
        assertFalse(viewStates.isEmpty(), "the sign-out form carries a view state");
        for (String viewState : viewStates) {
            assertTrue(viewState.matches("-?\\d{1,20}:-?\\d{1,20}"), "a view kept on the server, not " + viewState);
        }

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
