package dev.payaracognito.security.browser;

import static jakarta.security.enterprise.AuthenticationStatus.SUCCESS;

import dev.payaracognito.audit.AuditLog;
import dev.payaracognito.audit.SecurityStats;
import dev.payaracognito.cognito.CognitoSettings;
import dev.payaracognito.security.CognitoPrincipal;
import dev.payaracognito.security.SignInTokensCredential;
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
 * A signed-in session's tokens past their life: refreshed by the OpenID mechanism with the refresh token, then
 * validated by our identity store like the first ones and required to name the same user (a refused refresh ends
 * the session and sends the user to sign in again, with no error page); or, while Cognito is down, not refreshed
 * at all for now.
 */
@ApplicationScoped
class SessionRefresh {

    private static final String REFRESH_DEFERRED = SessionRefresh.class.getName() + ".refreshDeferred";

    @Inject
    private SignedInSession signedInSession;

    @Inject
    private CognitoSettings settings;

    @Inject
    private OpenIdContext openIdContext;

    @Inject
    private IdentityStoreHandler identityStores;

    @Inject
    private OpenIdContextReplica replica;

    @Inject
    private SecurityStats stats;

    /**
     * The tokens are due but Cognito is down (unreachable, or answering 5xx): the user keeps working on the
     * session, which still ends at its idle timeout and maximum lifetime, and a later request tries the refresh
     * again. Staying up rather than locking everyone out while Cognito is down is the trade-off: during the outage
     * a user disabled in Cognito keeps the session, and nobody else gets one. Any other failed refresh ends it.
     */
    AuthenticationStatus withoutRefresh(HttpServletRequest request, HttpMessageContext context, SignInRecord signIn,
            String reason) {
        HttpSession session = request.getSession(false);
        if (session != null && session.getAttribute(REFRESH_DEFERRED) == null) {
            session.setAttribute(REFRESH_DEFERRED, Instant.now()); // logged once per session and outage
            AuditLog.refreshDeferred(request, signIn.username(), reason);
            stats.refreshDeferred();
        }
        return signedInSession.continued(context, signIn);
    }

    /**
     * After the OpenID mechanism refreshed a signed-in request's tokens: validate them; if it could not refresh
     * them (it has then ended the session), or they are refused, sign in again.
     */
    AuthenticationStatus afterMechanism(AuthenticationStatus status, HttpServletRequest request,
            HttpMessageContext context) {
        if (status != SUCCESS) {
            if (context.getResponse().isCommitted()) {
                // The mechanism has ended the session and already sent the browser to sign in again.
                AuditLog.refusal(request, "session", "refresh refused by Cognito");
                PendingSignIn.start(request, SiteRedirects.thisPage(request), settings.pendingSignInLifetime());
                return status;
            }
            return signedInSession.end(request, context, "refresh refused by Cognito");
        }
        SignInRecord signIn = signedInSession.record(request);
        if (signIn == null) {
            return signedInSession.end(request, context, "the session lost its sign-in during the refresh");
        }
        if (signIn.validated(openIdContext.getAccessToken().getToken())) {
            // another request of this session, on this node, refreshed them a moment ago
            return signedInSession.continued(context, signIn);
        }
        SignInTokensCredential tokens = SignInTokensCredential.of(openIdContext);
        CredentialValidationResult refreshed = identityStores.validate(tokens);
        if (refreshed.getStatus() != CredentialValidationResult.Status.VALID
                || !(refreshed.getCallerPrincipal() instanceof CognitoPrincipal principal)) {
            return signedInSession.end(request, context, "refreshed tokens refused: " + tokens.refusal());
        }
        if (!signIn.sameUser(principal.token())) {
            return signedInSession.end(request, context, "refreshed tokens name another user");
        }
        SignInRecord refreshedSignIn = signIn.refreshed(principal.token(), replica.tokens());
        HttpSession session = request.getSession();
        SealedSignIn.put(session, refreshedSignIn, signedInSession.keys());
        session.removeAttribute(REFRESH_DEFERRED);
        AuditLog.refresh(request, signIn.username());
        stats.refreshed();
        return signedInSession.continued(context, refreshedSignIn);
    }
}
