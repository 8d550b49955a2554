package dev.payaracognito.operations;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.payaracognito.localcognito.Endpoint;
import dev.payaracognito.localcognito.HostedUiClient;
import dev.payaracognito.localcognito.LocalCognito;
import dev.payaracognito.localcognito.TokenUse;
import dev.payaracognito.localcognito.UserPool;
import dev.payaracognito.localcognito.tokens.Forgeries;
import dev.payaracognito.testing.AppDeployment;
import dev.payaracognito.testing.OtlpReceiver;
import dev.payaracognito.testing.OtlpReceiver.ExportedSpan;
import dev.payaracognito.testing.PayaraNode;
import dev.payaracognito.testing.SharedCognito;
import dev.payaracognito.testing.TwoNodeCluster;
import io.opentelemetry.proto.trace.v1.Span.SpanKind;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import org.htmlunit.WebClient;
import org.htmlunit.html.HtmlPage;
import org.htmlunit.html.HtmlSubmitInput;
import org.jboss.shrinkwrap.api.exporter.ZipExporter;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Traces, turned on as an operator turns them on (the standard {@code OTEL_*} variables in the node's environment,
 * docs/operating.md), exported over OTLP/HTTP to a collector of the test's: the app's spans are children of the
 * request's trace, say what only the app knows, carry no token nor secret, and the log lines written inside a traced
 * request carry its ids. One node started as the image starts it, JSON logs included.
 */
@ExtendWith(SharedCognito.class)
class TracesIT {

    private static final Path DIRECTORY = Path.of("target", "traces-it");
    private static final SecureRandom RANDOM = new SecureRandom();

    private static OtlpReceiver collector;
    private static PayaraNode node;
    private final HttpClient http = HttpClient.newHttpClient();

    @BeforeAll
    static void start() throws Exception {
        collector = OtlpReceiver.start();
        Path war = DIRECTORY.resolve("payara-cognito.war");
        Files.createDirectories(DIRECTORY);
        AppDeployment.war().as(ZipExporter.class).exportTo(war.toFile(), true);
        node = PayaraNode.start("traced", 8080, PayaraNode.Grid.ofOwn("traces-it", 1),
                Path.of(System.getProperty("payara.micro.jar")), war, Map.of(
                        "OTEL_SDK_DISABLED", "false",
                        "OTEL_TRACES_EXPORTER", "otlp",
                        "OTEL_EXPORTER_OTLP_PROTOCOL", "http/protobuf",
                        "OTEL_EXPORTER_OTLP_ENDPOINT", collector.endpoint(),
                        "OTEL_SERVICE_NAME", "payara-cognito",
                        // spans leave within 0.1 s rather than 5 s, so that the test need not wait
                        "OTEL_BSP_SCHEDULE_DELAY", "100",
                        "APP_ADMIN_GLOBAL_SIGN_OUT", "true"),
                DIRECTORY, List.of("--logproperties", "payara-config/logging.properties"));
        assertTrue(node.awaitReady(1, Duration.ofMinutes(3)), "the node did not start: " + node.log());
    }

    @AfterAll
    static void stop() throws Exception {
        if (node != null) {
            node.close();
        }
        if (collector != null) {
            collector.close();
        }
    }

    @Test
    void anApiCallContinuesTheCallersTraceAndSaysWhatTheValidationDid() throws Exception {
        String token = tokens("alice").get("access_token").toString();
        String first = newTraceId();
        String second = newTraceId();
        assertEquals(200, me(token, first).statusCode());
        assertEquals(200, me(token, second).statusCode());

        for (String trace : List.of(first, second)) {
            ExportedSpan authenticate = one(trace, "authenticate");
            assertEquals(CALLER_SPAN, authenticate.parentSpanId(), "a child of the caller's span (traceparent)");
            assertEquals("api", authenticate.attribute("cognito.mechanism"));
            assertEquals("SUCCESS", authenticate.attribute("cognito.authentication.outcome"));
            assertEquals(null, authenticate.attribute("enduser.id"), "user names only when the operator says so");
            ExportedSpan validate = one(trace, "validate tokens");
            assertEquals(authenticate.spanId(), validate.parentSpanId());
            assertEquals("bearer", validate.attribute("cognito.token.kind"));
            assertFalse(validate.error());
            // Payara's own span of the request, in the same trace, a child of the caller's too
            List<ExportedSpan> served = collector.await(span -> span.traceId().equals(trace)
                    && span.kind() == SpanKind.SPAN_KIND_SERVER && "/api/me".equals(span.attribute("url.path"))
                    && span.parentSpanId().equals(CALLER_SPAN), 1);
            assertEquals(1, served.size(), "Payara's server span of the trace");
            assertEquals("GET /api/me", served.get(0).name(), "OpenTelemetry's name: the method and the route");
            assertEquals("/api/me", served.get(0).attribute("http.route"));
        }
        assertEquals("miss", one(first, "validate tokens").attribute("cognito.token.cache"));
        assertEquals("hit", one(second, "validate tokens").attribute("cognito.token.cache"));
    }

