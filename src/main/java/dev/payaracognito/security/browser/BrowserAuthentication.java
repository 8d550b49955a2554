package dev.payaracognito.security.browser;

import static jakarta.security.enterprise.AuthenticationStatus.SEND_FAILURE;

import dev.payaracognito.audit.AuditLog;
import dev.payaracognito.cognito.CognitoEndpoints;
import dev.payaracognito.cognito.CognitoHealth;
import dev.payaracognito.cognito.CognitoSettings;
import dev.payaracognito.cognito.ProviderFailure;
import dev.payaracognito.errors.ErrorPage;
import dev.payaracognito.errors.Failure;
import dev.payaracognito.security.CognitoPages;
import dev.payaracognito.security.CognitoSignIn;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.security.enterprise.AuthenticationException;
import jakarta.security.enterprise.AuthenticationStatus;
import jakarta.security.enterprise.authentication.mechanism.http.HttpAuthenticationMechanism;
import jakarta.security.enterprise.authentication.mechanism.http.HttpMessageContext;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.util.logging.Logger;

/**
 * The pages' authentication, around the OpenID mechanism: the callback made authoritative; before
 * a sign-in starts, Cognito's health and the page to return to; for a signed-in session, its lifetime and its
 * refreshed tokens. None of the mechanism's failures reaches the user as a 500.
 */
@CognitoPages
@ApplicationScoped
public class BrowserAuthentication implements HttpAuthenticationMechanism {

    private static final Logger LOG = Logger.getLogger(BrowserAuthentication.class.getName());

    @Inject
    @CognitoSignIn
    private HttpAuthenticationMechanism openId;

    @Inject
    private SignInCallback callback;

    @Inject
    private CognitoHealth health;

    @Inject
    private SignedInSession signedInSession;

    @Inject
    private CognitoSettings settings;

    @Inject
    private CognitoEndpoints endpoints;

    @Override
    public AuthenticationStatus validateRequest(HttpServletRequest request, HttpServletResponse response,
            HttpMessageContext context) throws AuthenticationException {
        if (callback.isCallback(request)) {
            return callback.handle(openId, request, response, context);
        }
        boolean signedIn = request.getUserPrincipal() != null;
        boolean startsSignIn = context.isProtected() && !signedIn;
        if (startsSignIn) {
            if (!health.reachable()) {
                LOG.warning("sign-in not started: Cognito does not answer");
                return unavailable(response);
            }
            PendingSignIn.start(request, SiteRedirects.thisPage(request));
        }
        if (signedIn) {
            if (signedInSession.outlived(request)) {
                return signedInSession.end(request, context, "the session reached its maximum lifetime");
            }
            if (signedInSession.signedOutElsewhere(request)) {
                return signedInSession.end(request, context, "the sign-in was ended (signed out elsewhere)");
            }
            if (!signedInSession.restoreTokens(request)) {
                return signedInSession.end(request, context, "a signed-in session without its sign-in");
            }
        }
        boolean refreshDue = signedIn && signedInSession.tokensDue();
        if (refreshDue && !health.reachable()) {
            // Not even tried: the mechanism would wait for the token endpoint's timeout on every request.
            return signedInSession.withoutRefresh(request, context, "Cognito does not answer");
        }
        try {
            HttpServletResponse toMechanism = startsSignIn ? choosing(response, request, context) : response;
            AuthenticationStatus status = openId.validateRequest(request, toMechanism, context);
            return signedIn ? signedInSession.afterMechanism(status, request, context) : status;
        } catch (RuntimeException e) {
            String failure = AuditLog.describe(e);
            if (refreshDue) {
                // The mechanism's refresh failed before it touched the session: the session waits for Cognito
                // only if Cognito is down; a malformed answer or any other failure ends it.
                return ProviderFailure.of(e).cognitoDown()
                        ? signedInSession.withoutRefresh(request, context, "the token refresh failed: " + failure)
                        : signedInSession.end(request, context, "the token refresh failed: " + failure);
            }
            LOG.warning("sign-in could not start: " + failure);
            return unavailable(response);
        } finally {
            if (startsSignIn) {
                context.setResponse(response);
            }
        }
    }

    /**
     * The response the mechanism sends the browser to the hosted UI with: through the provider the page asked for
     * and in the browser's language ({@link SignInChoice}), also as the message context's response.
     */
    private HttpServletResponse choosing(HttpServletResponse response, HttpServletRequest request,
            HttpMessageContext context) {
        HttpServletResponse choosing = SignInChoice.of(request, settings.identityProviders())
                .redirectsOf(response, endpoints.getAuthorizationEndpoint());
        context.setResponse(choosing);
        return choosing;
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

    private static AuthenticationStatus unavailable(HttpServletResponse response) {
        ErrorPage.send(response, Failure.UNAVAILABLE);
        return SEND_FAILURE;
    }
}
