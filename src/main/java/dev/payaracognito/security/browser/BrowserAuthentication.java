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
 * a sign-in starts, Cognito's health and the page to return to; for a signed-in session, its sealed record checked,
 * its lifetime and its refreshed tokens. None of the mechanism's failures reaches the user as a 500.
 */
@CognitoPages
@ApplicationScoped
public class BrowserAuthentication implements HttpAuthenticationMechanism {

    private static final Logger LOG = Logger.getLogger(BrowserAuthentication.class.getName());
    /** The MessageInfo key through which a mechanism asks the container to remember the caller in the session. */
    private static final String REGISTER_SESSION = "jakarta.servlet.http.registerSession";

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
    private SessionCheck sessionCheck;

    @Inject
    private SessionRefresh refresh;

    @Inject
    private CognitoSettings settings;

    @Inject
    private CognitoEndpoints endpoints;

    @Override
    public AuthenticationStatus validateRequest(HttpServletRequest request, HttpServletResponse response,
            HttpMessageContext context) throws AuthenticationException {
        try {
            return authenticate(request, response, context);
        } finally {
            // Whatever the mechanism asked (it asks at sign-in), the container does not keep the caller in the
            // session: the sealed record says who is signed in, on every request and every node. Kept, the caller
            // would be about 1.2 KB and 11 classes more of the session that Payara reads back from the data grid
            // after every request and writes after every page (docs/performance.md), and one more thing on the grid
            // to forge.
            context.getMessageInfo().getMap().remove(REGISTER_SESSION);
        }
    }

    private AuthenticationStatus authenticate(HttpServletRequest request, HttpServletResponse response,
            HttpMessageContext context) throws AuthenticationException {
        if (callback.isCallback(request)) {
            return callback.handle(openId, request, response, context);
        }
        if (signedInSession.isSignedIn(request)) {
            return signedIn(request, response, context);
        }
        boolean startsSignIn = context.isProtected();
        if (startsSignIn) {
            if (!health.reachable()) {
                LOG.warning("sign-in not started: Cognito does not answer");
                return unavailable(response);
            }
        }
        try {
            return openId.validateRequest(request, startsSignIn ? choosing(response, request, context) : response,
                    context);
        } catch (RuntimeException e) {
            LOG.warning("sign-in could not start: " + AuditLog.describe(e));
            return unavailable(response);
        } finally {
            if (startsSignIn) {
                context.setResponse(response);
            }
        }
    }

    /**
     * A request of a signed-in session, once {@link SessionCheck} found it sound: its caller is the sealed record's,
     * and when the tokens are due the mechanism refreshes them first.
     */
    private AuthenticationStatus signedIn(HttpServletRequest request, HttpServletResponse response,
            HttpMessageContext context) throws AuthenticationException {
        SessionCheck.Checked checked = sessionCheck.check(request, context);
        if (!checked.isSound()) {
            return checked.answer();
        }
        SignInRecord signIn = checked.signIn();
        if (!signedInSession.tokensDue(signIn)) {
            return signedInSession.continued(context, signIn);
        }
        if (!health.reachable()) {
            // Not even tried: the mechanism would wait for the token endpoint's timeout on every request.
            return refresh.withoutRefresh(request, context, signIn, "Cognito does not answer");
        }
        try {
            return refresh.refresh(openId, request, choosing(response, request, context), context, signIn);
        } finally {
            context.setResponse(response);
        }
    }

    /**
     * The response the mechanism sends the browser to the hosted UI with: through the provider the page asked for
     * and in the browser's language ({@link SignInChoice}), also as the message context's response.
     */
    private HttpServletResponse choosing(HttpServletResponse response, HttpServletRequest request,
            HttpMessageContext context) {
        HttpServletResponse choosing = new AuthorizationRedirect(request, response,
                SignInChoice.of(request, settings.client().identityProviders()), endpoints.getAuthorizationEndpoint(),
                settings.sessions().pendingSignInLifetime(), settings.sessions().keys(), settings.site().isHttps());
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
