package dev.payaracognito.security.browser;

import dev.payaracognito.audit.AuditLog;
import dev.payaracognito.cluster.SharedIndex;
import dev.payaracognito.cognito.CognitoRevocation;
import dev.payaracognito.sessions.RefreshTokens;
import jakarta.annotation.Resource;
import jakarta.enterprise.concurrent.ManagedExecutorService;
import jakarta.inject.Inject;
import jakarta.servlet.annotation.WebListener;
import jakarta.servlet.http.HttpSession;
import jakarta.servlet.http.HttpSessionEvent;
import jakarta.servlet.http.HttpSessionListener;
import java.util.Optional;

/**
 * A signed-in session that ends because it timed out (idle past its timeout, or past its maximum lifetime) ends
 * its sign-in as a sign-out does: the API refuses the sign-in's access tokens from then on, and the refresh token
 * is revoked at Cognito (in the background: the container's expiry sweep must not wait for Cognito). A session
 * ended otherwise (a sign-out, a refused refresh, a forged record) has been dealt with where it ended, and a node
 * that shuts down keeps its sessions in the grid without ending them. In a cluster every node that holds a copy of
 * the session says it ended; the first one revokes, the others find the sign-in ended already.
 */
@WebListener
public class TimedOutSessions implements HttpSessionListener {

    @Inject
    private SignedInSession signedInSession;

    @Inject
    private SessionEnd sessionEnd;

    @Inject
    private CognitoRevocation revocation;

    @Inject
    private RefreshTokens refreshTokens;

    @Resource
    private ManagedExecutorService background;

    @Override
    public void sessionDestroyed(HttpSessionEvent event) {
        HttpSession session = event.getSession();
        SignInRecord signIn = signedInSession.record(session);
        String why = signIn == null ? null : timedOut(session, signIn);
        if (why == null) {
            return;
        }
        if (sessionEnd.signInEnded(signIn)) {
            sessionEnd.forgetIndexed(signIn);
            return;
        }
        sessionEnd.endSignIn(signIn);
        Optional<String> refreshToken;
        try {
            refreshToken = refreshTokens.of(signIn.sessionId()); // read before the index forgets it
        } catch (SharedIndex.Unanswered unanswered) {
            refreshToken = Optional.empty();
            why += "; its refresh token not revoked, the data grid did not give it";
        }
        sessionEnd.forgetIndexed(signIn);
        refreshToken.ifPresent(token -> background.execute(() -> revocation.revoke(token)));
        AuditLog.sessionTimedOut(signIn.username(), why);
    }

    /** Why the session timed out, or null when it ended otherwise. */
    private String timedOut(HttpSession session, SignInRecord signIn) {
        if (signedInSession.outlived(signIn)) {
            return "the session reached its maximum lifetime";
        }
        // An ending session is still valid while its listeners are told (Catalina's expire()): its times can be read.
        long idleMillis = System.currentTimeMillis() - session.getLastAccessedTime();
        return session.getMaxInactiveInterval() > 0 && idleMillis >= session.getMaxInactiveInterval() * 1000L
                || signedInSession.idle(session) ? "the session was idle past its timeout" : null;
    }
}
