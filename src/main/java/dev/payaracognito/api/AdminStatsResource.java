package dev.payaracognito.api;

import dev.payaracognito.audit.SecurityStats;
import dev.payaracognito.security.CognitoValidation;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.util.Map;

/** {@code GET /api/admin/stats}: sign-in and API statistics since the app started. Group admins (web.xml). */
@Path("admin/stats")
@ApplicationScoped
public class AdminStatsResource {

    public record Stats(long signIns, Map<String, Long> refusals, long activeSessions, long apiCalls,
            double tokenCacheHitRatio, long jwksFetches) {}

    @Inject
    private SecurityStats stats;

    @Inject
    private CognitoValidation validation;

    @GET
    @Produces(MediaType.APPLICATION_JSON)
    public Stats stats() {
        return new Stats(stats.signIns(), stats.refusals(), stats.activeSessions(), stats.apiCalls(),
                validation.accessTokens().hitRatio(), validation.keys().fetches());
    }
}
