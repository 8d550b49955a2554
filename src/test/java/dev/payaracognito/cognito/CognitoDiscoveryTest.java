package dev.payaracognito.cognito;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.payaracognito.localcognito.Endpoint;
import dev.payaracognito.localcognito.RunningCognito;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** Which issuer sign-ins use when both formats are accepted: the one the pool's discovery document names. */
class CognitoDiscoveryTest {

    @RegisterExtension
    static final RunningCognito POOL = new RunningCognito();

    private static final String OTHER = "https://issuer-cognito-idp.eu-west-1.amazonaws.com/eu-west-1_LocalDemo";

    @BeforeEach
    void honestCognito() {
        POOL.cognito().healAll();
    }

    @Test
    void theIssuerTheDocumentNamesIfItIsOneOfOursAndItIsKept() {
        // a pool whose issuer configuration is UPDATED: its discovery document names the updated issuer
        CognitoDiscovery discovery = new CognitoDiscovery();
        String home = POOL.cognito().issuer();
        POOL.cognito().answerJson(Endpoint.DISCOVERY, "{\"issuer\":\"" + OTHER + "\"}");
        assertEquals(OTHER, discovery.announcedIssuer(home, List.of(home, OTHER)), "named by the document");
        POOL.cognito().fail(Endpoint.DISCOVERY, 503);
        assertEquals(OTHER, discovery.announcedIssuer(home, List.of(home, OTHER)), "kept once known");
    }

    @Test
    void anIssuerNotOursIsNeverTakenFromTheDocument() {
        String home = POOL.cognito().issuer();
        POOL.cognito().answerJson(Endpoint.DISCOVERY, "{\"issuer\":\"https://cognito-idp.evil.example/x\"}");
        assertEquals(home, new CognitoDiscovery().announcedIssuer(home, List.of(home, OTHER)));
    }

    @Test
    void noGuessWhileCognitoCannotBeReachedAndAskedAgainLater() {
        CognitoDiscovery discovery = new CognitoDiscovery();
        String home = POOL.cognito().issuer();
        POOL.cognito().fail(Endpoint.DISCOVERY, 503);
        assertThrows(CognitoUnavailable.class, () -> discovery.announcedIssuer(home, List.of(home, OTHER)));
        POOL.cognito().heal(Endpoint.DISCOVERY);
        assertEquals(home, discovery.announcedIssuer(home, List.of(home, OTHER)));
    }
}
