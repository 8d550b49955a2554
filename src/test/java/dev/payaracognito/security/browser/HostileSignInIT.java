package dev.payaracognito.security.browser;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.nimbusds.jose.JWSAlgorithm;
import dev.payaracognito.localcognito.AppClient;
import dev.payaracognito.localcognito.Endpoint;
import dev.payaracognito.localcognito.HostedUiClient;
import dev.payaracognito.localcognito.TokenUse;
import dev.payaracognito.localcognito.UserPool;
import dev.payaracognito.localcognito.tokens.Forgeries;
import dev.payaracognito.localcognito.tokens.TokenForgery;
import dev.payaracognito.testing.AppDeployment;
import dev.payaracognito.testing.BrowserTest;
import dev.payaracognito.testing.DueTokens;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.net.Socket;
import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.htmlunit.Page;
import org.htmlunit.WebClient;
import org.htmlunit.html.HtmlForm;
import org.htmlunit.html.HtmlInput;
import org.htmlunit.html.HtmlPage;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The "Sign-in callback" and "Tokens from sign-in" sections of docs/security.md: a hostile or
 * broken Cognito (the local one, bent through its hooks) never gets anyone signed in, and the user always gets
 * a clear page, never a 500.
 */
class HostileSignInIT extends BrowserTest {

    private static final String SIGN_IN_FAILED = "Sign-in failed";
    private static final String NOT_UNDERSTOOD = "That request could not be understood";
    private static final String COGNITO_TROUBLE = "Amazon Cognito is having trouble";

    @Deployment(testable = false)
    static WebArchive deployment() {
        return AppDeployment.war();
    }

    @Test
    void alteredStateIsRefusedBeforeTheCodeIsExchanged() throws Exception {
        cognito().bendNextState(state -> state + "x");
        int tokenRequests = cognito().requests(Endpoint.TOKEN);
        Page page = signInAs(get("/secure/profile.xhtml"), "alice", "Alice-Passw0rd!");
        assertRefused(page, 401, SIGN_IN_FAILED);
        assertEquals(tokenRequests, cognito().requests(Endpoint.TOKEN), "the token endpoint is not called");
    }

    @Test
    void missingStateIsRefused() throws Exception {
        cognito().bendNextState(state -> null);
        assertRefused(signInAs(get("/secure/profile.xhtml"), "alice", "Alice-Passw0rd!"), 400, NOT_UNDERSTOOD);
    }

    @Test
    void aReplayedCallbackIsRefusedAndTheCodeNeverExchangedTwice() throws Exception {
        // 1. alice's browser gets a callback URL and uses it
        HtmlPage login = get("/secure/profile.xhtml");
        browser.getOptions().setRedirectEnabled(false);
        Page toCallback = signInAs(login, "alice", "Alice-Passw0rd!");
        String callback = toCallback.getWebResponse().getResponseHeaderValue("Location");
        browser.getOptions().setRedirectEnabled(true);
        assertEquals(200, status(get(callback)));
        int tokenRequests = cognito().requests(Endpoint.TOKEN);

        // 2. her own browser again (Back, a second tab): refused, and she stays signed in
        Page again = get(callback);
        assertEquals(400, status(again));
        assertTrue(text(again).contains(NOT_UNDERSTOOD), text(again));
        assertStillAlice();

        // 3. another browser replays it
        browser = newBrowser();
        assertRefused(get(callback), 400, NOT_UNDERSTOOD);
        assertEquals(tokenRequests, cognito().requests(Endpoint.TOKEN), "the code is never exchanged twice");
    }

