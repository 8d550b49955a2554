package dev.payaracognito.security;

import static jakarta.security.enterprise.AuthenticationStatus.SEND_FAILURE;

import dev.payaracognito.cognito.CognitoSettings;
import dev.payaracognito.errors.ApiError;
import dev.payaracognito.errors.ErrorPage;
import dev.payaracognito.errors.Failure;
import jakarta.annotation.Priority;
import dev.payaracognito.telemetry.Traced;
import dev.payaracognito.telemetry.Tracing;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Alternative;
import jakarta.faces.application.ResourceHandler;
import jakarta.inject.Inject;
import jakarta.interceptor.Interceptor;
import jakarta.security.enterprise.AuthenticationException;
import jakarta.security.enterprise.AuthenticationStatus;
import jakarta.security.enterprise.authentication.mechanism.http.HttpAuthenticationMechanism;
import jakarta.security.enterprise.authentication.mechanism.http.HttpAuthenticationMechanismHandler;
import jakarta.security.enterprise.authentication.mechanism.http.HttpMessageContext;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.util.List;

/**
 * Chooses how each request authenticates (Jakarta Security 4.0): the REST API under {@code /api} by Bearer
 * token ({@link CognitoApi}), everything else, the browser's pages, through Cognito's hosted UI
 * ({@link CognitoPages}). Every request passes here first, so the security headers are set here, and an
 * unconfigured app says so. It knows both mechanisms by their qualifiers only.
 */
@Alternative
@Priority(Interceptor.Priority.APPLICATION)
@ApplicationScoped
public class CognitoAuthenticationHandler implements HttpAuthenticationMechanismHandler {

    private static final List<String> OPERATIONAL = List.of("/health", "/metrics", "/openapi");

    @Inject
    @CognitoPages
    private HttpAuthenticationMechanism pages;

    @Inject
    @CognitoApi
    private HttpAuthenticationMechanism bearer;

    @Inject
    private CognitoSettings settings;

    @Inject
    private Tracing tracing;

    @Override
    public AuthenticationStatus validateRequest(HttpServletRequest request, HttpServletResponse response,
            HttpMessageContext context) throws AuthenticationException {
        String path = RequestPath.of(request);
        boolean api = isApi(path);
        boolean isStatic = path.startsWith(ResourceHandler.RESOURCE_IDENTIFIER + "/");
        SecurityHeaders.apply(response, settings.site().isHttps() || request.isSecure(), isStatic);
        if (!settings.problems().isEmpty()) {
            return notConfigured(response, context, api, isStatic, isOperational(path));
        }
        try (Traced traced = tracing.authentication(request, api ? "api" : "pages")) {
            try {
                AuthenticationStatus status = mechanism(path).validateRequest(request, response, context);
                traced.attribute("cognito.authentication.outcome", status.name());
                if (status == AuthenticationStatus.SUCCESS && settings.site().tracesUserIds()
                        && context.getCallerPrincipal() != null) {
                    // user names are personal data: in a trace only where the operator said so
                    traced.attribute("enduser.id", context.getCallerPrincipal().getName());
                }
                return status;
            } catch (AuthenticationException | RuntimeException e) {
                traced.failed(e.getClass().getSimpleName());
                throw e;
            }
        }
    }

    @Override
    public AuthenticationStatus secureResponse(HttpServletRequest request, HttpServletResponse response,
            HttpMessageContext context) throws AuthenticationException {
        return mechanism(RequestPath.of(request)).secureResponse(request, response, context);
    }

    @Override
    public void cleanSubject(HttpServletRequest request, HttpServletResponse response, HttpMessageContext context) {
        mechanism(RequestPath.of(request)).cleanSubject(request, response, context);
    }

    private HttpAuthenticationMechanism mechanism(String path) {
        return isApi(path) ? bearer : pages;
    }

    /** Payara's MicroProfile endpoints, served in this app's context: they must answer even unconfigured. */
    private static boolean isOperational(String path) {
        for (String root : OPERATIONAL) {
            if (path.equals(root) || path.startsWith(root + "/")) {
                return true;
            }
        }
        return false;
    }

    private static boolean isApi(String path) {
        return path.equals("/api") || path.startsWith("/api/");
    }

    /**
     * Every page says what to set, the API says it is not ready; the pages' resources (the stylesheet),
     * {@code /api/status} and the health, metrics and OpenAPI endpoints are still served.
     */
    private AuthenticationStatus notConfigured(HttpServletResponse response, HttpMessageContext context,
            boolean api, boolean isStatic, boolean operational) {
        if (!context.isProtected() && (api || isStatic || operational)) {
            return context.doNothing();
        }
        if (api) {
            ApiError.send(response, 503, null, "not_configured");
            return SEND_FAILURE;
        }
        ErrorPage.send(response, Failure.NOT_CONFIGURED, settings.problems());
        return SEND_FAILURE;
    }
}
