package dev.payaracognito.security;

import static jakarta.security.enterprise.AuthenticationStatus.SEND_FAILURE;

import dev.payaracognito.errors.ErrorPage;
import dev.payaracognito.errors.Failure;
import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Alternative;
import jakarta.inject.Inject;
import jakarta.interceptor.Interceptor;
import jakarta.security.enterprise.AuthenticationException;
import jakarta.security.enterprise.AuthenticationStatus;
import jakarta.security.enterprise.authentication.mechanism.http.HttpAuthenticationMechanism;
import jakarta.security.enterprise.authentication.mechanism.http.HttpAuthenticationMechanismHandler;
import jakarta.security.enterprise.authentication.mechanism.http.HttpMessageContext;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.logging.Logger;

/**
 * Chooses how each request authenticates (Jakarta Security 4.0): the browser's pages through Cognito's hosted
 * UI. It also keeps the OpenID mechanism's failures from reaching the user as a 500.
 */
@Alternative
@Priority(Interceptor.Priority.APPLICATION)
@ApplicationScoped
public class CognitoAuthenticationHandler implements HttpAuthenticationMechanismHandler {

    private static final Logger LOG = Logger.getLogger(CognitoAuthenticationHandler.class.getName());

    @Inject
    @CognitoSignIn
    private HttpAuthenticationMechanism openId;

    @Inject
    private CognitoSettings settings;

    @Inject
    private SignInCallback callback;

    @Override
    public AuthenticationStatus validateRequest(HttpServletRequest request, HttpServletResponse response,
            HttpMessageContext context) throws AuthenticationException {
        if (!settings.problems().isEmpty()) {
            // Every page says what to set; only the stylesheet is still served.
            return isStatic(request, context) ? context.doNothing()
                    : send(response, Failure.NOT_CONFIGURED, settings.problems());
        }
        if (callback.isCallback(request)) {
            return callback.handle(openId, request, response, context);
        }
        if (context.isProtected() && request.getUserPrincipal() == null) {
            ReturnTo.remember(request);
        }
        try {
            return openId.validateRequest(request, response, context);
        } catch (RuntimeException e) {
            LOG.warning("sign-in could not start: " + e.getClass().getSimpleName() + ": " + e.getMessage());
            return send(response, Failure.UNAVAILABLE, List.of());
        }
    }

    @Override
    public AuthenticationStatus secureResponse(HttpServletRequest request, HttpServletResponse response,
            HttpMessageContext context) throws AuthenticationException {
        return openId.secureResponse(request, response, context);
    }

    @Override
    public void cleanSubject(HttpServletRequest request, HttpServletResponse response, HttpMessageContext context) {
        openId.cleanSubject(request, response, context);
    }

    private static boolean isStatic(HttpServletRequest request, HttpMessageContext context) {
        return !context.isProtected() && request.getRequestURI().startsWith(request.getContextPath() + "/static/");
    }

    private static AuthenticationStatus send(HttpServletResponse response, Failure failure, List<String> details) {
        try {
            ErrorPage.send(response, failure, details);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return SEND_FAILURE;
    }
}