    /**
     * A link or an image on another site that points at /callback (an error, a made-up state, nothing) must not
     * sign anyone out: sign-out is a POST with this page's view state.
     */
    @Test
    void aCallbackThatAnswersNoSignInOfThisSessionLeavesItAlone() throws Exception {
        signInAt("/secure/profile.xhtml", "alice", "Alice-Passw0rd!");
        int tokenRequests = cognito().requests(Endpoint.TOKEN);
        for (String callback : List.of("/callback?error=access_denied&error_description=bye",
                "/callback?error=access_denied&state=x", "/callback?code=c0de&state=st4te", "/callback",
                "/callback?code=c0de", "/callback?state=st4te", "/./callback?error=server_error")) {
            Page page = get(callback);
            assertEquals(400, status(page), callback);
            assertTrue(text(page).contains(NOT_UNDERSTOOD), callback);
            assertStillAlice();
        }
        assertEquals(tokenRequests, cognito().requests(Endpoint.TOKEN), "nothing exchanged");
    }

    /**
     * An error callback acts only when it names the pending sign-in's state: a link on another site that sends the
     * browser to /callback?error=… while it is at the hosted UI does not end its sign-in.
     */
    @Test
    void anErrorCallbackWithAnotherStateLeavesThePendingSignInAlone() throws Exception {
        // 1. a sign-in is pending: the browser is at the hosted UI
        HtmlPage login = get("/secure/profile.xhtml");
        int tokenRequests = cognito().requests(Endpoint.TOKEN);

        // 2. another site sends it to the callback with an error, a made-up state, and no state at all
        for (String callback : List.of("/callback?error=access_denied&state=made-up", "/callback?error=server_error")) {
            Page page = get(callback);
            assertEquals(400, status(page), callback);
            assertTrue(text(page).contains(NOT_UNDERSTOOD), callback);
        }
        assertEquals(tokenRequests, cognito().requests(Endpoint.TOKEN));

        // 3. the sign-in goes on as if nothing happened
        Page profile = signInAs(login, "alice", "Alice-Passw0rd!");
        assertEquals(APP + "/secure/profile.xhtml", profile.getUrl().toString(), text(profile));
        assertStillAlice();
    }

    /**
     * PKCE on every sign-in: the authorization request carries an S256 challenge, and with a client that demands one
     * (the local Cognito refuses the sign-in otherwise, and a wrong verifier at the exchange) the sign-in completes.
     */
    @Test
    void everySignInSendsPkceAndExchangesTheCodeWithItsVerifier() throws Exception {
        AppClient demo = cognito().pool().client(UserPool.DEMO_CLIENT_ID).orElseThrow();
        cognito().updateClient(demo.withRequirePkce(true));
        try {
            browser.getOptions().setRedirectEnabled(false);
            String authorize = get("/secure/profile.xhtml").getWebResponse().getResponseHeaderValue("Location");
            assertTrue(authorize.contains("&code_challenge_method=S256"), authorize);
            assertTrue(authorize.matches(".*[?&]code_challenge=[A-Za-z0-9_-]{43}(&.*|$)"), authorize);
            browser.getOptions().setRedirectEnabled(true);
            browser = newBrowser();
            signInAt("/secure/profile.xhtml", "alice", "Alice-Passw0rd!");
            assertStillAlice();
        } finally {
            cognito().updateClient(demo);
        }
    }

    /**
     * A code stolen from one browser's sign-in (a log, a referrer) and sent to another browser's callback with that
     * browser's own state signs nobody in: the code is bound to the first browser's challenge, and the exchange
     * sends the second's verifier (RFC 9700 section 4.5, authorization code injection).
     */
    @Test
    void aCodeOfAnotherSignInInjectedIntoACallbackSignsNobodyIn() throws Exception {
        // 1. the victim's sign-in: the code Cognito sends back to it, taken before the victim's browser uses it
        HtmlPage login = get("/secure/profile.xhtml");
        browser.getOptions().setRedirectEnabled(false);
        String stolenCode = parameter(signInAs(login, "alice", "Alice-Passw0rd!").getWebResponse()
                .getResponseHeaderValue("Location"), "code");

        // 2. the attacker's own browser starts a sign-in, and its callback gets the stolen code with its own state
        browser = newBrowser();
        browser.getOptions().setRedirectEnabled(false);
        String attackersState = parameter(get("/secure/profile.xhtml").getWebResponse().getResponseHeaderValue("Location"),
                "state");
        cognito().resetRequestCounts();
        Page page = get("/callback?code=" + stolenCode + "&state=" + attackersState);

        // 3. refused at the exchange, for the verifier: nobody signed in
        assertEquals(401, status(page), text(page));
        assertTrue(text(page).contains(SIGN_IN_FAILED));
        assertEquals(List.of("invalid_grant (code_verifier does not match)"), cognito().tokenRefusals());
        browser.getOptions().setRedirectEnabled(true);
        assertNotSignedIn();
    }

