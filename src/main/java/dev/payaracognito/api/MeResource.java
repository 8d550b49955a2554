package dev.payaracognito.api;

import dev.payaracognito.security.CognitoPrincipal;
import dev.payaracognito.security.CognitoToken;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.security.enterprise.SecurityContext;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.NotAuthorizedException;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.time.Instant;
import java.util.List;

/** {@code GET /api/me}: who the access token's user is. Any valid access token (web.xml). */
@Path("me")
@ApplicationScoped
public class MeResource {

    public record Me(String username, String sub, List<String> groups, List<String> scopes, Instant expiresAt) {}

    @Inject
    private SecurityContext security;

    @GET
    @Produces(MediaType.APPLICATION_JSON)
    public Me me() {
        CognitoToken token = security.getPrincipalsByType(CognitoPrincipal.class).stream()
                .findFirst()
                .map(CognitoPrincipal::token)
                .orElseThrow(() -> new NotAuthorizedException("Bearer"));
        return new Me(token.username(), token.subject(), token.groups().stream().sorted().toList(),
                token.scopes().stream().sorted().toList(), token.expiresAt());
    }
}
