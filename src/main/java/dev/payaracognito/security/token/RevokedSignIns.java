package dev.payaracognito.security.token;

import dev.payaracognito.cluster.Ledger;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.logging.Logger;

/**
 * Sign-ins that have ended (signed out here, their refresh token revoked at Cognito), by Cognito's
 * {@code origin_jti}: the access tokens of such a sign-in still verify offline until they expire, so the API
 * refuses them itself, and a browser session of that sign-in kept by another node ends. An entry is needed only
 * until the last of those tokens expires, and leaves only then: a full list ({@code maxEntries}, more sign-outs
 * within one token lifetime than it was sized for) first lets its expired entries go, and then grows past its size
 * rather than re-admit a sign-in that ended; that is counted ({@link TokenEvents#revokedSignInsOverCapacity}) and
 * logged, so that the operator raises the size. Kept in the ledger given: this node's memory, or one of the data grid
 * that every node of a cluster reads locally.
 */
public final class RevokedSignIns {

    private static final Logger LOG = Logger.getLogger(RevokedSignIns.class.getName());
    private static final Duration WARNINGS = Duration.ofMinutes(1);

    private final Ledger revoked;
    private final int maxEntries;
    private final Clock clock;
    private final TokenEvents events;
    private volatile Instant lastWarning = Instant.MIN;

    public RevokedSignIns(Ledger revoked, int maxEntries, Clock clock, TokenEvents events) {
        this.revoked = revoked;
        this.maxEntries = maxEntries;
        this.clock = clock;
        this.events = events;
    }

    /** From now on, refuse the tokens of sign-in {@code originJti}; forget it after {@code until}. */
    public void revoke(String originJti, Instant until) {
        if (revoked.size() >= maxEntries) {
            makeRoom();
        }
        revoked.extend(originJti, until);
    }

    public boolean isRevoked(String originJti) {
        // The common case, nobody signed out lately, costs no lookup.
        if (revoked.isEmpty()) {
            return false;
        }
        Instant until = revoked.until(originJti);
        return until != null && !clock.instant().isAfter(until);
    }

    int size() {
        return revoked.size();
    }

    /** Expired entries leave. */
    private synchronized void makeRoom() {
        Instant now = clock.instant();
        revoked.sweep(now);
        if (revoked.size() >= maxEntries) {
            events.revokedSignInsOverCapacity();
            if (now.isAfter(lastWarning.plus(WARNINGS))) {
                lastWarning = now;
                LOG.warning("the list of ended sign-ins is over its size (" + maxEntries + " live entries): it keeps"
                        + " growing rather than accept an ended sign-in's tokens again; raise cognito.revoked-sign-ins.size");
            }
        }
    }
}
