package dev.payaracognito.security.browser;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.PlainJWT;
import java.lang.reflect.Field;
import java.time.Instant;
import java.util.Date;
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
    private final OpenIdContextReplica replica = new OpenIdContextReplica();

    @BeforeEach
    void injectContext() throws ReflectiveOperationException {
        Field field = OpenIdContextReplica.class.getDeclaredField("context");
        field.setAccessible(true);
        field.set(replica, context);
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

    private static SessionTokens tokens(String name, Instant issuedAt) {
        return new SessionTokens("Bearer", jwt(name + "-id", issuedAt), jwt(name + "-access", issuedAt),
                name + "-refresh", "openid");
    }

    private static String jwt(String id, Instant issuedAt) {
        return new PlainJWT(new JWTClaimsSet.Builder().jwtID(id).subject("alice").issueTime(Date.from(issuedAt))
                .expirationTime(Date.from(issuedAt.plusSeconds(3600))).build()).serialize();
    }
}
