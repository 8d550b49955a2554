package dev.payaracognito.api;

import dev.payaracognito.cognito.CognitoEndpoints;
import dev.payaracognito.cognito.CognitoSettings;
import dev.payaracognito.security.CognitoValidation;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Properties;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;

/**
 * {@code GET /api/status}, public: the version, the sign-ins' issuer, and whether the app is ready (configured, and the
 * pool's keys known or reachable). Nothing secret.
 */
@Path("/status")
@ApplicationScoped
public class StatusResource {

    public record Status(String version, String issuer, boolean ready) {}

    @Inject
    private CognitoSettings settings;

    @Inject
    private CognitoValidation validation;

    @Inject
    private CognitoEndpoints endpoints;

    /** Read once: a field's initializer would run for CDI's proxy of this bean too. */
    private static final String VERSION = version();

    @GET
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(summary = "Public: the app's version, its issuer, and whether it can validate tokens now")
    @APIResponse(responseCode = "200", description = "The status",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = Status.class)))
    public Status status() {
        boolean configured = settings.problems().isEmpty();
        return new Status(VERSION, configured ? endpoints.knownIssuer().orElse(settings.pool().issuer()) : null,
                configured && validation.signingKeysKnown());
    }

    private static String version() {
        try (InputStream in = StatusResource.class.getResourceAsStream("/app.properties")) {
            Properties properties = new Properties();
            properties.load(in);
            return properties.getProperty("version");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
