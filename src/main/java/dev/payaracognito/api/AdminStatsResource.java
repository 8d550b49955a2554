package dev.payaracognito.api;

import dev.payaracognito.audit.SecurityStats;
import jakarta.annotation.security.RolesAllowed;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.util.Map;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;

/**
 * {@code GET /api/admin/stats}: sign-in and API statistics since this node started, the same counters as
 * {@code /metrics}. Group admins, or a machine client granted {@code payara-api/admin}: said twice, by web.xml's
 * constraint on {@code /api/admin/*} and here, so that neither a changed URL mapping nor a changed constraint opens it.
 */
@Path("/admin/stats")
@RolesAllowed({"admins", "scope:payara-api/admin"})
@ApplicationScoped
public class AdminStatsResource {

    public record Stats(long signIns, long refreshes, long refreshesDeferred, long signOuts, long revocations,
            Map<String, Long> refusals, long activeSessions, long apiCalls, double tokenCacheHitRatio,
            long jwksFetches, long jwksFailures) {}

    @Inject
    private SecurityStats stats;

    @GET
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(summary = "Sign-in and API statistics of this node (the counters of /metrics), for the group admins or a machine client granted payara-api/admin")
    @SecurityRequirement(name = ApiApplication.COGNITO)
    @APIResponse(responseCode = "200", description = "The counters",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = Stats.class)))
    @APIResponse(responseCode = "401", description = "No token, or an invalid one",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(ref = ApiApplication.ERROR)))
    @APIResponse(responseCode = "403", description = "A valid token neither of a user in the group admins nor granted the scope payara-api/admin (insufficient_scope)",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(ref = ApiApplication.ERROR)))
    public Stats stats() {
        return new Stats(stats.signIns(), stats.refreshes(), stats.refreshesDeferred(), stats.signOuts(),
                stats.revocations(), stats.refusals(), stats.activeSessions(), stats.apiCalls(),
                stats.tokenCacheHitRatio(), stats.jwksFetches(), stats.jwksFailures());
    }
}