    @Test
    void aRefusedTokenSaysWhyInItsSpanAndTheAuditLineCarriesTheTrace() throws Exception {
        cognito().forgeNextTokens(Forgeries.brokenSignature(TokenUse.ACCESS));
        String forged = tokens("alice").get("access_token").toString();
        String trace = newTraceId();
        assertEquals(401, me(forged, trace).statusCode());

        ExportedSpan validate = one(trace, "validate tokens");
        assertTrue(validate.error());
        assertEquals("SIGNATURE", validate.attribute("error.type"));
        String line = awaitLogLine("\"trace_id\":\"" + trace + "\"", "refusal");
        assertTrue(line.contains("\"span_id\":\""), line);
    }

    @Test
    void newKeysAreFetchedInAClientSpanOfTheValidation() throws Exception {
        cognito().rotateKeys();
        String token = tokens("bob").get("access_token").toString();
        String trace = newTraceId();
        assertEquals(200, me(token, trace).statusCode());

        ExportedSpan fetch = one(trace, "GET JWKS");
        assertEquals(SpanKind.SPAN_KIND_CLIENT, fetch.kind());
        assertEquals(one(trace, "validate tokens").spanId(), fetch.parentSpanId());
        assertEquals(cognito().issuer() + "/.well-known/jwks.json", fetch.attribute("url.full"));
        assertEquals("GET", fetch.attribute("http.request.method"));
    }

    @Test
    void aBrowserSignInAndSignOutAreTracedWithoutATokenOrSecretInAnySpan() throws Exception {
        try (WebClient browser = browser()) {
            var profile = TwoNodeCluster.signIn(browser, "bob", "Bob-Passw0rd!");
            String session = TwoNodeCluster.cookie(browser, "JSESSIONID");
            profile.getHtmlElementById("signOut:signOutButton").click();

            ExportedSpan signIn = collector.await(span -> span.name().equals("validate tokens")
                    && "sign-in".equals(span.attribute("cognito.token.kind")), 1).get(0);
            ExportedSpan callback = spanById(signIn.traceId(), signIn.parentSpanId());
            assertEquals("authenticate", callback.name());
            assertEquals("/callback", callback.attribute("url.path"));
            ExportedSpan signOut = collector.await(span -> span.name().equals("sign out"), 1).get(0);
            assertEquals("true", signOut.attribute("cognito.sign-out.revoked"));
            ExportedSpan revoke = collector.await(span -> span.name().equals("POST revoke")
                    && span.traceId().equals(signOut.traceId()), 1).get(0);
            assertEquals(signOut.spanId(), revoke.parentSpanId());
            assertEquals("200", revoke.attribute("http.response.status_code"));
            assertEquals(SpanKind.SPAN_KIND_CLIENT, revoke.kind());
            assertTrue(String.valueOf(cognito().lastTraceparent(Endpoint.REVOKE)).contains(revoke.spanId()),
                    "the revocation carried its span's trace context");

            // Payara's span of the callback records its query: the authorization code and state leave it redacted
            ExportedSpan callbackServed = collector.await(span -> span.kind() == SpanKind.SPAN_KIND_SERVER
                    && "/callback".equals(span.attribute("url.path")), 1).get(0);
            assertEquals("code=REDACTED&state=REDACTED", callbackServed.attribute("url.query"));
            for (ExportedSpan span : collector.spans(span -> span.attribute("url.query") != null)) {
                assertTrue(span.attribute("url.query").matches("([^=&]+=REDACTED)(&[^=&]+=REDACTED)*"),
                        span.name() + ": " + span.attribute("url.query"));
            }
            for (String secret : List.of("eyJ", UserPool.DEMO_CLIENT_SECRET, "Bob-Passw0rd!", session)) {
                assertFalse(collector.exported(secret), "exported: " + secret.substring(0, 3) + "…");
            }
        }
    }

