package dev.payaracognito.sessions;

import dev.payaracognito.cluster.DataGrid;
import dev.payaracognito.cluster.SessionKeys;
import dev.payaracognito.cluster.SharedIndex;
import dev.payaracognito.cluster.TokenFields;
import dev.payaracognito.cognito.CognitoRevocation;
import dev.payaracognito.cognito.CognitoSettings;
import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.io.IOException;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

/**
 * The refresh token of each signed-in session, in the data grid under the session's id in the index, sealed for that
 * session alone, and nowhere else. Not in the session, which Payara reads back from the grid after every request and
 * whose record each request opens; not in the session's index entry, rewritten once a minute for "last
 * active" (a refresh token of Cognito's is a JWE of about 1,780 characters, several times all the rest of an entry);
 * in the OpenID mechanism's context only while a refresh needs it. Whoever needs it reads it here: the refresh, the
 * sign-out, the ending of a session from another, its timeout; all of them on whichever node. It is written at sign-in
 * and by each refresh that Cognito answered with a new one (rotation), and lives as long as its session could: its
 * maximum lifetime, then the idle timeout of a request made just before, and a margin for the container's sweep of
 * the session (which revokes it).
 */
@ApplicationScoped
public class RefreshTokens {

    /** What revoking a session's refresh token came to. */
    public enum Revocation {
        /** Cognito revoked it, or the session had none. */
        DONE,
        /** Cognito could not be reached: the token expires unused. */
        COGNITO_UNREACHABLE,
        /** The data grid did not give it: the token expires unused. */
        GRID_UNANSWERED,
        /**
         * What the data grid holds for the session does not open here (sealed by a version of another layout, or
         * under a key this node lacks): the token expires unused.
         */
        UNREADABLE
    }

    /** What the grid holds for a session does not open as its refresh token on this node. */
    private static final class Unreadable extends Exception {
        private static final long serialVersionUID = 1L;

        Unreadable(Throwable cause) {
            super(cause.getMessage(), cause, false, false);
        }
    }

    static final String MAP = "payara-cognito.refresh-tokens";
    /** Longer than the container takes to sweep a session that timed out (it looks once a minute). */
    private static final Duration SWEEP_MARGIN = Duration.ofMinutes(5);
    private static final String ENTRY = "refresh-token";

    @Inject
    private DataGrid grid;

    @Inject
    private CognitoSettings settings;

    @Inject
    private CognitoRevocation revocation;

    private SharedIndex tokens;

    @PostConstruct
    void open() {
        tokens = grid.index(MAP);
    }

    /**
     * The session {@code sessionId}'s refresh token is {@code refreshToken} (none: Cognito gave the sign-in none).
     * False if the data grid did not take it: the session then has none beyond this request.
     */
    public boolean keep(String sessionId, String refreshToken, Instant signedInAt) {
        if (refreshToken == null) {
            forget(sessionId);
            return true;
        }
        Duration life = Duration.between(Instant.now(), signedInAt.plus(settings.sessions().maxLifetime())
                .plus(settings.sessions().idleTimeout()).plus(SWEEP_MARGIN));
        return life.isNegative() || life.isZero() || tokens.put(sessionId, ENTRY,
                keys().seal(purpose(sessionId), TokenFields.bytes(refreshToken)), life);
    }

    /**
     * The refresh token of session {@code sessionId}; none if the session has none (ended, or never given one), or
     * if what the grid holds for it does not open here ({@link Revocation#UNREADABLE}).
     */
    public Optional<String> of(String sessionId) throws SharedIndex.Unanswered {
        try {
            return held(sessionId);
        } catch (Unreadable unreadable) {
            return Optional.empty();
        }
    }

    /** Revokes the refresh token of session {@code sessionId} at Cognito, if it has one, and says how that went. */
    public Revocation revoke(String sessionId) {
        Optional<String> refreshToken;
        try {
            refreshToken = held(sessionId);
        } catch (SharedIndex.Unanswered unanswered) {
            return Revocation.GRID_UNANSWERED;
        } catch (Unreadable unreadable) {
            return Revocation.UNREADABLE;
        }
        return refreshToken.map(revocation::revoke).orElse(true) ? Revocation.DONE : Revocation.COGNITO_UNREACHABLE;
    }

    private Optional<String> held(String sessionId) throws SharedIndex.Unanswered, Unreadable {
        Optional<byte[]> sealed = tokens.get(sessionId, ENTRY);
        if (sealed.isEmpty()) {
            return Optional.empty();
        }
        try {
            return Optional.of(TokenFields.token(keys().open(purpose(sessionId), sealed.get())));
        } catch (SessionKeys.Unopened | IOException otherLayoutOrKey) {
            throw new Unreadable(otherLayoutOrKey);
        }
    }

    /** The session has ended: its refresh token goes. */
    public void forget(String sessionId) {
        tokens.remove(sessionId, ENTRY);
    }

    /**
     * Sealed for one session: an entry copied under another session's id does not open there. (Versions before
     * {@code TokenFields} sealed the token's UTF-8 text, which does not read as one: {@link Revocation#UNREADABLE}.)
     */
    private static String purpose(String sessionId) {
        return "refresh-token:" + sessionId;
    }

    private SessionKeys keys() {
        return settings.sessions().keys();
    }
}
