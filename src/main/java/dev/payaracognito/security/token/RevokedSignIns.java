package dev.payaracognito.security.token;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.logging.Logger;

/**
 * Sign-ins that have ended (signed out here, their refresh token revoked at Cognito), by Cognito's
 * {@code origin_jti}: the access tokens of such a sign-in still verify offline until they expire, so the API
 * refuses them itself, and a browser session of that sign-in kept by another node ends. An entry is needed only
 * until the last of those tokens expires. Kept in the map given: this node's memory, or a map of the data grid
 * that every node of a cluster reads locally. Bounded: expired entries leave first; should it still be full
 * (more sign-outs within one token lifetime than it holds), the entry that would leave soonest goes, and the log
 * says so.
 */
public final class RevokedSignIns {

    private static final Logger LOG = Logger.getLogger(RevokedSignIns.class.getName());

    private final Map<String, Instant> revoked;
    private final int maxEntries;
    private final Clock clock;

    public RevokedSignIns(Map<String, Instant> revoked, int maxEntries, Clock clock) {
        this.revoked = revoked;
        this.maxEntries = maxEntries;
        this.clock = clock;
    }

    /** From now on, refuse the tokens of sign-in {@code originJti}; forget it after {@code until}. */
    public void revoke(String originJti, Instant until) {
        if (revoked.size() >= maxEntries) {
            makeRoom();
        }
        revoked.merge(originJti, until, (old, now) -> old.isAfter(now) ? old : now);
    }

    public boolean isRevoked(String originJti) {
        // The common case, nobody signed out lately, costs no lookup.
        if (revoked.isEmpty()) {
            return false;
        }
        Instant until = revoked.get(originJti);
        return until != null && !clock.instant().isAfter(until);
    }

    int size() {
        return revoked.size();
    }

    /** Through the map's own removals (its entry set may be a copy, as a grid's map's is). */
    private synchronized void makeRoom() {
        Instant now = clock.instant();
        for (Map.Entry<String, Instant> entry : List.copyOf(revoked.entrySet())) {
            if (now.isAfter(entry.getValue())) {
                revoked.remove(entry.getKey(), entry.getValue());
            }
        }
        while (revoked.size() >= maxEntries) {
            revoked.entrySet().stream().min(Map.Entry.comparingByValue())
                    .ifPresent(soonest -> revoked.remove(soonest.getKey(), soonest.getValue()));
            LOG.warning("the list of ended sign-ins is full (" + maxEntries + "): the one that expires soonest"
                    + " was dropped early; raise cognito.revoked-sign-ins.size");
        }
    }
}
