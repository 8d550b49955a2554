package dev.payaracognito.api;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.payaracognito.localcognito.Endpoint;
import dev.payaracognito.localcognito.HostedUiClient;
import dev.payaracognito.localcognito.LocalCognito;
import dev.payaracognito.localcognito.TokenUse;
import dev.payaracognito.localcognito.UserPool;
import dev.payaracognito.localcognito.tokens.Forgeries;
import dev.payaracognito.localcognito.tokens.TokenForgery;
import dev.payaracognito.testing.AppDeployment;
import dev.payaracognito.testing.PayaraMicroTest;
import dev.payaracognito.testing.SharedCognito;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import org.htmlunit.WebClient;
import org.htmlunit.html.HtmlForm;
import org.htmlunit.html.HtmlPage;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The "Bearer API" and "Keys and provider outage" sections of docs/security.md, against Payara Micro
 * and the local Cognito. The JWKS cache lives 3 s and is refetched at most every 2 s here, so that outages and
 * rotations show within a test; the defaults are 1 h and 15 s.
 */
@PayaraMicroTest
class BearerApiIT {

    private static final String API = AppDeployment.APP + "/api";

    private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(5)).build();

    @Deployment(testable = false)
    static WebArchive deployment() {
        return AppDeployment.war(
                "cognito.jwks.cache-ttl=PT3S",
                "cognito.jwks.min-refetch-interval=PT2S");
    }

    private static LocalCognito cognito() {
        return SharedCognito.cognito();
    }

    @BeforeEach
    void honestCognito() {
        cognito().healAll();
    }

    @Test
    void meSaysWhoTheTokenIsAndSetsNoCookie() throws Exception {
        HttpResponse<String> me = get("/me", accessToken("bob"));
        Map<String, Object> body = HostedUiClient.json(me.body());
        assertEquals(200, me.statusCode());
        assertEquals("user", body.get("kind"));
        assertEquals(UserPool.DEMO_CLIENT_ID, body.get("clientId"));
        assertEquals("bob", body.get("username"));
        assertEquals(List.of("admins"), body.get("groups"));
        assertEquals(List.of("email", "openid", "profile"), body.get("scopes"));
        assertTrue(Instant.parse((String) body.get("expiresAt")).isAfter(Instant.now()));
        assertEquals(36, ((String) body.get("sub")).length());
        assertTrue(me.headers().allValues("Set-Cookie").isEmpty(), "the API creates no session");
    }

    @Test
    void statusIsPublicAndTellsNoSecrets() throws Exception {
        HttpResponse<String> status = get("/status", null);
        Map<String, Object> body = HostedUiClient.json(status.body());
        assertEquals(200, status.statusCode());
        assertEquals(Boolean.TRUE, body.get("ready"));
        assertEquals(cognito().issuer(), body.get("issuer"));
        assertTrue(((String) body.get("version")).matches("\\d+\\.\\d+\\.\\d+.*"));
        assertFalse(status.body().contains(UserPool.DEMO_CLIENT_SECRET));
    }

    @Test
    void adminStatsNeedTheAdminsGroup() throws Exception {
        HttpResponse<String> alice = get("/admin/stats", accessToken("alice"));
        assertEquals(403, alice.statusCode());
        assertEquals("Bearer error=\"insufficient_scope\"", alice.headers().firstValue("WWW-Authenticate").orElseThrow());
        assertEquals(Map.of("error", "insufficient_scope"), HostedUiClient.json(alice.body()));

        assertEquals(401, get("/me", null).statusCode());
        HttpResponse<String> bob = get("/admin/stats", accessToken("bob"));
        Map<String, Object> stats = HostedUiClient.json(bob.body());
        assertEquals(200, bob.statusCode());
        assertTrue((Long) stats.get("apiCalls") >= 3);
        assertTrue((Long) ((Map<?, ?>) stats.get("refusals")).get("api:NO_TOKEN") >= 1);
        assertTrue((Long) stats.get("jwksFetches") >= 1);
        for (String field : List.of("signIns", "activeSessions", "tokenCacheHitRatio")) {
            assertTrue(stats.containsKey(field), field);
        }
    }

    @Test
    void withoutABearerTokenTheAnswerIsAChallenge() throws Exception {
        String token = accessToken("alice");
        for (HttpResponse<String> answer : List.of(
                get("/me", null),
                send(request("/me").header("Authorization", "Basic YWxpY2U6QWxpY2UtUGFzc3cwcmQh")),
                send(HttpRequest.newBuilder(URI.create(API + "/me?access_token=" + token))),
                send(request("/me").header("Cookie", "JSESSIONID=" + signedInBrowserSession())))) {
            assertEquals(401, answer.statusCode());
            assertEquals("Bearer", answer.headers().firstValue("WWW-Authenticate").orElseThrow());
            // no session made: only Payara's session version counter for the cookie a browser sent along
            assertEquals(List.of(), answer.headers().allValues("Set-Cookie").stream()
                    .filter(cookie -> !cookie.startsWith("JSESSIONIDVERSION=")).toList());
            assertFalse(answer.body().contains(token));
        }
    }

    @Test
    void otherRefusalsAreSmallJsonWithTheirOwnStatusAndOptionsDescribesNothing() throws Exception {
        String token = accessToken("alice");
        HttpResponse<String> xml = send(request("/me").header("Authorization", "Bearer " + token)
                .header("Accept", "application/xml"));
        assertEquals(406, xml.statusCode());
        assertEquals(Map.of("error", "invalid_request"), HostedUiClient.json(xml.body()));
        HttpResponse<String> post = send(request("/me").header("Authorization", "Bearer " + token)
                .POST(HttpRequest.BodyPublishers.ofString("{}")));
        assertEquals(405, post.statusCode());
        assertEquals(Map.of("error", "method_not_allowed"), HostedUiClient.json(post.body()));
        HttpResponse<String> options = send(request("/me").header("Authorization", "Bearer " + token)
                .method("OPTIONS", HttpRequest.BodyPublishers.noBody()));
        assertFalse(options.body().contains("wadl") || options.body().contains("<resource"), options.body());
    }

    @Test
    void dotSegmentsDoNotCrossBetweenTheApiAndThePages() throws Exception {
        // 1. the API by way of a page's path: still the API's rules, so a session cookie alone gets a 401
        String session = signedInBrowserSession();
        for (String path : List.of("/secure/../api/me", "/jakarta.faces.resource/../api/me", "/secure/%2e%2e/api/me")) {
            HttpResponse<String> answer = send(HttpRequest.newBuilder(URI.create(AppDeployment.APP + path))
                    .header("Cookie", "JSESSIONID=" + session));
            assertEquals(401, answer.statusCode(), path);
            assertEquals("Bearer", answer.headers().firstValue("WWW-Authenticate").orElseThrow(), path);
        }
        // 2. a page by way of the API's path: a Bearer token signs nobody into the pages, off to the hosted UI
        String token = accessToken("alice");
        for (String path : List.of("/api/../secure/profile.xhtml", "/api/%2e%2e/secure/profile.xhtml")) {
            HttpResponse<String> answer = send(HttpRequest.newBuilder(URI.create(AppDeployment.APP + path))
                    .header("Authorization", "Bearer " + token));
            assertEquals(302, answer.statusCode(), path);
            assertTrue(answer.headers().firstValue("Location").orElseThrow()
                    .startsWith(cognito().domain() + "/oauth2/authorize"), path);
        }
    }

    @Test
    void malformedTokensOfEveryShapeAreInvalid() throws Exception {
        String token = accessToken("alice");
        for (String bad : List.of("", "x", "a.b", "a.b.c", "..", token + "x", token.substring(1), token + ".x",
                token.replace('.', '_'), "eyJhbGciOiJub25lIn0.e30.", "x".repeat(6_000))) {
            HttpResponse<String> answer = get("/me", bad);
            assertEquals(401, answer.statusCode(), bad);
            assertEquals(Map.of("error", "invalid_token"), HostedUiClient.json(answer.body()));
            assertFalse(!bad.isEmpty() && answer.body().contains(bad));
        }
    }

    /**
     * Tokens made to break a JSON parser (its limits on numbers and nesting, broken UTF-8, a header that is not an
     * object): each an invalid token like any other, its reason counted, never a 500.
     */
    @Test
    void tokensCraftedAgainstTheJsonParserAreInvalidTokensToo() throws Exception {
        Map<?, ?> before = refusals();
        List<String> crafted = List.of(
                crafted(("{\"kid\":" + "9".repeat(1_100) + ",\"alg\":\"RS256\"}").getBytes(StandardCharsets.UTF_8)),
                crafted(("{\"kid\":0." + "9".repeat(1_100) + "}").getBytes(StandardCharsets.UTF_8)),
                crafted(("{\"kid\":" + "[".repeat(1_000) + "]".repeat(1_000) + "}").getBytes(StandardCharsets.UTF_8)),
                crafted(("{\"kid\":" + "{\"a\":".repeat(300) + "1" + "}".repeat(300) + "}")
                        .getBytes(StandardCharsets.UTF_8)),
                crafted(new byte[] {'{', '"', 'k', (byte) 0xc3, '"', ':', '1', '}'}),
                // JSON-P's skipObject() never returns on this one (a request thread held for good)
                crafted("{\"kid\":{\"a\":1".getBytes(StandardCharsets.UTF_8)),
                crafted(("{\"" + "é".repeat(1_000) + "\":1,\"" + "é".repeat(1_000) + "\":2}")
                        .getBytes(StandardCharsets.UTF_8)));
        for (String token : crafted) {
            HttpResponse<String> answer = get("/me", token);
            assertEquals(401, answer.statusCode(), answer.body());
            assertEquals("Bearer error=\"invalid_token\"", answer.headers().firstValue("WWW-Authenticate").orElseThrow());
            assertEquals(Map.of("error", "invalid_token"), HostedUiClient.json(answer.body()));
        }
        assertEquals(count(before, "api:MALFORMED") + crafted.size(), count(refusals(), "api:MALFORMED"),
                "each counted as malformed");
    }

    private static String crafted(byte[] header) {
        Base64.Encoder base64url = Base64.getUrlEncoder().withoutPadding();
        return base64url.encodeToString(header) + ".eyJzdWIiOiJ4In0.c2lnbmF0dXJl";
    }

    private Map<?, ?> refusals() throws Exception {
        return (Map<?, ?>) HostedUiClient.json(get("/admin/stats", accessToken("bob")).body()).get("refusals");
    }

    private static long count(Map<?, ?> refusals, String reason) {
        Object count = refusals.get(reason);
        return count == null ? 0 : (Long) count;
    }

    @Test
    void aHugeHeaderIsRefusedWithoutAnErrorPage() throws Exception {
        HttpResponse<String> answer = get("/me", "x".repeat(200_000));
        assertTrue(answer.statusCode() == 400 || answer.statusCode() == 431, "status " + answer.statusCode());
        // refused by the server before the app: not the server's HTML error page, which names it and its version
        String body = answer.body().toLowerCase(java.util.Locale.ROOT);
        for (String telltale : List.of("<html", "payara", "glassfish", "grizzly", "exception")) {
            assertFalse(body.contains(telltale), telltale + " in " + answer.body());
        }
        assertTrue(answer.headers().firstValue("Server").isEmpty(), "no Server header");
        assertTrue(answer.headers().firstValue("X-Powered-By").isEmpty(), "no X-Powered-By header");
    }

    @Test
    void tokensThatAreNotOursOrNotNowAreInvalid() throws Exception {
        long now = Instant.now().getEpochSecond();
        assertInvalid(tokens("alice").get("id_token"));
        for (TokenForgery forgery : List.of(
                Forgeries.claim(TokenUse.ACCESS, "client_id", "otherclient000000000000000"),
                Forgeries.fromAnotherPool(TokenUse.ACCESS, "https://cognito-idp.eu-west-1.amazonaws.com/eu-west-1_X"),
                Forgeries.claim(TokenUse.ACCESS, "exp", now - 120),
                Forgeries.claim(TokenUse.ACCESS, "iat", now + 600),
                Forgeries.claim(TokenUse.ACCESS, "nbf", now + 600),
                Forgeries.brokenSignature(TokenUse.ACCESS),
                Forgeries.forgedClaim(TokenUse.ACCESS, "cognito:groups", List.of("admins")),
                Forgeries.hmacWithPublicKey(TokenUse.ACCESS),
                Forgeries.selfOfferedKey(TokenUse.ACCESS, "jku"))) {
            cognito().forgeNextTokens(forgery);
            assertInvalid(tokens("alice").get("access_token"));
        }
    }

    @Test
    void aRotatedKeyIsFetchedOnceAndAccepted() throws Exception {
        assertEquals(200, get("/me", accessToken("alice")).statusCode());
        cognito().rotateKeys();
        cognito().resetRequestCounts();
        for (int i = 0; i < 3; i++) {
            assertEquals(200, get("/me", accessToken("alice")).statusCode());
        }
        assertEquals(1, cognito().requests(Endpoint.JWKS));
    }

    @Test
    void aFloodOfUnknownKidsFetchesTheJwksAtMostTwiceAndValidTokensKeepWorking() throws Exception {
        String valid = accessToken("alice");
        assertEquals(200, get("/me", valid).statusCode());
        List<Object> flood = new java.util.ArrayList<>();
        for (int i = 0; i < 20; i++) {
            cognito().forgeNextTokens(Forgeries.unknownKey(TokenUse.ACCESS));
            flood.add(tokens("alice").get("access_token"));
        }
        Thread.sleep(2_100); // past the refetch interval (2 s here), so the flood may cause a fetch
        cognito().resetRequestCounts();
        for (Object forged : flood) {
            assertInvalid(forged);
            assertEquals(200, get("/me", valid).statusCode());
        }
        assertTrue(cognito().requests(Endpoint.JWKS) <= 2, cognito().requests(Endpoint.JWKS) + " JWKS fetches");
    }

    @Test
    void knownKeysKeepWorkingWhileTheJwksIsDownSlowOrGarbageAndRecoveryNeedsNoRestart() throws Exception {
        assertEquals(200, get("/me", accessToken("alice")).statusCode());
        for (Runnable outage : List.<Runnable>of(
                () -> cognito().fail(Endpoint.JWKS, 503),
                () -> cognito().answerGarbage(Endpoint.JWKS),
                () -> cognito().hang(Endpoint.JWKS, Duration.ofSeconds(30)))) {
            outage.run();
            Thread.sleep(3_200); // the JWKS cache has expired: the next new token makes the app look again
            int asked = cognito().requests(Endpoint.JWKS);
            HttpResponse<String> answer = send(request("/me").header("Authorization", "Bearer " + accessToken("alice"))
                    .timeout(Duration.ofSeconds(10)));
            assertEquals(200, answer.statusCode(), "a new token signed by a known key");
            // not a cache that never expires: the app did go to the JWKS during the outage, and got nothing
            assertTrue(cognito().requests(Endpoint.JWKS) > asked, "the JWKS was asked during the outage");
            cognito().healAll();
        }
        // recovery: a rotation after the outage is picked up without a restart
        cognito().rotateKeys();
        Thread.sleep(2_100);
        assertEquals(200, get("/me", accessToken("alice")).statusCode());
    }

    @Test
    void cognitoDownDoesNotStopCallsWithTokensItAlreadyIssued() throws Exception {
        String token = accessToken("bob");
        assertEquals(200, get("/me", token).statusCode());
        cognito().stop();
        try {
            assertEquals(200, get("/me", token).statusCode());
            assertEquals(200, get("/admin/stats", token).statusCode());
        } finally {
            cognito().start();
        }
    }

    private void assertInvalid(Object token) throws Exception {
        HttpResponse<String> answer = get("/me", (String) token);
        assertEquals(401, answer.statusCode());
        assertEquals("Bearer error=\"invalid_token\"", answer.headers().firstValue("WWW-Authenticate").orElseThrow());
        assertFalse(answer.body().contains((String) token));
    }

    private static Map<String, Object> tokens(String user) throws Exception {
        return new HostedUiClient(cognito()).tokens(user, user.equals("bob") ? "Bob-Passw0rd!" : "Alice-Passw0rd!");
    }

    private static String accessToken(String user) throws Exception {
        return (String) tokens(user).get("access_token");
    }

    /** A browser's session cookie after signing in to the pages. */
    private static String signedInBrowserSession() throws Exception {
        try (WebClient browser = new WebClient()) {
            browser.getOptions().setJavaScriptEnabled(false);
            HtmlPage login = browser.getPage(AppDeployment.APP + "/secure/profile.xhtml");
            HtmlForm form = login.getFormByName("signInForm");
            form.getInputByName("username").setValue("alice");
            form.getInputByName("password").setValue("Alice-Passw0rd!");
            HtmlPage profile = form.getInputByName("signInSubmitButton").click();
            assertEquals("alice", profile.getElementById("username").getTextContent());
            return browser.getCookieManager().getCookie("JSESSIONID").getValue();
        }
    }

    private static HttpRequest.Builder request(String path) {
        return HttpRequest.newBuilder(URI.create(API + path)).timeout(Duration.ofSeconds(20));
    }

    private HttpResponse<String> get(String path, String token) throws Exception {
        HttpRequest.Builder request = request(path);
        if (token != null) {
            request.header("Authorization", "Bearer " + token);
        }
        return send(request);
    }

    private HttpResponse<String> send(HttpRequest.Builder request) throws Exception {
        return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }
}
