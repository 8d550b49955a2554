package dev.payaracognito.security.browser;

import dev.payaracognito.audit.AuditLog;
import dev.payaracognito.audit.SecurityStats;
import dev.payaracognito.cognito.CognitoEndpoints;
import dev.payaracognito.cognito.CognitoSettings;
import dev.payaracognito.cognito.CognitoUnavailable;
import dev.payaracognito.security.CognitoValidation;
import dev.payaracognito.sessions.RefreshTokens;
import dev.payaracognito.sessions.SessionEnding;
import dev.payaracognito.sessions.SessionIndex;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.security.enterprise.AuthenticationStatus;
import jakarta.security.enterprise.authentication.mechanism.http.HttpMessageContext;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;
import java.util.logging.Logger;

/**
 * How a browser's signed-in session ends, whatever ends it (a sign-out, a timeout, a refused refresh, a forged
 * record, a person ending it from another session): nothing half signed in is left, neither the session, nor the
 * caller, nor its entry in the index of sessions, nor the browser's binding; and where the sign-in ends with it,
 * every node refuses its tokens from then on.
 */
@ApplicationScoped
public class SessionEnd {

    private static final Logger LOG = Logger.getLogger(SessionEnd.class.getName());

    @Inject
    private SignedInSession signedInSession;

    @Inject
    private CognitoSettings settings;

    @Inject
    private CognitoValidation validation;

    @Inject
    private SecurityStats stats;

    @Inject
    private SessionIndex sessionIndex;

    @Inject
    private RefreshTokens refreshTokens;

    @Inject
    private CognitoEndpoints endpoints;

    @Inject
    private SiteRedirects redirects;

    /**
     * The user signs out: from now on the API refuses the access tokens of this sign-in too (Cognito revokes them
     * with the refresh token, but they still verify offline until they expire).
     */
    public void signedOut(HttpServletRequest request, HttpServletResponse response) {
        SignInRecord signIn = signedInSession.record(request);
        if (signIn != null) {
            endSignIn(signIn);
            forgetIndexed(signIn);
        }
        SessionBinding.expire(response, settings.site().isHttps());
    }

    /**
     * The sign-out revokes the session's refresh token at Cognito: whether Cognito could be reached (true when the
     * session has none). A data grid that cannot give it, or gives one that does not open here, does not stop the
     * sign-out: it is logged, and the token expires unused.
     */
    public boolean revokeRefreshToken(HttpServletRequest request) {
        SignInRecord signIn = signedInSession.record(request);
        RefreshTokens.Revocation revoked = signIn == null ? RefreshTokens.Revocation.DONE
                : refreshTokens.revoke(signIn.sessionId());
        if (revoked == RefreshTokens.Revocation.GRID_UNANSWERED) {
            LOG.warning("sign-out: the data grid did not give the session's refresh token, which is not revoked");
        } else if (revoked == RefreshTokens.Revocation.UNREADABLE) {
            LOG.warning("sign-out: the session's refresh token in the data grid does not open on this node (another"
                    + " version's layout, or a key this node lacks); it is not revoked");
        }
        return revoked != RefreshTokens.Revocation.COGNITO_UNREACHABLE;
    }

    /** Whether the sign-in was ended already (on any node): signed out, its tokens refused. */
    boolean signInEnded(SignInRecord signIn) {
        return signIn.originJti() != null && validation.revokedSignIns().isRevoked(signIn.originJti());
    }

    /** Whether a person ended this session from another ({@link SessionEnding}): the user, or an admin. */
    boolean endedFromElsewhere(SignInRecord signIn) {
        return validation.revokedSignIns().isRevoked(SessionEnding.endedKey(signIn.sessionId()));
    }

    /**
     * From now on, on every node, the API refuses the access tokens of this sign-in (they verify until they expire),
     * and any copy of one of its sessions ends, for as long as such a session could live: a copy kept by a node, or
     * put back into the grid, could otherwise refresh its tokens again should the revocation at Cognito have failed.
     */
    void endSignIn(SignInRecord signIn) {
        if (signIn.originJti() != null) {
            validation.revokedSignIns().revoke(signIn.originJti(), signIn.usableUntil(settings.sessions().maxLifetime()));
            stats.revoked();
        }
    }

    /** An ended session leaves the index, and its refresh token the data grid. */
    void forgetIndexed(SignInRecord signIn) {
        sessionIndex.remove(signIn.username(), signIn.sessionId());
    }

    /** Ends the session and sends the browser back to the page (on this site), which asks it to sign in again. */
    AuthenticationStatus end(HttpServletRequest request, HttpMessageContext context, String reason) {
        AuditLog.refusal(request, "session", reason);
        return close(request, context);
    }

    /**
     * Ends a session that a person ended from another: here, and at Cognito too, through its {@code /logout}, so
     * that whoever holds this browser (the shared computer it was left signed in on) is not signed in again without
     * the password by Cognito's own session cookie. Home, signed out, if Cognito cannot be reached.
     */
    AuthenticationStatus endEverywhere(HttpServletRequest request, HttpMessageContext context) {
        AuditLog.refusal(request, "session", "the session was ended from another session");
        closeHere(request, context);
        String next;
        try {
            next = endpoints.logoutUrl(request);
        } catch (CognitoUnavailable unreachable) {
            next = redirects.location(request, "/?signed-out=locally");
        }
        return context.redirect(next);
    }

    /** {@link #end} without its audit line, for a caller that writes its own. */
    AuthenticationStatus close(HttpServletRequest request, HttpMessageContext context) {
        String page = SiteRedirects.thisPage(request);
        closeHere(request, context);
        return context.redirect(redirects.location(request, page));
    }

    /**
     * The session, its entry in the index and its refresh token, the browser's binding: gone. The session first: one
     * that timed out has its refresh token revoked as it ends ({@link TimedOutSessions}), which reads it.
     */
    private void closeHere(HttpServletRequest request, HttpMessageContext context) {
        SignInRecord signIn = signedInSession.record(request);
        forget(context);
        if (signIn != null) {
            forgetIndexed(signIn);
        }
        SessionBinding.expire(context.getResponse(), settings.site().isHttps());
    }

    /** Nothing half signed in: no session, no caller. */
    static void forget(HttpMessageContext context) {
        HttpSession session = context.getRequest().getSession(false);
        if (session != null) {
            session.invalidate();
        }
        context.cleanClientSubject();
    }
}
