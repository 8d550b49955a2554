package dev.payaracognito.localcognito.endpoints;

import dev.payaracognito.localcognito.tokens.Lifetimes;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.Base64;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The hosted UI's own sign-in session, kept in the cookie {@code cognito} (as Cognito names it): while it
 * lives, an authorize request returns straight away without the form. {@code /logout} ends it.
 */
public final class HostedSessions {

    static final String COOKIE = "cognito";

    record HostedSession(String username, Instant authTime, Instant expiresAt) {}

    private static final SecureRandom RANDOM = new SecureRandom();

    private final Map<String, HostedSession> sessions = new ConcurrentHashMap<>();
    private final Clock clock;

    public HostedSessions(Clock clock) {
        this.clock = clock;
    }

    /** Starts a session and answers the cookie that carries it. */
    String start(String username, Instant authTime) {
        byte[] id = new byte[32];
        RANDOM.nextBytes(id);
        String sessionId = Base64.getUrlEncoder().withoutPadding().encodeToString(id);
        sessions.put(sessionId, new HostedSession(username, authTime, clock.instant().plus(Lifetimes.HOSTED_SESSION)));
        // Expires rather than Max-Age, as Cognito sends it (and as older cookie parsers understand).
        String expires = DateTimeFormatter.RFC_1123_DATE_TIME.format(
                ZonedDateTime.now(ZoneOffset.UTC).plus(Lifetimes.HOSTED_SESSION));
        return COOKIE + "=" + sessionId + "; Path=/; Expires=" + expires + "; HttpOnly; SameSite=Lax";
    }

    Optional<HostedSession> find(Exchange exchange) {
        return exchange.cookie(COOKIE)
                .map(sessions::get)
                .filter(s -> clock.instant().isBefore(s.expiresAt()));
    }

    /** Ends the session and answers the cookie that clears it in the browser. */
    String end(Exchange exchange) {
        exchange.cookie(COOKIE).ifPresent(sessions::remove);
        return COOKIE + "=; Path=/; Expires=Thu, 01 Jan 1970 00:00:00 GMT; HttpOnly; SameSite=Lax";
    }
}
