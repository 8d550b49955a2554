package dev.payaracognito.audit;

import jakarta.json.Json;
import jakarta.json.JsonBuilderFactory;
import jakarta.json.JsonObjectBuilder;
import jakarta.servlet.http.HttpServletRequest;
import java.time.Instant;
import java.util.Map;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * One machine-readable line (JSON) per sign-in, token refresh (or its deferral), refusal, sign-out and ending of
 * sessions by a person, on the logger {@code audit}: what, who, when, from where, why. Never a token, and no text a client or Cognito chose
 * but the (shortened) path: reasons are codes and short sentences written by this app.
 */
public final class AuditLog {

    private static final Logger LOG = Logger.getLogger("audit");
    /** One factory: {@code Json.createObjectBuilder()} looks the JSON provider up on every call. */
    private static final JsonBuilderFactory JSON = Json.createBuilderFactory(Map.of());
    private static final int MAX_PATH = 200;

    /** Whose {@code X-Forwarded-For} is believed: set once at start-up from {@code APP_TRUSTED_PROXIES}. */
    private static volatile ClientAddress clientAddress = ClientAddress.DIRECT;

    private AuditLog() {}

    public static void trustProxies(ClientAddress trusted) {
        clientAddress = trusted;
    }

    /** The client's address, as the audit log writes it (a trusted proxy's {@code X-Forwarded-For} believed). */
    public static String clientAddress(HttpServletRequest request) {
        return clientAddress.of(request);
    }

    public static void signIn(HttpServletRequest request, String user) {
        write(Level.INFO, "sign-in", request, user, null, null);
    }

    public static void signOut(HttpServletRequest request, String user) {
        write(Level.INFO, "sign-out", request, user, null, null);
    }

    public static void refresh(HttpServletRequest request, String user) {
        write(Level.INFO, "refresh", request, user, null, null);
    }

    /** Tokens due for refresh while Cognito cannot be reached: the session goes on, the refresh is retried. */
    public static void refreshDeferred(HttpServletRequest request, String user, String detail) {
        write(Level.WARNING, "refresh-deferred", request, user, "COGNITO_UNREACHABLE", detail);
    }

    /** A refused sign-in or API call: a reason code, and a sentence saying why. */
    public static void refusal(HttpServletRequest request, String reason, String detail) {
        write(Level.WARNING, "refusal", request, null, reason, detail);
    }

    /**
     * A signed-in session that timed out (idle, or at its maximum lifetime): its sign-in was ended as by a sign-out.
     * Written by the container's expiry, outside any request: no address, no path.
     */
    public static void sessionTimedOut(String user, String detail) {
        if (LOG.isLoggable(Level.INFO)) {
            LOG.info(JSON.createObjectBuilder().add("event", "session-timed-out").add("at", Instant.now().toString())
                    .add("user", user).add("detail", detail).build().toString());
        }
    }

    /**
     * Signed-in sessions ended by a person: {@code by} ended {@code count} sessions of {@code user} (their own, or,
     * by an admin, another's); {@code how} says which (one, all others, all of them) and what Cognito was told.
     */
    public static void sessionsEnded(HttpServletRequest request, String by, String user, int count, String how) {
        if (LOG.isLoggable(Level.INFO)) {
            LOG.info(JSON.createObjectBuilder().add("event", "sessions-ended").add("at", Instant.now().toString())
                    .add("ip", clientAddress.of(request)).add("path", path(request)).add("user", by)
                    .add("of", user).add("count", count).add("detail", how).build().toString());
        }
    }

    /**
     * A session whose sign-in record or caller only a writer of the data grid could have made: it was ended. The
     * detail says which check it failed.
     */
    public static void sessionForged(HttpServletRequest request, String detail) {
        write(Level.WARNING, "session-forged", request, null, "SESSION_FORGED", detail);
    }

    /**
     * A failure as a log line tells it: the classes of the exception and of its causes, outermost first. Not their
     * messages: those may quote what Cognito or a client sent (a response body, a header), and a log line holds
     * only what this app wrote.
     */
    public static String describe(Throwable e) {
        StringBuilder classes = new StringBuilder(e.getClass().getSimpleName());
        int depth = 0;
        for (Throwable cause = e.getCause(); cause != null && depth < 4; cause = cause.getCause(), depth++) {
            classes.append(" < ").append(cause.getClass().getSimpleName());
        }
        return classes.toString();
    }

    /** The request's path as sent, which is the client's text: cut short so that a line stays small. */
    private static String path(HttpServletRequest request) {
        String path = request.getRequestURI();
        return path.length() > MAX_PATH ? path.substring(0, MAX_PATH) + "…" : path;
    }

    private static void write(Level level, String event, HttpServletRequest request, String user, String reason,
            String detail) {
        if (!LOG.isLoggable(level)) {
            return;
        }
        JsonObjectBuilder line = JSON.createObjectBuilder()
                .add("event", event)
                .add("at", Instant.now().toString())
                .add("ip", clientAddress.of(request))
                .add("path", path(request));
        if (user != null) {
            line.add("user", user);
        }
        if (reason != null) {
            line.add("reason", reason).add("detail", detail);
        }
        LOG.log(level, line.build().toString());
    }
}
