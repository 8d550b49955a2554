package dev.payaracognito.api;

import dev.payaracognito.security.CognitoPrincipal;
import dev.payaracognito.security.token.CognitoToken;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.security.enterprise.SecurityContext;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.NotAuthorizedException;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.util.Set;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;

/** {@code GET /api/me}: who the access token speaks for, a user or a machine client. Any valid access token (web.xml). */
@Path("/me")
@ApplicationScoped
public class MeResource {

    /**
     * {@code kind} is {@code user} or {@code client} (a machine client's own token: no username, sub or groups,
     * which JSON-B leaves out as nulls). {@code expiresAt} is ISO-8601 (UTC), formatted here: cheaper than the
     * JSON-B adapter for Instant.
     */
    public record Me(String kind, String username, String sub, String clientId, Set<String> groups,
            Set<String> scopes, String expiresAt) {

        static Me of(CognitoToken token) {
            String expiresAt = token.expiresAt().toString();
            if (token.caller() == CognitoToken.Caller.CLIENT) {
                return new Me("client", null, null, token.clientId(), null, token.scopes(), expiresAt);
            }
            return new Me("user", token.username(), token.subject(), token.clientId(), token.groups(), token.scopes(),
                    expiresAt);
        }
    }

    /**
     * Jakarta Security's, not a JAX-RS {@code @Context}: in this application-scoped resource a {@code @Context}
     * request or security context is looked up through HK2 on every call, the costliest step of the whole request
     * in the load run (docs/performance.md).
     */
    @Inject
    private SecurityContext security;

    @GET
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(summary = "The caller of the access token: a user (username, groups, scopes) or a machine client (its id, scopes), and the expiry")
    @SecurityRequirement(name = ApiApplication.COGNITO)
    @APIResponse(responseCode = "200", description = "The token's caller",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = Me.class)))
    @APIResponse(responseCode = "401", description = "No token (a challenge), or an invalid one: malformed, expired, not yet valid, an ID token, another client's or pool's, or of a sign-in that has ended",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(ref = ApiApplication.ERROR)))
    @APIResponse(responseCode = "503", description = "The pool's keys cannot be had from Cognito just now",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(ref = ApiApplication.ERROR)))
    public Me me() {
        if (!(security.getCallerPrincipal() instanceof CognitoPrincipal caller)) {
            throw new NotAuthorizedException("Bearer");
        }
        return Me.of(caller.token());
    }
}
