package dev.payaracognito.cognito;

import dev.payaracognito.cluster.SessionKeys;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.logging.Logger;

/**
 * The browser sessions: how long they live idle ({@code app.session.idle-timeout}), at most
 * ({@code app.session.max-lifetime}) and while only a sign-in is pending ({@code app.session.pending-lifetime}), and
 * the keys that seal what they keep in the data grid ({@code app.session.key}), and whether an admin's ending of a
 * user's sessions also signs the user out of every app at Cognito ({@code app.admin.global-sign-out}).
 */
public final class SessionSettings {

    private static final Logger LOG = Logger.getLogger(SessionSettings.class.getName());
    private static final String DURATIONS = "APP_SESSION_IDLE_TIMEOUT, APP_SESSION_MAX_LIFETIME and"
            + " APP_SESSION_PENDING_LIFETIME (app.session.*) must be positive ISO-8601 durations such as PT30M.";
    static final Duration DEFAULT_IDLE_TIMEOUT = Duration.ofMinutes(30);
    static final Duration DEFAULT_MAX_LIFETIME = Duration.ofHours(12);
    static final Duration DEFAULT_PENDING_LIFETIME = Duration.ofMinutes(15);

    private final Duration idleTimeout;
    private final Duration maxLifetime;
    private final Duration pendingSignInLifetime;
    private final SessionKeys keys;
    private final boolean adminGlobalSignOut;

    private SessionSettings(Duration idleTimeout, Duration maxLifetime, Duration pendingSignInLifetime,
            SessionKeys keys, boolean adminGlobalSignOut) {
        this.idleTimeout = idleTimeout;
        this.maxLifetime = maxLifetime;
        this.pendingSignInLifetime = pendingSignInLifetime;
        this.keys = keys;
        this.adminGlobalSignOut = adminGlobalSignOut;
    }

    static SessionSettings read(TypedConfig settings, List<String> problems) {
        return new SessionSettings(
                duration(settings, "app.session.idle-timeout", DEFAULT_IDLE_TIMEOUT, problems),
                duration(settings, "app.session.max-lifetime", DEFAULT_MAX_LIFETIME, problems),
                duration(settings, "app.session.pending-lifetime", DEFAULT_PENDING_LIFETIME, problems),
                keys(settings, problems),
                settings.value("app.admin.global-sign-out", Boolean.class, false,
                        "APP_ADMIN_GLOBAL_SIGN_OUT (app.admin.global-sign-out) must be true or false."));
    }

    private static Duration duration(TypedConfig settings, String name, Duration fallback, List<String> problems) {
        Duration value = settings.value(name, Duration.class, fallback, DURATIONS);
        if (value.isNegative() || value.isZero()) {
            problems.add(DURATIONS);
            return fallback;
        }
        return value;
    }

    private static SessionKeys keys(TypedConfig settings, List<String> problems) {
        SecureRandom random = new SecureRandom();
        Optional<String> given = settings.text("app.session.key");
        if (given.isPresent()) {
            try {
                SessionKeys keys = SessionKeys.parse(given.get(), random);
                LOG.info("Sessions are sealed under the key " + keys.sealingId() + " of " + SessionKeys.SETTING);
                return keys;
            } catch (IllegalArgumentException wrong) {
                problems.add(wrong.getMessage());
            }
        } else {
            LOG.info(SessionKeys.SETTING + " is not set: sessions are sealed under a key of this node's own, which"
                    + " no other node has. A cluster's nodes need the same key (docs/scaling-out.md).");
        }
        return SessionKeys.ofThisNode(random);
    }

    /** Sessions end after this long without a request: {@code app.session.idle-timeout}, default 30 minutes. */
    public Duration idleTimeout() {
        return idleTimeout;
    }

    /** Signed-in sessions end this long after sign-in, whatever the activity: {@code app.session.max-lifetime}. */
    public Duration maxLifetime() {
        return maxLifetime;
    }

    /**
     * How long a session that only started a sign-in lives without a request: {@code app.session.pending-lifetime},
     * default 15 minutes (time enough at the hosted UI; an abandoned sign-in leaves the data grid soon).
     */
    public Duration pendingSignInLifetime() {
        return pendingSignInLifetime;
    }

    /**
     * The keys that seal what sessions keep in the data grid: {@code app.session.key}, or one this node made for
     * itself when none is given (enough for a single node; the nodes of a cluster need the same key).
     */
    public SessionKeys keys() {
        return keys;
    }

    /**
     * Whether an admin who ends a user's sessions also has Cognito sign the user out everywhere
     * ({@code AdminUserGlobalSignOut}: the user's refresh tokens, in every app of the pool, stop working); needs AWS
     * credentials allowed {@code cognito-idp:AdminUserGlobalSignOut} on the pool. Default false.
     */
    public boolean adminGlobalSignOut() {
        return adminGlobalSignOut;
    }
}
