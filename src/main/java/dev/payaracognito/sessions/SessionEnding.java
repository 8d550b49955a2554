package dev.payaracognito.sessions;

import dev.payaracognito.audit.AuditLog;
import dev.payaracognito.audit.SecurityStats;
import dev.payaracognito.security.CognitoValidation;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.servlet.http.HttpServletRequest;
import java.util.List;

/**
 * Ends signed-in sessions that a person chose to end (a user's own from another browser, or an admin's ending of
 * a user's access), as a sign-out would, from wherever they are: the session's sign-in goes on the list of ended
 * sign-ins that every node checks (by the session's id, and by Cognito's {@code origin_jti} so that the API refuses
 * the sign-in's access tokens at once), its refresh token ({@link RefreshTokens}) is revoked at Cognito, and its
 * entry leaves the index. The session itself ends on its next request, on whichever node. Once Cognito has failed to
 * answer, the rest are not asked (each would wait for the same timeouts): their sessions still end, and their refresh
 * tokens expire unused; so do they when the data grid could not give them.
 */
@ApplicationScoped
public class SessionEnding {

    /** How many sessions were ended, and whether each one's refresh token was revoked at Cognito. */
    public record Ended(int count, boolean refreshTokensRevoked) {}

    @Inject
    private SessionIndex index;

    @Inject
    private RefreshTokens refreshTokens;

    @Inject
    private CognitoValidation validation;

    @Inject
    private SecurityStats stats;

    /** The key under which the list of ended sign-ins names an ended session (see {@link #end}). */
    public static String endedKey(String sessionId) {
        return "session:" + sessionId;
    }

    /** {@code by} ends {@code sessions} of {@code user}; {@code how} is for the audit line ("one", "all others"…). */
    public Ended end(HttpServletRequest request, String by, String user, List<IndexedSession> sessions, String how) {
        boolean revokedSoFar = true;
        if (sessions.isEmpty()) {
            return new Ended(0, revokedSoFar);
        }
        for (IndexedSession session : sessions) {
            IndexedSession.SignedIn signIn = session.signIn();
            validation.revokedSignIns().revoke(endedKey(signIn.id()), signIn.usableUntil());
            if (signIn.originJti() != null) {
                validation.revokedSignIns().revoke(signIn.originJti(), signIn.usableUntil());
            }
            stats.revoked();
            if (revokedSoFar) {
                revokedSoFar = refreshTokens.revoke(signIn.id()) == RefreshTokens.Revocation.DONE;
            }
            index.remove(user, signIn.id());
        }
        AuditLog.sessionsEnded(request, by, user, sessions.size(),
                how + (revokedSoFar ? "" : "; refresh tokens not revoked (Cognito or the data grid unreachable,"
                        + " or a token that does not open here)"));
        return new Ended(sessions.size(), revokedSoFar);
    }
}
