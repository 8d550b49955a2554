package dev.payaracognito.security.token;

import java.time.Clock;
import java.time.Instant;
import java.util.Iterator;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Access tokens already validated, so that a client's repeat call costs a map lookup instead of an RSA
 * verification. Bounded; an entry lives as long as its token is valid, and no longer. A token is cached only
 * after {@link CognitoTokenValidator} accepted it, under its exact string. Whether its sign-in has since ended
 * ({@link RevokedSignIns}) is asked on every call, hit or miss.
 */
public final class AccessTokenCache {

    private final CognitoTokenValidator validator;
    private final RevokedSignIns revoked;
    private final int maxEntries;
    private final Clock clock;
    private final TokenEvents events;
    private final Map<String, CognitoToken> entries = new ConcurrentHashMap<>();

    public AccessTokenCache(CognitoTokenValidator validator, RevokedSignIns revoked, int maxEntries, Clock clock,
            TokenEvents events) {
        this.validator = validator;
        this.events = events;
        this.revoked = revoked;
        this.maxEntries = maxEntries;
        this.clock = clock;
    }

    public CognitoToken validate(String token) throws TokenRejected {
        CognitoToken cached = entries.get(token);
        Instant now = clock.instant();
        if (cached != null) {
            if (isLive(cached, now)) {
                events.cacheHit();
                return notRevoked(cached);
            }
            entries.remove(token, cached);
        }
        events.cacheMiss();
        CognitoToken validated = notRevoked(validator.validateAccessToken(token));
        if (entries.size() >= maxEntries) {
            makeRoom(now);
        }
        entries.put(token, validated);
        return validated;
    }

    private CognitoToken notRevoked(CognitoToken token) throws TokenRejected {
        if (token.originJti() != null && revoked.isRevoked(token.originJti())) {
            throw new TokenRejected(TokenRejected.Reason.REVOKED, "the sign-in of this token has ended");
        }
        return token;
    }

    int size() {
        return entries.size();
    }

    /** The validator's own rule: valid until {@code exp} plus the allowed skew. */
    private static boolean isLive(CognitoToken token, Instant now) {
        return !now.isAfter(token.expiresAt().plus(CognitoTokenValidator.MAX_SKEW));
    }

    /** Drops expired entries; if the cache is still full, a tenth of it. */
    private void makeRoom(Instant now) {
        entries.values().removeIf(token -> !isLive(token, now));
        Iterator<String> keys = entries.keySet().iterator();
        for (int dropped = 0; entries.size() >= maxEntries && keys.hasNext() && dropped < maxEntries / 10 + 1;
                dropped++) {
            keys.next();
            keys.remove();
        }
    }
}
