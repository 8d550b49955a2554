package dev.payaracognito.security;

import static jakarta.security.enterprise.AuthenticationStatus.SEND_FAILURE;
import static jakarta.security.enterprise.AuthenticationStatus.SUCCESS;

import dev.payaracognito.errors.ErrorPage;
import dev.payaracognito.errors.Failure;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.security.enterprise.AuthenticationException;
import jakarta.security.enterprise.AuthenticationStatus;
import jakarta.security.enterprise.authentication.mechanism.http.HttpAuthenticationMechanism;
import jakarta.security.enterprise.authentication.mechanism.http.HttpMessageContext;
import jakarta.security.enterprise.identitystore.CredentialValidationResult;
import jakarta.security.enterprise.identitystore.IdentityStoreHandler;
import jakarta.security.enterprise.identitystore.openid.OpenIdContext;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.net.ConnectException;
import java.net.SocketTimeoutException;
import java.net.UnknownHostException;
import java.net.http.HttpTimeoutException;
import java.util.Set;

/**
 * The return from Cognito to {@code /callback}, made authoritative. The OpenID mechanism checks the state and
 * exchanges the code; then our identity store re-validates both tokens the Cognito way (Soteria accepts an ID
 * token with {@code token_use=access} and takes groups from an access token whose signature it never checks).
 * Any failure, Soteria's exceptions included, ends with no session and a clear page: never a 500.
 */
@ApplicationScoped
public class SignInCallback {

    static final String PATH = "/callback";

    @Inject
    private OpenIdContext openIdContext;

    @Inject
    private IdentityStoreHandler identityStoreHandler;

    @Inject
    private SecurityStats stats;

    @Inject
    private SignedInSession signedInSession;

    boolean isCallback(HttpServletRequest request) {
        return PATH.equals(RequestPath.of(request));
    }

    AuthenticationStatus handle(HttpAuthenticationMechanism openId, HttpServletRequest request,
            HttpServletResponse response, HttpMessageContext context) throws AuthenticationException {
        String error = request.getParameter("error");
        if (error != null) {
            return refuse(context, Failure.SIGN_IN_CANCELLED, "Cognito answered error=" + printable(error));
        }
        if (request.getParameter("code") == null || request.getParameter("state") == null) {
            return refuse(context, Failure.BAD_REQUEST, "callback without code or state");
        }
        AuthenticationStatus status;
        try {
            status = openId.validateRequest(request, response, context);
        } catch (RuntimeException e) {
            return refuse(context, isUnreachable(e) ? Failure.UNAVAILABLE : Failure.SIGN_IN_FAILED,
                    "the OpenID mechanism failed: " + AuditLog.describe(e));
        }
        if (status != SUCCESS) {
            return refuse(context, Failure.SIGN_IN_FAILED,
                    "state, code or token response refused by the OpenID mechanism (" + status + ")");
        }
        return validateTokens(context);
    }

    private AuthenticationStatus validateTokens(HttpMessageContext context) {
        SignInTokensCredential tokens = SignInTokensCredential.of(openIdContext);
        CredentialValidationResult ours = identityStoreHandler.validate(tokens);
        if (ours.getStatus() != CredentialValidationResult.Status.VALID) {
            boolean providerDown = tokens.rejection() != null
                    && tokens.rejection().reason() == TokenRejected.Reason.KEYS_UNAVAILABLE;
            return refuse(context, providerDown ? Failure.UNAVAILABLE : Failure.SIGN_IN_FAILED,
                    "tokens refused: " + tokens.refusal());
        }
        String caller = ours.getCallerPrincipal().getName();
        Set<String> groups = ours.getCallerGroups();
        if (context.getCallerPrincipal() == null || !caller.equals(context.getCallerPrincipal().getName())
                || !groups.equals(context.getGroups())) {
            return refuse(context, Failure.SIGN_IN_FAILED, "the mechanism's caller or groups differ from the tokens'");
        }
        signedInSession.started(context.getRequest());
        AuditLog.signIn(context.getRequest(), caller);
        stats.signedIn();
        return SUCCESS;
    }

    /** Nothing half signed in: no session, no caller, nothing registered; the user gets the failure's page. */
    private AuthenticationStatus refuse(HttpMessageContext context, Failure failure, String reason) {
        AuditLog.refusal(context.getRequest(), "sign-in:" + failure, reason);
        stats.refused("sign-in:" + failure);
        SignedInSession.forget(context);
        ErrorPage.send(context.getResponse(), failure);
        return SEND_FAILURE;
    }

    private static boolean isUnreachable(Throwable error) {
        for (Throwable cause = error; cause != null; cause = cause.getCause()) {
            if (cause instanceof ConnectException || cause instanceof SocketTimeoutException
                    || cause instanceof HttpTimeoutException || cause instanceof UnknownHostException
                    || cause instanceof CognitoUnavailable) {
                return true;
            }
        }
        return false;
    }

    /** An error code as Cognito sends it, never markup or a long string in our log. */
    private static String printable(String value) {
        String cut = value.length() > 40 ? value.substring(0, 40) : value;
        return cut.replaceAll("[^A-Za-z0-9_.-]", "?");
    }
}
