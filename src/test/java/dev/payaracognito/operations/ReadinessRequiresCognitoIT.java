package dev.payaracognito.operations;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.payaracognito.localcognito.Endpoint;
import dev.payaracognito.localcognito.LocalCognito;
import dev.payaracognito.testing.AppDeployment;
import dev.payaracognito.testing.PayaraMicroTest;
import dev.payaracognito.testing.SharedCognito;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;

/**
 * {@code APP_HEALTH_READY_REQUIRES_COGNITO=true}, for an operator who prefers a node out of the balancer while
 * Cognito does not answer: the node is not ready during the outage, and ready again once Cognito is back (the
 * default, a node that stays ready, is {@link OperationsIT#aCognitoOutageLeavesTheNodeReadyAndSaysSo}); and, with
 * either setting, a node without the pool's signing keys is not ready.
 */
@PayaraMicroTest
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class ReadinessRequiresCognitoIT {

    /**
     * Long enough for the app to notice a change: its word on Cognito lasts 5 s, and a failed JWKS fetch is
     * retried after {@link #REFETCH} at the soonest (nimbus's rate limit, which counts failed fetches too).
     */
    private static final Duration NOTICED = Duration.ofSeconds(15);
    /** Shorter than the default 15 s, which would leave the first test's recovery racing {@link #NOTICED}. */
    private static final Duration REFETCH = Duration.ofSeconds(2);
    private final HttpClient http = HttpClient.newHttpClient();

    @Deployment(testable = false)
    static WebArchive deployment() {
        return AppDeployment.war("app.health.ready-requires-cognito=true",
                "cognito.jwks.min-refetch-interval=" + REFETCH);
    }

    /**
     * Whatever the setting, a node that has never had the pool's signing keys cannot sign anyone in: first in this
     * class, as the deployment's first readiness call fetches them.
     */
    @Test
    @Order(1)
    void aNodeThatHasNeverHadTheKeysIsNotReadyWhileCognitoAnswersOtherwise() throws Exception {
        cognito().fail(Endpoint.JWKS, 503);
        try {
            assertEquals(503, awaitReadiness(503));
            String body = readiness().body();
            assertTrue(body.contains("\"signingKeys\":\"unavailable\"") && body.contains("\"cognito\":\"answers\""),
                    body);
        } finally {
            cognito().heal(Endpoint.JWKS);
        }
        assertEquals(200, awaitReadiness(200), "ready once the keys can be fetched");
        assertTrue(readiness().body().contains("\"signingKeys\":\"known\""));
    }

    @Test
    @Order(2)
    void aNodeIsNotReadyWhileCognitoDoesNotAnswerAndReadyOnceItDoes() throws Exception {
        assertEquals(200, awaitReadiness(200), "ready while Cognito answers");
        cognito().stop();
        try {
            assertEquals(503, awaitReadiness(503), "not ready once the app has noticed the outage");
        } finally {
            cognito().start();
        }
        assertEquals(200, awaitReadiness(200), "ready again once Cognito answers");
    }

    /** The readiness status, asked until it is {@code expected} or the app has had time to notice. */
    private int awaitReadiness(int expected) throws Exception {
        long deadline = System.nanoTime() + NOTICED.toNanos();
        int status;
        do {
            status = readiness().statusCode();
            if (status != expected) {
                Thread.sleep(250);
            }
        } while (status != expected && System.nanoTime() < deadline);
        return status;
    }

    private HttpResponse<String> readiness() throws Exception {
        return http.send(HttpRequest.newBuilder(URI.create(AppDeployment.APP + "/health/ready")).build(),
                HttpResponse.BodyHandlers.ofString());
    }

    private static LocalCognito cognito() {
        return SharedCognito.cognito();
    }
}