    @Test
    void aCallbackWithoutAnySessionIsABadRequestAndCreatesNone() throws Exception {
        browser.getOptions().setRedirectEnabled(false);
        Page page = get("/callback?code=c0de&state=st4te");
        assertEquals(400, status(page));
        assertNull(page.getWebResponse().getResponseHeaderValue("Set-Cookie"), "no session for a stranger");
    }

    @Test
    void anErrorCallbackSaysSignInWasCancelledAndShowsNoMarkup() throws Exception {
        cognito().failNextCallback("access_denied", "<script>alert('x')</script>Denied by policy");
        Page page = signInAs(get("/secure/profile.xhtml"), "alice", "Alice-Passw0rd!");
        assertRefused(page, 400, "Sign-in was cancelled or refused");
        assertFalse(text(page).contains("<script>"));
        assertFalse(text(page).contains("Denied by policy"));
    }

    /** What Cognito's token endpoint answers, and what the user must see: its trouble, or a refusal. */
    static Stream<Arguments> brokenTokenResponses() {
        return Stream.of(
                Arguments.of(400, "application/json", "{\"error\":\"invalid_grant\"}", 401, SIGN_IN_FAILED),
                Arguments.of(400, "text/html", "<html><body>Bad request</body></html>", 401, SIGN_IN_FAILED),
                Arguments.of(500, "application/json", "{\"error\":\"server_error\"}", 502, COGNITO_TROUBLE),
                Arguments.of(503, "text/html", "<html><body>Maintenance</body></html>", 502, COGNITO_TROUBLE),
                Arguments.of(502, "text/plain", "", 502, COGNITO_TROUBLE),
                Arguments.of(200, "text/html", "<html><body>Maintenance</body></html>", 502, COGNITO_TROUBLE),
                Arguments.of(200, "application/json", "not json at all", 502, COGNITO_TROUBLE),
                Arguments.of(200, "application/json", "{\"access_token\":\"x\",\"token_type\":\"Bearer\"}", 502,
                        COGNITO_TROUBLE),
                Arguments.of(200, "application/json", "[]", 502, COGNITO_TROUBLE),
                Arguments.of(200, "application/json", "{\"id_token\":1,\"access_token\":[]}", 502, COGNITO_TROUBLE),
                Arguments.of(200, "application/json", "{\"id_token\":\"x\",\"access_token\":\"y\"}", 401,
                        SIGN_IN_FAILED));
    }

    @ParameterizedTest
    @MethodSource("brokenTokenResponses")
    void aBrokenTokenResponseIsCognitosTroubleOrARefusalWithItsOwnPage(int status, String type, String body,
            int expectedStatus, String expectedTitle) throws Exception {
        HtmlPage login = get("/secure/profile.xhtml");
        cognito().answerNextTokenRequest(status, type, body);
        assertRefused(signInAs(login, "alice", "Alice-Passw0rd!"), expectedStatus, expectedTitle);
    }