    @Test
    void anAdminsGlobalSignOutOfAUserIsAClientSpanOfThePageWithCognitosRequestId() throws Exception {
        try (WebClient alice = browser(); WebClient admin = browser()) {
            TwoNodeCluster.signIn(alice, "alice", "Alice-Passw0rd!");
            TwoNodeCluster.signIn(admin, "bob", "Bob-Passw0rd!");
            HtmlPage page = admin.getPage(AppDeployment.APP + "/admin/index.xhtml?q=alice&user=alice");
            page = page.<HtmlSubmitInput>getHtmlElementById("end:endAll").click();
            assertTrue(page.getElementById("outcome").getTextContent().contains("signed the user out of every app"),
                    page.asNormalizedText());

            ExportedSpan call = collector.await(span -> span.name()
                    .equals("CognitoIdentityProvider.AdminUserGlobalSignOut"), 1).get(0);
            assertEquals(SpanKind.SPAN_KIND_CLIENT, call.kind());
            assertEquals("aws-api", call.attribute("rpc.system"));
            assertEquals("CognitoIdentityProvider", call.attribute("rpc.service"));
            assertEquals("AdminUserGlobalSignOut", call.attribute("rpc.method"));
            assertEquals("eu-west-1", call.attribute("cloud.region"));
            assertTrue(String.valueOf(call.attribute("aws.request_id")).matches("[0-9a-f-]{36}"),
                    "Cognito's x-amzn-RequestId: " + call.attribute("aws.request_id"));
            assertFalse(call.error());
            // a child of Payara's span of the admin's post
            ExportedSpan post = spanById(call.traceId(), call.parentSpanId());
            assertEquals(SpanKind.SPAN_KIND_SERVER, post.kind());
            assertEquals("POST", post.attribute("http.request.method"));
            assertEquals("/admin/index.xhtml", post.attribute("url.path"));
        }
    }

    private static WebClient browser() {
        WebClient browser = new WebClient();
        browser.getOptions().setJavaScriptEnabled(false);
        browser.getOptions().setCssEnabled(false);
        return browser;
    }

    /** A caller's span: the parent every API call of these tests names. */
    private static final String CALLER_SPAN = "00f067aa0ba902b7";

    private HttpResponse<String> me(String token, String traceId) throws Exception {
        return http.send(HttpRequest.newBuilder(URI.create(AppDeployment.APP + "/api/me"))
                .header("Authorization", "Bearer " + token)
                .header("traceparent", "00-" + traceId + "-" + CALLER_SPAN + "-01").build(),
                HttpResponse.BodyHandlers.ofString());
    }

    private static String newTraceId() {
        byte[] id = new byte[16];
        RANDOM.nextBytes(id);
        return HexFormat.of().formatHex(id);
    }

    private static ExportedSpan one(String traceId, String name) throws InterruptedException {
        List<ExportedSpan> found = collector.await(span -> span.traceId().equals(traceId) && span.name().equals(name),
                1);
        assertEquals(1, found.size(), "one span " + name + " in trace " + traceId + ": " + found);
        return found.get(0);
    }

    private static ExportedSpan spanById(String traceId, String spanId) throws InterruptedException {
        List<ExportedSpan> found = collector.await(span -> span.traceId().equals(traceId)
                && span.spanId().equals(spanId), 1);
        assertEquals(1, found.size(), "span " + spanId + " of trace " + traceId);
        return found.get(0);
    }

    /** The node's log line that holds both texts, once it is written. */
    private static String awaitLogLine(String text, String alsoText) throws Exception {
        long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
        do {
            for (String line : Files.readAllLines(node.log(), StandardCharsets.ISO_8859_1)) {
                if (line.contains(text) && line.contains(alsoText)) {
                    return line;
                }
            }
            Thread.sleep(200);
        } while (System.nanoTime() < deadline);
        throw new AssertionError("no log line with " + text + " and " + alsoText + " in " + node.log());
    }

    private static Map<String, Object> tokens(String user) throws Exception {
        return new HostedUiClient(cognito()).tokens(user, user.equals("bob") ? "Bob-Passw0rd!" : "Alice-Passw0rd!");
    }

    private static LocalCognito cognito() {
        return SharedCognito.cognito();
    }
}
