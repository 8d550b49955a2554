package dev.payaracognito.security;

import static jakarta.security.enterprise.AuthenticationStatus.SUCCESS;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.security.enterprise.AuthenticationStatus;
import jakarta.security.enterprise.authentication.mechanism.http.HttpMessageContext;
import jakarta.security.enterprise.identitystore.CredentialValidationResult;
import jakarta.security.enterprise.identitystore.IdentityStoreHandler;
import jakarta.security.enterprise.identitystore.openid.OpenIdContext;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpSession;
import java.time.Instant;

/**
 * A browser's signed-in session after sign-in: it ends at its absolute lifetime whatever the activity, and it
 * lives on past the tokens' life because the OpenID mechanism refreshes them with the refresh token. Refreshed
 * tokens are validated by our identity store like the first ones; a refused refresh ends the session and sends
 * the user to sign in again, with no error page.
 */
@ApplicationScoped
public class SignedInSession {

    private static final String SIGNED_IN_AT = SignedInSession.class.getName() + ".signedInAt";
    /** The MessageInfo key through which a mechanism asks the container to remember the caller. */
    private static final String REGISTER_SESSION = "jakarta.servlet.http.registerSession";
    private static final String VALIDATED_ACCESS_TOKEN = SignedInSession.class.getName() + ".accessToken";

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
