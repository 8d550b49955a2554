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

/** {@code GET /api/me}: who the access token's user is. Any valid access token (web.xml). */
@Path("me")
@ApplicationScoped
public class MeResource {

    /** {@code expiresAt} is ISO-8601 (UTC), formatted here: cheaper than the JSON-B adapter for Instant. */
    public record Me(String username, String sub, Set<String> groups, Set<String> scopes, String expiresAt) {}

    /**
     * Jakarta Security's, not a JAX-RS {@code @Context}: in this application-scoped resource a {@code @Context}
     * request or security context is looked up through HK2 on every call, the costliest step of the whole request
     * in the load run (README, Performance).
     */
    @Inject
    private SecurityContext security;

    @GET
    @Produces(MediaType.APPLICATION_JSON)
    public Me me() {
        if (!(security.getCallerPrincipal() instanceof CognitoPrincipal caller)) {
            throw new NotAuthorizedException("Bearer");
        }
        CognitoToken token = caller.token();
        return new Me(token.username(), token.subject(), token.groups(), token.scopes(), token.expiresAt().toString());
    }
}
