package dev.payaracognito.api;

import jakarta.ws.rs.ApplicationPath;
import jakarta.ws.rs.core.Application;
import java.util.Map;
import org.eclipse.microprofile.openapi.annotations.Components;
import org.eclipse.microprofile.openapi.annotations.OpenAPIDefinition;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.enums.SecuritySchemeType;
import org.eclipse.microprofile.openapi.annotations.info.Info;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.media.SchemaProperty;
import org.eclipse.microprofile.openapi.annotations.security.SecurityScheme;

/**
 * The REST API, for clients that hold a Cognito access token: {@code Authorization: Bearer <token>}. Its OpenAPI
 * description is published at {@code /openapi} (Payara builds it from these annotations): the Bearer scheme, and
 * every answer with its error body.
 *
 * <p>Each resource's {@code @Path} starts with "/", which JAX-RS ignores: Payara's traces join this path and the
 * resource's as written, and {@code @Path("me")} made the server span of {@code /api/me} "GET /apime", with that
 * route ({@code TracesIT} checks the name).
 */
@ApplicationPath("api")
@OpenAPIDefinition(info = @Info(title = "Payara Cognito API", version = "1",
        description = "Calls with an Amazon Cognito access token. Refusals follow RFC 6750: a WWW-Authenticate"
                + " challenge and a small JSON body {\"error\": …} that never repeats the token."),
        components = @Components(schemas = @Schema(name = ApiApplication.ERROR, type = SchemaType.OBJECT,
                description = "Every refusal's body", properties = @SchemaProperty(name = "error",
                        type = SchemaType.STRING, enumeration = {"unauthorized", "invalid_token",
                            "insufficient_scope", "invalid_request", "not_found", "method_not_allowed",
                            "temporarily_unavailable", "not_configured", "server_error"}))))
@SecurityScheme(securitySchemeName = ApiApplication.COGNITO, type = SecuritySchemeType.HTTP, scheme = "bearer",
        bearerFormat = "JWT", description = "A Cognito access token (token_use=access) of this user pool, issued to"
                + " this app's client or to one listed in COGNITO_API_CLIENT_IDS.")
public class ApiApplication extends Application {

    /** The security scheme's name in the OpenAPI description. */
    static final String COGNITO = "cognito";
    /** The refusals' body in the OpenAPI description. */
    static final String ERROR = "Error";

    /**
     * No WADL: Jersey would describe the whole API to anyone who sends OPTIONS. {@code @RolesAllowed} on resources
     * is Jersey's to enforce, once its feature is registered.
     */
    @Override
    public Map<String, Object> getProperties() {
        return Map.of("jersey.config.server.wadl.disableWadl", true,
                "jersey.config.server.provider.classnames", "org.glassfish.jersey.server.filter.RolesAllowedDynamicFeature");
    }
}
