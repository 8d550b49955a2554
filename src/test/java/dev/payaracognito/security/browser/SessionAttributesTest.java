package dev.payaracognito.security.browser;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.payaracognito.security.token.CognitoToken;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.ObjectInputStream;
import java.io.ObjectOutputStream;
import java.time.Instant;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * What the app keeps in a session travels to other nodes as Java serialization: each attribute survives the trip
 * whole (the grid's cost per session is measured by the cluster benchmark).
 */
class SessionAttributesTest {

    @Test
    void aSignInRecordTravelsWhole() throws Exception {
        CognitoToken access = new CognitoToken(CognitoToken.TokenUse.ACCESS, "alice", "sub-1", "client",
                Set.of("admins"), Set.of("openid"), null, "origin-1", Instant.parse("2026-12-01T10:00:00Z"));
        SignInRecord record = SignInRecord.of(access, new SessionTokens("Bearer", "id.token.sig",
                "access.token.sig", "refresh.token.jwe.parts.five", "openid email profile"),
                Instant.parse("2026-12-01T09:00:00Z"));
        assertEquals(record, travelled(record));
    }

    @Test
    void aPendingSignInTravelsWhole() throws Exception {
        PendingSignIn pending = new PendingSignIn("/secure/profile.xhtml?tab=1", Instant.parse("2026-12-01T09:00:00Z"));
        assertEquals(pending, travelled(pending));
    }

    private static Object travelled(Object attribute) throws Exception {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (ObjectOutputStream out = new ObjectOutputStream(bytes)) {
            out.writeObject(attribute);
        }
        try (ObjectInputStream in = new ObjectInputStream(new ByteArrayInputStream(bytes.toByteArray()))) {
            return in.readObject();
        }
    }
}
