package dev.payaracognito.health;

import dev.payaracognito.cognito.CognitoHealth;
import dev.payaracognito.cognito.CognitoSettings;
import dev.payaracognito.security.CognitoValidation;
import dev.payaracognito.security.TokenRevocation;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.HealthCheckResponseBuilder;
import org.eclipse.microprofile.health.Readiness;

/**
 * Ready when the settings are complete and the pool's signing keys are known (or can be fetched now): then this
 * node validates sign-ins and API calls. Whether Cognito's discovery answers is reported too, but by default it does
 * not make the node unready: during a Cognito outage signed-in users and API calls with known keys keep working,
 * and an orchestrator that took every node out would turn a partial outage into a total one. An operator who
 * prefers a node out when Cognito does not answer sets {@code APP_HEALTH_READY_REQUIRES_COGNITO=true}.
 */
@Readiness
@ApplicationScoped
public class ReadyForSignIns implements HealthCheck {

    @Inject
    private CognitoSettings settings;

    @Inject
    private CognitoValidation validation;

    @Inject
    private CognitoHealth cognito;

    @Inject
    private TokenRevocation tokenRevocation;

    @Override
    public HealthCheckResponse call() {
        HealthCheckResponseBuilder response = HealthCheckResponse.named("cognito-sign-in");
        boolean configured = settings.problems().isEmpty();
        response.withData("configured", configured);
        if (!configured) {
            return response.down().build();
        }
        boolean keys = validation.signingKeysKnown();
        boolean answers = cognito.reachable();
        response.withData("signingKeys", keys ? "known" : "unavailable")
                .withData("cognito", answers ? "answers" : "does not answer")
                .withData("tokenRevocation", tokenRevocation.state())
                .withData("sessionKey", settings.sessions().keys().ofThisNode()
                        ? "this node's own (the nodes of a cluster need APP_SESSION_KEY)"
                        : "APP_SESSION_KEY, sealing with " + settings.sessions().keys().sealingId());
        return response.status(ready(keys, answers, settings.site().readyRequiresCognito())).build();
    }

    /** Configured, the rule: the keys are needed; Cognito's answer only if the operator asked for it. */
    static boolean ready(boolean keysKnown, boolean cognitoAnswers, boolean requiresCognito) {
        return keysKnown && (cognitoAnswers || !requiresCognito);
    }
}
