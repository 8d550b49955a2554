package dev.payaracognito.security.token;

import java.time.Clock;
import java.time.Instant;
import java.util.Comparator;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.logging.Logger;

/**
 * {@link RevokedSignIns} in this instance's memory. Bounded: entries leave when the tokens they stand for have
 * expired; should the list still be full (more sign-outs within one token lifetime than it holds), the entry that
 * would leave soonest goes first, and the log says so.
 */
public final class LocalRevokedSignIns implements RevokedSignIns {

    private static final Logger LOG = Logger.getLogger(LocalRevokedSignIns.class.getName());

    private final Map<String, Instant> revoked = new ConcurrentHashMap<>();
    private final int maxEntries;
    private final Clock clock;

    public LocalRevokedSignIns(int maxEntries, Clock clock) {
        this.maxEntries = maxEntries;
        this.clock = clock;
    }

    @Override
    public void revoke(String originJti, Instant until) {
        if (revoked.size() >= maxEntries) {
            makeRoom();
        }
        revoked.merge(originJti, until, (old, now) -> old.isAfter(now) ? old : now);
    }

    @Override
    public boolean isRevoked(String originJti) {
        // The common case, nothing revoked, costs no hash lookup.
        if (revoked.isEmpty()) {
            return false;
        }
        Instant until = revoked.get(originJti);
        return until != null && !clock.instant().isAfter(until);
    }

    int size() {
        return revoked.size();
    }

    private synchronized void makeRoom() {
        Instant now = clock.instant();
        revoked.values().removeIf(until -> now.isAfter(until));
        while (revoked.size() >= maxEntries) {
            revoked.entrySet().stream().min(Map.Entry.comparingByValue(Comparator.naturalOrder()))
                    .ifPresent(soonest -> revoked.remove(soonest.getKey(), soonest.getValue()));
            LOG.warning("the list of ended sign-ins is full (" + maxEntries + "): the one that expires soonest"
                    + " was dropped early; raise cognito.revoked-sign-ins.size");
        }
    }
}