    @Test
    void aHangingTokenEndpointEndsOnAPageWithinSecondsOfTheReadTimeout() throws Exception {
        browser.getOptions().setTimeout(20_000);
        HtmlPage login = get("/secure/profile.xhtml");
        cognito().hang(Endpoint.TOKEN, Duration.ofSeconds(30));
        Instant start = Instant.now();
        Page page = signInAs(login, "alice", "Alice-Passw0rd!");
        Duration waited = Duration.between(start, Instant.now());
        // the call to Cognito gives up after its 5 s read timeout; the rest is the sign-in's own round trips
        assertTrue(waited.compareTo(Duration.ofSeconds(5)) >= 0 && waited.compareTo(Duration.ofSeconds(12)) < 0,
                "answered after " + waited);
        assertRefused(page, 503, "Sign-in is temporarily unavailable");
    }

    static Stream<Arguments> forgedTokens() {
        String otherPool = "https://cognito-idp.eu-west-1.amazonaws.com/eu-west-1_Other";
        long now = Instant.now().getEpochSecond();
        return Stream.of(
                Forgeries.claim(TokenUse.ID, "iss", otherPool),
                Forgeries.claim(TokenUse.ID, "iss", null),
                Forgeries.claim(TokenUse.ID, "aud", "otherclient000000000000000"),
                Forgeries.claim(TokenUse.ID, "aud", null),
                Forgeries.claim(TokenUse.ID, "aud", List.of(UserPool.DEMO_CLIENT_ID, "otherclient000000000000000")),
                Forgeries.claim(TokenUse.ID, "sub", null),
                Forgeries.claim(TokenUse.ID, "iat", null),
                Forgeries.claim(TokenUse.ID, "exp", null),
                Forgeries.claim(TokenUse.ID, "exp", now - 300),
                Forgeries.claim(TokenUse.ID, "iat", now + 600),
                Forgeries.claim(TokenUse.ID, "nonce", "not-the-nonce"),
                Forgeries.claim(TokenUse.ID, "nonce", null),
                Forgeries.claim(TokenUse.ID, "token_use", "access"),
                // honestly signed, but not what the access token says: another user (our validator refuses the
                // pair), other groups (the OpenID mechanism would give the container the ID token's admins; the
                // sign-in refuses a caller or groups that are not the validated access token's)
                Forgeries.claim(TokenUse.ID, "cognito:username", "bob"),
                Forgeries.claim(TokenUse.ID, "cognito:groups", List.of("admins")),
                Forgeries.brokenSignature(TokenUse.ID),
                Forgeries.unknownKey(TokenUse.ID),
                Forgeries.fromAnotherPool(TokenUse.ID, otherPool),
                Forgeries.otherAlgorithm(TokenUse.ID, JWSAlgorithm.RS512),
                Forgeries.hmacWithPublicKey(TokenUse.ID),
                Forgeries.unsigned(TokenUse.ID, "none"),
                Forgeries.unsigned(TokenUse.ID, "nOnE"),
                Forgeries.selfOfferedKey(TokenUse.ID, "jwk"),
                Forgeries.selfOfferedKey(TokenUse.ID, "jku"),
                Forgeries.selfOfferedKey(TokenUse.ID, "x5u"),
                Forgeries.selfOfferedKey(TokenUse.ID, "x5c"),
                Forgeries.unknownCriticalHeader(TokenUse.ID),
                Forgeries.claim(TokenUse.ACCESS, "token_use", "id"),
                Forgeries.claim(TokenUse.ACCESS, "client_id", "otherclient000000000000000"),
                Forgeries.claim(TokenUse.ACCESS, "iss", otherPool),
                Forgeries.brokenSignature(TokenUse.ACCESS),
                Forgeries.forgedClaim(TokenUse.ACCESS, "cognito:groups", List.of("admins")),
                Forgeries.unknownKey(TokenUse.ACCESS),
                Forgeries.hmacWithPublicKey(TokenUse.ACCESS))
                .map(Arguments::of);
    }

    @ParameterizedTest
    @MethodSource("forgedTokens")
    void forgedTokensSignNobodyIn(TokenForgery forgery) throws Exception {
        HtmlPage login = get("/admin/index.xhtml");
        cognito().forgeNextTokens(forgery);
        assertRefused(signInAs(login, "alice", "Alice-Passw0rd!"), 401, SIGN_IN_FAILED);
    }

