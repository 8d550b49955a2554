package dev.payaracognito.api;

import dev.payaracognito.security.CognitoPrincipal;
import dev.payaracognito.security.CognitoToken;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.NotAuthorizedException;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import java.util.Set;

/** {@code GET /api/me}: who the access token's user is. Any valid access token (web.xml). */
@Path("me")
@ApplicationScoped
public class MeResource {

    /** {@code expiresAt} is ISO-8601 (UTC), formatted here: cheaper than the JSON-B adapter for Instant. */
    public record Me(String username, String sub, Set<String> groups, Set<String> scopes, String expiresAt) {}

    @Context
    private HttpServletRequest request;

    @GET
    @Produces(MediaType.APPLICATION_JSON)
    public Me me() {
        CognitoToken token = CognitoPrincipal.of(request)
                .map(CognitoPrincipal::token)
                .orElseThrow(() -> new NotAuthorizedException("Bearer"));
        return new Me(token.username(), token.subject(), token.groups(), token.scopes(), token.expiresAt().toString());
    }
}
