package dev.payaracognito.security.token;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.payaracognito.cluster.Ledger;
import dev.payaracognito.localcognito.RunningCognito;
import dev.payaracognito.localcognito.UserPool;
import dev.payaracognito.localcognito.faults.MutableClock;
import dev.payaracognito.security.token.TokenRejected.Reason;
import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** The cache of validated access tokens in front of the validator, against the local Cognito. */
class AccessTokenCacheTest {

    @RegisterExtension
    static final RunningCognito POOL = new RunningCognito();

    private final MutableClock clock = new MutableClock();
    private final CountedEvents events = new CountedEvents();
    private final RevokedSignIns revoked = new RevokedSignIns(Ledger.inMemory(), 100, clock, TokenEvents.NONE);
    private AccessTokenCache cache;

    @BeforeEach
    void newCache() throws Exception {
        POOL.cognito().healAll();
        cache = cache(3);
    }

    /**
     * A hit is not validated again: with the clock set back before the token's issue, the validator would refuse it
     * (issued in the future), and a hit still answers the very token the validator made the first time.
     */
    @Test
    void aRepeatTokenIsAHitThatIsNotValidatedAgain() throws Exception {
        String token = accessToken("alice");
        CognitoToken first = cache.validate(token);
        clock.advance(Duration.ofMinutes(-10));
        assertSame(first, cache.validate(token));
        assertSame(first, cache.validate(token));
        assertEquals(2, events.hits.get());
        assertEquals(1, events.misses.get());
        assertEquals(Reason.NOT_YET_VALID, assertThrows(TokenRejected.class,
                () -> cache(3).validate(token)).reason(), "what a validation would have answered");
    }

    /** An entry answers until its token expires (with the validator's skew), and not a moment after. */
    @Test
    void anEntryLivesAsLongAsItsTokenAndNoLonger() throws Exception {
        String token = accessToken("alice");
        Instant expiry = cache.validate(token).expiresAt();
        Instant lastLive = expiry.plus(CognitoTokenValidator.MAX_SKEW);
        clock.advance(Duration.between(Instant.now(), lastLive).minusSeconds(2));
        assertEquals("alice", cache.validate(token).username(), "live until exp plus the skew");
        assertEquals(1, events.hits.get(), "and a hit until then");
        clock.advance(Duration.ofSeconds(5));
        assertEquals(Reason.EXPIRED, assertThrows(TokenRejected.class, () -> cache.validate(token)).reason());
        assertEquals(0, cache.size(), "the expired entry is gone");
        assertEquals(1, events.hits.get(), "an expired entry is no hit");
        assertEquals(2, events.misses.get());
    }

    @Test
    void theCacheIsBounded() throws Exception {
        for (int i = 0; i < 10; i++) {
            cache.validate(accessToken(i % 2 == 0 ? "alice" : "bob"));
            assertTrue(cache.size() <= 3, "size " + cache.size());
        }
    }

    @Test
    void aRevokedSignInIsRefusedOnAHitAsOnAMiss() throws Exception {
        String cached = accessToken("alice");
        CognitoToken token = cache.validate(cached);
        String other = accessToken("alice"); // another sign-in of the same user
        revoked.revoke(token.originJti(), token.expiresAt());

        assertEquals(Reason.REVOKED, assertThrows(TokenRejected.class, () -> cache.validate(cached)).reason());
        assertEquals("alice", cache.validate(other).username());
        cache = cache(3); // a miss: the same token, not cached
        assertEquals(Reason.REVOKED, assertThrows(TokenRejected.class, () -> cache.validate(cached)).reason());
    }

    private AccessTokenCache cache(int size) throws Exception {
        CognitoKeys keys = new CognitoKeys(URI.create(POOL.cognito().issuer() + "/.well-known/jwks.json").toURL(),
                CognitoKeys.Policy.defaults(), events);
        CognitoTokenValidator validator = new CognitoTokenValidator(Map.of(POOL.cognito().issuer(), keys),
                UserPool.DEMO_CLIENT_ID, Set.of(UserPool.DEMO_CLIENT_ID), clock);
        return new AccessTokenCache(validator, revoked, size, clock, events);
    }

    private static String accessToken(String user) throws Exception {
        return (String) POOL.client().tokens(user, user.equals("bob") ? "Bob-Passw0rd!" : "Alice-Passw0rd!")
                .get("access_token");
    }
}
