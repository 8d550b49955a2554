package dev.payaracognito.cognito;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Duration;

/**
 * Whether Cognito answers, asked before a browser is sent to its hosted UI: when it does not, a new sign-in
 * gets our "temporarily unavailable" page instead of a browser error on Cognito's host. The answer is kept a
 * few seconds and asked by one request at a time, so an outage costs one probe per interval however busy the app
 * is, and recovery needs no restart.
 */
@ApplicationScoped
public class CognitoHealth {

    private static final Duration KEPT = Duration.ofSeconds(5);

    @Inject
    private CognitoEndpoints endpoints;

    @Inject
    private CognitoDiscovery discovery;

    private final SingleFlightProbe probe = new SingleFlightProbe(this::answers, KEPT, System::nanoTime);

    public boolean reachable() {
        return probe.answer();
    }

    /** The sign-ins' issuer's discovery document: small, and served by every user pool. */
    private boolean answers() {
        try {
            return discovery.answers(endpoints.getIssuer());
        } catch (CognitoUnavailable e) {
            return false;
        }
    }
}
