package dev.payaracognito.security.browser;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;

import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.PlainJWT;
import jakarta.security.enterprise.identitystore.openid.IdentityToken;
import java.lang.reflect.Field;
import java.time.Instant;
import java.util.Date;
import java.util.Optional;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.glassfish.soteria.mechanisms.openid.domain.OpenIdContextImpl;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The session's tokens put back in this node's OpenID context: never older ones over later ones, which another
 * request of the session, on this node, has just refreshed and not yet stored in the session.
 */
class OpenIdContextReplicaTest {

    private final Instant signedIn = Instant.parse("2026-12-05T08:00:00Z");
    private final SessionTokens first = tokens("first", signedIn);
    private final SessionTokens refreshed = tokens("refreshed", signedIn.plusSeconds(3000));

    private final OpenIdContextImpl context = new OpenIdContextImpl();
    /** Without a container: the context itself is the session's lock. */
    private final OpenIdContextReplica replica = new OpenIdContextReplica() {
        @Override
        OpenIdContextImpl thisSessionsContext() {
            return context;
        }
    };

    @BeforeEach
    void injectContext() throws ReflectiveOperationException {
        inject(replica, context);
    }

    @Test
    void anEmptyContextTakesTheSessionsTokens() {
        replica.restore(first);
        assertEquals(first, replica.tokens());
    }

    @Test
    void tokensRefreshedElsewhereReplaceTheOnesThisNodeHeld() {
        replica.restore(first);
        replica.restore(refreshed);
        assertEquals(refreshed, replica.tokens());
    }

    @Test
    void theSpentTokensOfAnEarlierRecordDoNotReplaceTheRefreshedOnes() {
        replica.restore(refreshed); // as the mechanism leaves them after its refresh on this node
        replica.restore(first); // a request of the same session that read the record before the refresh stored it
        assertEquals(refreshed, replica.tokens());
    }

    @Test
    void theContextHoldsARefreshTokenOnlyOnceOneIsLent() {
        replica.restore(first);
        assertEquals(Optional.empty(), replica.refreshToken(), "the session's tokens bring none");
        replica.lendRefreshToken("refresh-of-alice");
        assertEquals(Optional.of("refresh-of-alice"), replica.refreshToken());
        replica.restore(refreshed); // taken from another node meanwhile: the lent one stays for the refresh
        assertEquals(Optional.of("refresh-of-alice"), replica.refreshToken());
        assertEquals(refreshed, replica.tokens());
    }

    /**
     * Two requests of a session new to this node restore at once: the one that finds the tokens being put back must
     * not go on before the identity token is there. The first restore is held inside the context's setter of the
     * identity token until the second has read the context (or a second has passed, as it must while the second
     * waits for the session's lock).
     */
    @Test
    void aRestoreUnderWayIsFinishedBeforeAnotherRequestReadsTheContext() throws Exception {
        CountDownLatch firstInside = new CountDownLatch(1);
        CountDownLatch secondDone = new CountDownLatch(1);
        OpenIdContextImpl slow = new OpenIdContextImpl() {
            @Override
            public void setIdentityToken(IdentityToken identityToken) {
                if (Thread.currentThread().getName().equals("first request")) {
                    firstInside.countDown();
                    try {
                        secondDone.await(1, TimeUnit.SECONDS);
                    } catch (InterruptedException e) {
                        Thread.currentThread().interrupt();
                    }
                }
                super.setIdentityToken(identityToken);
            }
        };
        OpenIdContextReplica onThisNode = new OpenIdContextReplica() {
            @Override
            OpenIdContextImpl thisSessionsContext() {
                return slow;
            }
        };
        inject(onThisNode, slow);
        Thread firstRequest = Thread.ofPlatform().name("first request").start(() -> onThisNode.restore(first));
        firstInside.await();
        onThisNode.restore(first);
        IdentityToken seen = slow.getIdentityToken();
        secondDone.countDown();
        firstRequest.join();
        assertNotNull(seen, "the second request read the context before the first had put the identity token");
    }

    private static void inject(OpenIdContextReplica replica, OpenIdContextImpl context)
            throws ReflectiveOperationException {
        Field field = OpenIdContextReplica.class.getDeclaredField("context");
        field.setAccessible(true);
        field.set(replica, context);
    }

    private static SessionTokens tokens(String name, Instant issuedAt) {
        return new SessionTokens("Bearer", jwt(name + "-id", issuedAt), jwt(name + "-access", issuedAt), "openid");
    }

    private static String jwt(String id, Instant issuedAt) {
        return new PlainJWT(new JWTClaimsSet.Builder().jwtID(id).subject("alice").issueTime(Date.from(issuedAt))
                .expirationTime(Date.from(issuedAt.plusSeconds(3600))).build()).serialize();
    }
}
