package dev.payaracognito.health;

import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.Liveness;

/**
 * Alive while the app answers: nothing the app can repair by a restart depends on Cognito, so an outage there never
 * makes a node "dead" (an orchestrator would restart every node at once, for nothing).
 */
@Liveness
@ApplicationScoped
public class Alive implements HealthCheck {

    @Override
    public HealthCheckResponse call() {
        return HealthCheckResponse.up("app");
    }
}
