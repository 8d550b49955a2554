package dev.payaracognito.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.payaracognito.testing.AppDeployment;
import dev.payaracognito.testing.PayaraMicroTest;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.List;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.Test;

/** Deployed with settings missing or wrong: the app starts, and every page says plainly what to set. */
@PayaraMicroTest
class NotConfiguredIT {

    private final HttpClient http = HttpClient.newHttpClient();

    @Deployment(testable = false)
    static WebArchive deployment() {
        return AppDeployment.war(
                "cognito.issuer=",
                "cognito.region=eu-west-1",
                "cognito.user-pool-id=not a pool id",
                "cognito.client-id=",
                "cognito.client-secret=",
                "app.base-url=ftp://example.com",
                "app.session.idle-timeout=thirty minutes",
                "cognito.jwks.cache-ttl=PT0.1S");
    }

    @Test
    void everyPageSaysWhatToSet() throws Exception {
        for (String path : List.of("/", "/secure/profile.xhtml", "/admin/index.xhtml", "/callback?code=x&state=y")) {
            HttpResponse<String> page = get(path);
            assertEquals(503, page.statusCode(), path);
            assertTrue(page.body().contains("This application is not configured yet"), path);
            assertTrue(page.body().contains("COGNITO_USER_POOL_ID must look like eu-west-1_AbC123xyz"), path);
            assertTrue(page.body().contains("Set COGNITO_CLIENT_ID"), path);
            assertTrue(page.body().contains("Set COGNITO_CLIENT_SECRET"), path);
            assertTrue(page.body().contains("APP_BASE_URL (app.base-url) must be an https URL (http only on localhost, in development mode)"), path);
            assertTrue(page.body().contains("APP_SESSION_IDLE_TIMEOUT, APP_SESSION_MAX_LIFETIME and"
                    + " APP_SESSION_PENDING_LIFETIME (app.session.*) must be positive ISO-8601 durations such as PT30M"),
                    path);
            assertTrue(page.body().contains("cognito.jwks.min-refetch-interval must be shorter than"), path);
            assertFalse(page.headers().firstValue("Location").isPresent(), "no redirect to a Cognito that isn't set");
            assertFalse(page.body().contains("Exception"), path);
        }
    }

    @Test
    void healthSaysNotReadyWithoutSecretsAndMetricsStillAnswer() throws Exception {
        HttpResponse<String> ready = get("/health/ready");
        assertEquals(503, ready.statusCode(), ready.body());
        assertTrue(ready.body().contains("\"configured\":\"false\""), ready.body());
        assertFalse(ready.body().contains("COGNITO_"), "what to set is on the pages, not in the probe");
        assertEquals(200, get("/health/live").statusCode());
        // started: Kubernetes' startup probe would otherwise restart a node that only waits for its settings
        assertEquals(200, get("/health/started").statusCode());
        assertEquals(200, get("/metrics").statusCode());
    }

    @Test
    void theStylesheetIsStillServed() throws Exception {
        assertEquals(200, get("/jakarta.faces.resource/app.css.xhtml").statusCode());
    }

    private HttpResponse<String> get(String path) throws Exception {
        return http.send(HttpRequest.newBuilder(URI.create(AppDeployment.APP + path)).build(),
                HttpResponse.BodyHandlers.ofString());
    }
}
