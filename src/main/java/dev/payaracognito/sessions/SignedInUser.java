package dev.payaracognito.sessions;

import java.time.Instant;
import java.util.Comparator;
import java.util.List;

/** A user with signed-in sessions, as an admin's search lists them: who, how many sessions, when last active. */
public record SignedInUser(String username, String email, List<IndexedSession> sessions) {

    static SignedInUser of(String username, List<IndexedSession> sessions) {
        List<IndexedSession> latestFirst = sessions.stream()
                .sorted(Comparator.comparing(IndexedSession::lastActive).reversed()).toList();
        return new SignedInUser(username, latestFirst.get(0).signIn().email(), latestFirst);
    }

    public int count() {
        return sessions.size();
    }

    public Instant lastActive() {
        return sessions.get(0).lastActive();
    }
}
