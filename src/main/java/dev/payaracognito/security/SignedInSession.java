package dev.payaracognito.security;

import static jakarta.security.enterprise.AuthenticationStatus.SUCCESS;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.security.auth.message.callback.CallerPrincipalCallback;
import jakarta.security.enterprise.AuthenticationException;
import jakarta.security.enterprise.AuthenticationStatus;
import jakarta.security.enterprise.authentication.mechanism.http.HttpMessageContext;
import jakarta.security.enterprise.identitystore.CredentialValidationResult;
import jakarta.security.enterprise.identitystore.IdentityStoreHandler;
import jakarta.security.enterprise.identitystore.openid.AccessToken;
import jakarta.security.enterprise.identitystore.openid.IdentityToken;
import jakarta.security.enterprise.identitystore.openid.OpenIdContext;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpSession;
import java.io.IOException;
import java.time.Instant;
import javax.security.auth.callback.Callback;
import javax.security.auth.callback.UnsupportedCallbackException;

/**
 * A browser's signed-in session after sign-in: it ends at its absolute lifetime whatever the activity, and it
 * lives on past the tokens' life because the OpenID mechanism refreshes them with the refresh token. Refreshed
 * tokens are validated by our identity store like the first ones; a refused refresh ends the session and sends
 * the user to sign in again, with no error page. While Cognito cannot be reached the session goes on without a
 * refresh (see {@link #withoutRefresh}).
 */
@ApplicationScoped
public class SignedInSession {

    private static final String SIGNED_IN_AT = SignedInSession.class.getName() + ".signedInAt";
    /** The MessageInfo key through which a mechanism asks the container to remember the caller. */
    private static final String REGISTER_SESSION = "jakarta.servlet.http.registerSession";
    private static final String VALIDATED_ACCESS_TOKEN = SignedInSession.class.getName() + ".accessToken";
    private static final String REFRESH_DEFERRED = SignedInSession.class.getName() + ".refreshDeferred";

    @Inject
    private CognitoSettings settings;

    @Inject
    private OpenIdContext openIdContext;

    @Inject
    private IdentityStoreHandler identityStores;

    /** At sign-in, with the tokens our identity store has just accepted. */
    void started(HttpServletRequest request) {
        HttpSession session = request.getSession();
        session.setAttribute(SIGNED_IN_AT, Instant.now());
        session.setAttribute(VALIDATED_ACCESS_TOKEN, openIdContext.getAccessToken().getToken());
    }

    /** Whether the session has outlived {@code app.session.max-lifetime} since sign-in. */
    boolean outlived(HttpServletRequest request) {
        HttpSession session = request.getSession(false);
        Object signedInAt = session == null ? null : session.getAttribute(SIGNED_IN_AT);
        return signedInAt instanceof Instant at && Instant.now().isAfter(at.plus(settings.sessionMaxLifetime()));
    }

    /** Whether the mechanism would refresh the tokens on this request (it does so a little before they expire). */
    boolean tokensDue() {
        AccessToken access = openIdContext.getAccessToken();
        IdentityToken identity = openIdContext.getIdentityToken();
        return access != null && identity != null && (access.isExpired() || identity.isExpired());
    }

    /**
     * The tokens are due but Cognito cannot be reached to refresh them: the user keeps working on the session,
     * which still ends at its idle timeout and maximum lifetime, and a later request tries the refresh again.
     * Staying up rather than locking everyone out while Cognito is down is the trade-off: during the outage a
     * user disabled in Cognito keeps the session, and nobody else gets one. A refused refresh ends the session.
     */
    AuthenticationStatus withoutRefresh(HttpServletRequest request, HttpMessageContext context, String reason)
            throws AuthenticationException {
        HttpSession session = request.getSession(false);
        if (session != null && session.getAttribute(REFRESH_DEFERRED) == null) {
            session.setAttribute(REFRESH_DEFERRED, Instant.now()); // logged once per session and outage
            AuditLog.refreshDeferred(request, request.getRemoteUser(), reason);
        }
        // What the mechanism does for a signed-in request whose tokens are fine: the remembered caller again.
        try {
            context.getHandler().handle(new Callback[] {
                new CallerPrincipalCallback(context.getClientSubject(), request.getUserPrincipal())});
        } catch (IOException | UnsupportedCallbackException e) {
            throw new AuthenticationException("the container refused the signed-in caller", e);
        }
        return SUCCESS;
    }

    /**
     * After the OpenID mechanism handled a signed-in request: if it refreshed the tokens, validate them; if it
     * could not refresh them (it has then ended the session), or they are refused, sign in again.
     */
    AuthenticationStatus afterMechanism(AuthenticationStatus status, HttpServletRequest request,
            HttpMessageContext context) {
        if (status != SUCCESS) {
            if (context.getResponse().isCommitted()) {
                // The mechanism has ended the session and already sent the browser to sign in again.
                AuditLog.refusal(request, "session", "refresh refused by Cognito");
                ReturnTo.remember(request);
                return status;
            }
            return end(request, context, "refresh refused by Cognito");
        }
        HttpSession session = request.getSession(false);
        String accessToken = openIdContext.getAccessToken().getToken();
        if (session == null || accessToken.equals(session.getAttribute(VALIDATED_ACCESS_TOKEN))) {
            return status;
        }
        SignInTokensCredential tokens = SignInTokensCredential.of(openIdContext);
        if (identityStores.validate(tokens).getStatus() != CredentialValidationResult.Status.VALID) {
            return end(request, context, "refreshed tokens refused: " + tokens.refusal());
        }
        session.setAttribute(VALIDATED_ACCESS_TOKEN, accessToken);
        session.removeAttribute(REFRESH_DEFERRED);
        AuditLog.refresh(request, request.getRemoteUser());
        return status;
    }

    /** Ends the session and sends the browser back to the page, which asks it to sign in again. */
    AuthenticationStatus end(HttpServletRequest request, HttpMessageContext context, String reason) {
        AuditLog.refusal(request, "session", reason);
        forget(context);
        String query = request.getQueryString();
        return context.redirect(request.getRequestURI() + ("GET".equals(request.getMethod()) && query != null
                ? "?" + query : ""));
    }

    /** Nothing half signed in: no session, no caller, nothing the container was asked to remember. */
    static void forget(HttpMessageContext context) {
        HttpSession session = context.getRequest().getSession(false);
        if (session != null) {
            session.invalidate();
        }
        context.cleanClientSubject();
        context.getMessageInfo().getMap().remove(REGISTER_SESSION);
    }
}