    @Test
    void anAudienceArrayOfOurClientAloneAndUnknownClaimsAreAccepted() throws Exception {
        HtmlPage login = get("/secure/profile.xhtml");
        cognito().forgeNextTokens(Forgeries.claim(TokenUse.ID, "aud", List.of(UserPool.DEMO_CLIENT_ID)),
                Forgeries.claim(TokenUse.ACCESS, "custom:tier", "gold"));
        HtmlPage profile = signInAs(login, "alice", "Alice-Passw0rd!");
        assertEquals(200, status(profile));
        assertEquals("alice", profile.getElementById("username").getTextContent());
    }

    @Test
    void withCognitoDownSignedInUsersKeepWorkingAndNewSignInsGetA503() throws Exception {
        signInAt("/secure/profile.xhtml", "alice", "Alice-Passw0rd!");
        WebClient signedIn = browser;
        try {
            stopCognitoAndAwaitTheAppSeeingIt();
            // 1. alice keeps working
            assertEquals("alice", ((HtmlPage) signedIn.getPage(APP + "/secure/profile.xhtml"))
                    .getElementById("username").getTextContent());
            // 2. a new sign-in: our page, not a browser error on Cognito's host
            browser = newBrowser();
            Page page = get("/secure/profile.xhtml");
            assertEquals(503, status(page));
            assertTrue(text(page).contains("Sign-in is temporarily unavailable"));
        } finally {
            // 3. recovery without a restart
            startCognitoAndAwaitTheAppSeeingIt();
        }
        assertTrue(((HtmlPage) get("/secure/profile.xhtml")).getUrl().toString().startsWith(cognito().domain()));
        signedIn.close();
    }

    @Test
    void tokensDueWhileCognitoIsDownAreRefreshedWhenItIsBackAndTheUserKeepsWorkingMeanwhile() throws Exception {
        cognito().tokenLifetime(DueTokens.SOON);
        signInAt("/secure/profile.xhtml", "alice", "Alice-Passw0rd!");
        cognito().tokenLifetime(Duration.ofHours(1)); // the refreshed tokens: due no more during the test
        SessionWatch watch = new SessionWatch();
        try {
            stopCognitoAndAwaitTheAppSeeingIt();
            DueTokens.await(cognito(), "alice");
            // 1. tokens due, Cognito down: still alice, not sent to Cognito's dead host, no error page
            assertStillAlice();
        } finally {
            startCognitoAndAwaitTheAppSeeingIt();
        }
        // 2. Cognito back, and the app has seen it: refreshed, same session
        assertStillAlice();
        watch.assertRefreshedInTheSameSession(1);
    }

    @Test
    void aRefreshThatTimesOutLeavesTheUserSignedInAndIsTriedAgain() throws Exception {
        SessionWatch watch = signedInWithTokensDue();
        // 1. Cognito answers its discovery document but its token endpoint hangs: after the call's timeout, alice
        cognito().hang(Endpoint.TOKEN, Duration.ofSeconds(30));
        assertStillAlice();
        // 2. the token endpoint back (the hung request is never answered): the next page refreshes
        cognito().heal(Endpoint.TOKEN);
        assertStillAlice();
        watch.assertRefreshedInTheSameSession(1);
    }

    @Test
    void aRefreshThatCognitoAnswersWithAnErrorStatusWaitsForCognito() throws Exception {
        SessionWatch watch = signedInWithTokensDue();
        // 1. Cognito's token endpoint fails (503): Cognito is down, the session goes on
        cognito().answerNextTokenRequest(503, "text/html", "<html><body>Service unavailable</body></html>");
        assertStillAlice();
        // 2. the next page refreshes
        assertStillAlice();
        watch.assertRefreshedInTheSameSession(2);
    }

