package dev.payaracognito.web;

import dev.payaracognito.sessions.IndexedSession;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Locale;

/** One session as a page lists it: what a person recognises it by, and never a token. */
public record SessionRow(String id, String device, String address, String signedIn, String lastActive, String node,
        boolean current) {

    private static final DateTimeFormatter WHEN = DateTimeFormatter.ofPattern("d MMM yyyy, HH:mm 'UTC'", Locale.ENGLISH)
            .withZone(ZoneOffset.UTC);

    static SessionRow of(IndexedSession session, String currentId, Instant now) {
        return new SessionRow(session.id(), session.device(), session.address(),
                WHEN.format(session.signIn().signedInAt()), ago(session.lastActive(), now), session.node(),
                session.id().equals(currentId));
    }

    /** "just now", "5 min ago", "2 h ago": the index knows it to the minute. */
    static String ago(Instant then, Instant now) {
        long minutes = Math.max(0, Duration.between(then, now).toMinutes());
        if (minutes < 2) {
            return "just now";
        }
        return minutes < 120 ? minutes + " min ago" : minutes / 60 + " h ago";
    }
}
