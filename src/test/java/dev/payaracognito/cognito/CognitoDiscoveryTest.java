package dev.payaracognito.cognito;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.payaracognito.localcognito.Endpoint;
import dev.payaracognito.localcognito.IssuerConfiguration;
import dev.payaracognito.localcognito.LocalCognito;
import dev.payaracognito.localcognito.RunningCognito;
import dev.payaracognito.localcognito.UserPool;
import dev.payaracognito.telemetry.Tracing;
import dev.payaracognito.testing.CapturedLog;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** Which issuer sign-ins use when both formats are accepted: the one the pool's discovery document names. */
class CognitoDiscoveryTest {

    @RegisterExtension
    static final RunningCognito POOL = new RunningCognito();
    @RegisterExtension
    final CapturedLog log = new CapturedLog(CognitoDiscovery.class);

    private static final String OTHER = "https://issuer-cognito-idp.eu-west-1.amazonaws.com/eu-west-1_LocalDemo";

    @BeforeEach
    void honestCognito() {
        POOL.cognito().healAll();
    }

    @Test
    void theIssuerTheDocumentNamesIfItIsOneOfOursAndItIsKept() {
        // a pool whose issuer configuration is UPDATED: its discovery document names the updated issuer
        CognitoDiscovery discovery = new CognitoDiscovery(Tracing.off());
        String home = POOL.cognito().issuer();
        POOL.cognito().answerJson(Endpoint.DISCOVERY, "{\"issuer\":\"" + OTHER + "\"}");
        assertEquals(OTHER, discovery.announcedIssuer(List.of(home, OTHER)), "named by the document");
        POOL.cognito().fail(Endpoint.DISCOVERY, 503);
        assertEquals(OTHER, discovery.announcedIssuer(List.of(home, OTHER)), "kept once known");
    }

    @Test
    void anIssuerNotOursIsNeverTakenFromTheDocument() {
        String home = POOL.cognito().issuer();
        POOL.cognito().answerJson(Endpoint.DISCOVERY, "{\"issuer\":\"https://cognito-idp.evil.example/x\"}");
        assertEquals(home, new CognitoDiscovery(Tracing.off()).announcedIssuer(List.of(home, OTHER)));
    }

    @Test
    void noGuessWhileCognitoCannotBeReachedAndAskedAgainLater() {
        CognitoDiscovery discovery = new CognitoDiscovery(Tracing.off());
        String home = POOL.cognito().issuer();
        POOL.cognito().fail(Endpoint.DISCOVERY, 503);
        assertThrows(CognitoUnavailable.class, () -> discovery.announcedIssuer(List.of(home, OTHER)));
        POOL.cognito().heal(Endpoint.DISCOVERY);
        assertEquals(home, discovery.announcedIssuer(List.of(home, OTHER)));
    }

    @Test
    void anIssuerWhoseDocumentIsNotServedIsPassedOverForTheNext() {
        // a pool on the updated format serves no document under its original issuer (the local Cognito's reading)
        String original = POOL.cognito().issuer();
        POOL.cognito().issuing(IssuerConfiguration.updated(UserPool.DEMO_POOL_ID));
        try {
            String updated = POOL.cognito().issuer();
            assertEquals(updated, new CognitoDiscovery(Tracing.off()).announcedIssuer(List.of(original, updated)));
        } finally {
            POOL.cognito().issuing(IssuerConfiguration.original(UserPool.DEMO_POOL_ID));
        }
    }

    @Test
    void anOutageOfTheFirstIssuerIsNotPassedOver() throws Exception {
        // an issuer that cannot be reached, or answers 5xx, says nothing of the pool's format
        String answering = POOL.cognito().issuer();
        String unreachable = "http://localhost:1/cognito-idp.eu-west-1.amazonaws.com/eu-west-1_LocalDemo";
        assertThrows(CognitoUnavailable.class,
                () -> new CognitoDiscovery(Tracing.off()).announcedIssuer(List.of(unreachable, answering)));
        try (LocalCognito failing = LocalCognito.demo().start()) {
            // a throttle or a proxy's refusal is not Cognito saying the document is not there either
            for (int status : List.of(503, 429, 403)) {
                failing.fail(Endpoint.DISCOVERY, status);
                assertThrows(CognitoUnavailable.class,
                        () -> new CognitoDiscovery(Tracing.off()).announcedIssuer(List.of(failing.issuer(), answering)),
                        "passed over a " + status);
            }
        }
    }

    @Test
    void cognitoAnswersWhenItSaysADocumentIsNotThereButNotWhenItFails() throws Exception {
        CognitoDiscovery discovery = new CognitoDiscovery(Tracing.off());
        String notServed = POOL.cognito().domain() + "/issuer-cognito-idp.eu-west-1.amazonaws.com/eu-west-1_LocalDemo";
        assertTrue(discovery.answers(POOL.cognito().issuer()));
        assertTrue(discovery.answers(notServed), "a 404: the pool's format changed, Cognito is up");
        assertTrue(discovery.answers(notServed));
        assertEquals(1, log.warnings().size(), "said once, not at every probe: " + log.warnings());
        assertTrue(log.warnings().get(0).contains("no discovery document under the sign-ins' issuer " + notServed),
                log.warnings().get(0));
        POOL.cognito().fail(Endpoint.DISCOVERY, 503);
        assertFalse(discovery.answers(POOL.cognito().issuer()));
    }

    @Test
    void noDocumentUnderAnyIssuerIsUnavailableNotAGuess() {
        String notServed = POOL.cognito().domain() + "/issuer-cognito-idp.eu-west-1.amazonaws.com/eu-west-1_LocalDemo";
        assertThrows(CognitoUnavailable.class, () -> new CognitoDiscovery(Tracing.off()).announcedIssuer(List.of(notServed)));
    }
}