    /** A malformed refresh answer, or refreshed tokens of another user, end the session: no fail-open for them. */
    static Stream<Arguments> refreshAnswersThatEndTheSession() throws Exception {
        Map<String, Object> bob = new HostedUiClient(cognito()).tokens("bob", "Bob-Passw0rd!");
        return Stream.of(
                Arguments.of("not json", "{\"id_token\":"),
                Arguments.of("no ID token", "{\"access_token\":\"" + bob.get("access_token") + "\"}"),
                Arguments.of("bob's tokens", "{\"id_token\":\"" + bob.get("id_token") + "\",\"access_token\":\""
                        + bob.get("access_token") + "\",\"token_type\":\"Bearer\",\"expires_in\":3600}"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("refreshAnswersThatEndTheSession")
    void aRefreshAnswerThatCannotBeTrustedEndsTheSession(String what, String answer) throws Exception {
        SessionWatch watch = signedInWithTokensDue();
        cognito().answerNextTokenRequest(200, "application/json", answer);
        // the session ends; Cognito's own session signs alice in again at once, in a new session
        assertStillAlice();
        assertTrue(cognito().requests(Endpoint.AUTHORIZE) > watch.authorizations, "signed in again at Cognito");
        assertNotEquals(watch.session, sessionCookie(), "a new session");
    }

    /** Alice signed in with tokens that are now due for a refresh; the refreshed ones will not be, for an hour. */
    private SessionWatch signedInWithTokensDue() throws Exception {
        cognito().tokenLifetime(DueTokens.SOON);
        signInAt("/secure/profile.xhtml", "alice", "Alice-Passw0rd!");
        cognito().tokenLifetime(Duration.ofHours(1));
        DueTokens.await(cognito(), "alice");
        return new SessionWatch();
    }

    /**
     * What a refresh looks like from outside, as opposed to a quiet new sign-in through Cognito's own session:
     * refresh_token grants, and neither an authorization request nor a new session.
     */
    private final class SessionWatch {
        final String session = sessionCookie();
        final int authorizations = cognito().requests(Endpoint.AUTHORIZE);
        final int codeGrants = cognito().tokenRequests("authorization_code");
        final int refreshGrants = cognito().tokenRequests("refresh_token");

        void assertRefreshedInTheSameSession(int refreshGrantsMade) {
            assertEquals(refreshGrants + refreshGrantsMade, cognito().tokenRequests("refresh_token"),
                    "refresh_token grants");
            assertEquals(codeGrants, cognito().tokenRequests("authorization_code"), "no new sign-in");
            assertEquals(authorizations, cognito().requests(Endpoint.AUTHORIZE), "no new sign-in");
            assertEquals(session, sessionCookie(), "the same session");
        }
    }

    private String sessionCookie() {
        return browser.getCookieManager().getCookie("JSESSIONID").getValue();
    }

    private void assertStillAlice() throws Exception {
        HtmlPage profile = get("/secure/profile.xhtml");
        assertEquals(APP + "/secure/profile.xhtml", profile.getUrl().toString());
        assertEquals(200, status(profile));
        assertEquals("alice", profile.getElementById("username").getTextContent());
    }

    @Test
    void aForgedHostNeverChangesTheRedirectUriSentToCognito() throws Exception {
        for (String header : List.of("Host: evil.example", "X-Forwarded-Host: evil.example")) {
            String location = rawGetLocation("/secure/profile.xhtml", header);
            assertTrue(location.startsWith(cognito().domain() + "/oauth2/authorize?"), location);
            assertTrue(location.contains("redirect_uri=http%3A%2F%2Flocalhost%3A8080%2Fcallback"), location);
            assertFalse(location.contains("evil"), location);
        }
    }

    /** The sign-out's way through Cognito's /logout, and back: {@code logout_uri} is on the public address too. */
    @Test
    void aForgedHostNeverChangesWhereSignOutSendsTheBrowser() throws Exception {
        for (String header : List.of("Host: evil.example", "X-Forwarded-Host: evil.example")) {
            browser = newBrowser();
            HtmlPage profile = signInAt("/secure/profile.xhtml", "alice", "Alice-Passw0rd!");
            HtmlForm signOut = profile.getHtmlElementById("signOut");
            StringBuilder form = new StringBuilder();
            for (HtmlInput input : signOut.getElementsByTagName("input").stream()
                    .map(HtmlInput.class::cast).toList()) {
                if (form.length() > 0) {
                    form.append('&');
                }
                form.append(URLEncoder.encode(input.getNameAttribute(), StandardCharsets.UTF_8)).append('=')
                        .append(URLEncoder.encode(input.getValueAttribute(), StandardCharsets.UTF_8));
            }
            String cookies = browser.getCookieManager().getCookies().stream()
                    .map(c -> c.getName() + "=" + c.getValue()).collect(Collectors.joining("; "));
            String location = rawLocation("POST", URI.create(signOut.getActionAttribute()).getRawPath(), form.toString(),
                    header, "Cookie: " + cookies, "Content-Type: application/x-www-form-urlencoded");
            assertTrue(location.startsWith(cognito().domain() + "/logout?"), header + ": " + location);
            assertTrue(location.contains("logout_uri=http%3A%2F%2Flocalhost%3A8080%2F"), location);
            assertFalse(location.contains("evil"), location);
        }
    }

    @Test
    void stateAndNonceAreNewForEverySignIn() throws Exception {
        String first = rawGetLocation("/secure/profile.xhtml", "X-Test: 1");
        String second = rawGetLocation("/secure/profile.xhtml", "X-Test: 2");
        for (String parameter : List.of("state", "nonce")) {
            assertFalse(parameter(first, parameter).equals(parameter(second, parameter)), parameter);
            assertTrue(parameter(first, parameter).length() >= 22, parameter);
        }
    }

    private void assertRefused(Page page, int status, String title) throws Exception {
        assertEquals(status, status(page), text(page));
        assertTrue(text(page).contains(title), "expected the page \"" + title + "\"");
        assertFalse(text(page).contains("Exception"), "no stack trace");
        assertTrue(page.getUrl().toString().startsWith(APP + "/callback"), page.getUrl().toString());
        assertNotSignedIn();
    }

    private static String parameter(String url, String name) {
        for (String pair : url.substring(url.indexOf('?') + 1).split("&")) {
            if (pair.startsWith(name + "=")) {
                return pair.substring(name.length() + 1);
            }
        }
        throw new AssertionError(name + " not in " + url);
    }

    /** A GET with a header a browser would not let us forge; answers the Location header. */
    private static String rawGetLocation(String path, String extraHeader) throws Exception {
        return rawLocation("GET", path, "", extraHeader);
    }

    /** A request with headers a browser would not let us forge (a {@code Host} among them replaces ours). */
    private static String rawLocation(String method, String path, String body, String... headers) throws Exception {
        boolean hostOverride = Arrays.stream(headers).anyMatch(h -> h.startsWith("Host:"));
        byte[] content = body.getBytes(StandardCharsets.US_ASCII);
        try (Socket socket = new Socket("localhost", 8080)) {
            OutputStream out = socket.getOutputStream();
            out.write((method + " " + path + " HTTP/1.1\r\n" + (hostOverride ? "" : "Host: localhost:8080\r\n")
                    + String.join("\r\n", headers) + "\r\nContent-Length: " + content.length
                    + "\r\nConnection: close\r\n\r\n").getBytes(StandardCharsets.US_ASCII));
            out.write(content);
            out.flush();
            BufferedReader in = new BufferedReader(new InputStreamReader(socket.getInputStream(),
                    StandardCharsets.US_ASCII));
            for (String line = in.readLine(); line != null && !line.isEmpty(); line = in.readLine()) {
                if (line.regionMatches(true, 0, "Location:", 0, 9)) {
                    return line.substring(9).trim();
                }
            }
        }
        throw new AssertionError("no redirect for " + method + " " + path);
    }
}
