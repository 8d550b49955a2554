package dev.payaracognito.operations;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.nimbusds.jose.util.JSONObjectUtils;
import dev.payaracognito.localcognito.HostedUiClient;
import dev.payaracognito.localcognito.LocalCognito;
import dev.payaracognito.localcognito.UserPool;
import dev.payaracognito.testing.AppDeployment;
import dev.payaracognito.testing.AppMetrics;
import dev.payaracognito.testing.PayaraMicroTest;
import dev.payaracognito.testing.SharedCognito;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * What an operator's tools read: MicroProfile Health for the orchestrator, MicroProfile Metrics for Prometheus
 * (the same numbers as {@code /api/admin/stats}), and the API's OpenAPI description, as Payara Micro serves them
 * in the app's context.
 */
@PayaraMicroTest
class OperationsIT {

    private static final String APP = AppDeployment.APP;
    private final HttpClient http = HttpClient.newHttpClient();

    @Deployment(testable = false)
    static WebArchive deployment() {
        return AppDeployment.war();
    }

    @BeforeEach
    void honestCognito() {
        cognito().healAll();
    }

    @Test
    void readyWhenConfiguredWithTheKeysAndAliveAndNothingSecretSaid() throws Exception {
        HttpResponse<String> ready = get("/health/ready", null);
        assertEquals(200, ready.statusCode(), ready.body());
        Map<String, Object> check = check(ready.body(), "cognito-sign-in");
        assertEquals("UP", check.get("status"));
        Map<?, ?> data = (Map<?, ?>) check.get("data");
        assertEquals("true", data.get("configured"));
        assertEquals("known", data.get("signingKeys"));
        assertEquals("answers", data.get("cognito"));
        assertTrue(String.valueOf(data.get("sessionKey")).startsWith("this node's own"), data.toString());
        assertTrue(data.containsKey("tokenRevocation"), data.toString());
        assertFalse(ready.body().contains(UserPool.DEMO_CLIENT_SECRET) || ready.body().contains(UserPool.DEMO_CLIENT_ID));

        HttpResponse<String> live = get("/health/live", null);
        assertEquals(200, live.statusCode());
        assertEquals("UP", JSONObjectUtils.parse(live.body()).get("status"));

        HttpResponse<String> started = get("/health/started", null); // the Kubernetes manifest's startup probe
        assertEquals(200, started.statusCode());
        assertEquals("UP", JSONObjectUtils.parse(started.body()).get("status"));
    }

    @Test
    void aCognitoOutageLeavesTheNodeReadyAndSaysSo() throws Exception {
        assertEquals(200, get("/health/ready", null).statusCode()); // the keys are known
        cognito().stop();
        try {
            // the app's last word on Cognito is kept 5 s: ask until the check has noticed, ready all along
            long deadline = System.nanoTime() + Duration.ofSeconds(15).toNanos();
            Object cognitoSays;
            do {
                HttpResponse<String> ready = get("/health/ready", null);
                assertEquals(200, ready.statusCode(), "still ready: signed-in users and known keys keep working");
                cognitoSays = ((Map<?, ?>) check(ready.body(), "cognito-sign-in").get("data")).get("cognito");
            } while (!"does not answer".equals(cognitoSays) && System.nanoTime() < deadline && pause());
            assertEquals("does not answer", cognitoSays);
        } finally {
            cognito().start();
        }
    }

    @Test
    void metricsCountWhatTheAdminStatsSayInPrometheusText() throws Exception {
        String token = (String) new HostedUiClient(cognito()).tokens("bob", "Bob-Passw0rd!").get("access_token");
        double refusedBefore = AppMetrics.sample("payara_cognito_api_calls_total", "outcome=\"refused\"");
        assertEquals(401, get("/api/me", null).statusCode());
        assertEquals(401, get("/api/me", "not-a-token").statusCode());
        assertEquals(200, get("/api/me", token).statusCode());
        assertEquals(refusedBefore + 2, AppMetrics.sample("payara_cognito_api_calls_total", "outcome=\"refused\""));
        assertTrue(AppMetrics.sample("payara_cognito_refusals_total", "reason=\"api:MALFORMED\"") >= 1);
        assertTrue(AppMetrics.sample("payara_cognito_jwks_fetches_total", "outcome=\"fetched\"") >= 1);

        // the admin statistics are the same counters
        Map<String, Object> stats = JSONObjectUtils.parse(get("/api/admin/stats", token).body());
        double apiCalls = AppMetrics.sample("payara_cognito_api_calls_total", "outcome=\"accepted\"")
                + AppMetrics.sample("payara_cognito_api_calls_total", "outcome=\"refused\"")
                + AppMetrics.sample("payara_cognito_api_calls_total", "outcome=\"public\"");
        assertEquals(apiCalls, ((Number) stats.get("apiCalls")).doubleValue());
        assertEquals(AppMetrics.sample("payara_cognito_refusals_total", "reason=\"api:NO_TOKEN\""),
                ((Number) ((Map<?, ?>) stats.get("refusals")).get("api:NO_TOKEN")).doubleValue());
    }

    @Test
    void theApiIsDescribedWithItsBearerSchemeAndItsRefusals() throws Exception {
        HttpResponse<String> answer = get("/openapi?format=JSON", null);
        assertEquals(200, answer.statusCode());
        Map<String, Object> openApi = JSONObjectUtils.parse(answer.body());
        Map<?, ?> paths = (Map<?, ?>) openApi.get("paths");
        assertEquals(List.of("/api/admin/stats", "/api/me", "/api/status"), paths.keySet().stream().sorted().toList());
        Map<?, ?> scheme = (Map<?, ?>) ((Map<?, ?>) ((Map<?, ?>) openApi.get("components")).get("securitySchemes"))
                .get("cognito");
        assertEquals("http", scheme.get("type"));
        assertEquals("bearer", scheme.get("scheme"));
        Map<?, ?> me = (Map<?, ?>) ((Map<?, ?>) paths.get("/api/me")).get("get");
        assertEquals(List.of(Map.of("cognito", List.of())), me.get("security"));
        assertTrue(((Map<?, ?>) me.get("responses")).keySet().containsAll(List.of("200", "401", "503")));
        Map<?, ?> status = (Map<?, ?>) ((Map<?, ?>) paths.get("/api/status")).get("get");
        assertFalse(status.containsKey("security"), "the status is public");
        assertTrue(answer.body().contains("insufficient_scope"), "the error body's codes are described");
    }

    private static boolean pause() throws InterruptedException {
        Thread.sleep(250);
        return true;
    }

    private static Map<String, Object> check(String health, String name) throws Exception {
        for (Object check : (List<?>) JSONObjectUtils.parse(health).get("checks")) {
            @SuppressWarnings("unchecked")
            Map<String, Object> found = (Map<String, Object>) check;
            if (name.equals(found.get("name"))) {
                return found;
            }
        }
        throw new AssertionError("no check " + name + " in " + health);
    }

    private HttpResponse<String> get(String path, String token) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(APP + path));
        if (token != null) {
            request.header("Authorization", "Bearer " + token);
        }
        return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    private static LocalCognito cognito() {
        return SharedCognito.cognito();
    }
}
