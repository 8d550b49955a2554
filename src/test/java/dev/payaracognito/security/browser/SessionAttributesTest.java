package dev.payaracognito.security.browser;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;

import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.PlainJWT;
import dev.payaracognito.cluster.SessionKeys;
import dev.payaracognito.security.token.CognitoToken;
import dev.payaracognito.testing.AttributeRequests;
import jakarta.servlet.ServletRequest;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.ObjectInputStream;
import java.io.ObjectOutputStream;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.time.Instant;
import java.util.Base64;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * What the app keeps in a session travels to other nodes as Java serialization, through the data grid: the sign-in
 * record sealed, so that the bytes in the grid hold none of it, and whole on a node given the same key.
 */
class SessionAttributesTest {

    private static final SecureRandom RANDOM = new SecureRandom();
    private static final String KEY = "k1:" + Base64.getEncoder().encodeToString(RANDOM.generateSeed(32));
    /** An ID token as the record needs it: a JWT with an expiry. */
    static final String ID_TOKEN = new PlainJWT(new JWTClaimsSet.Builder().jwtID("id-token-of-alice")
            .expirationTime(Date.from(Instant.parse("2026-12-01T09:30:00Z"))).build()).serialize();
    static final SignInRecord RECORD = SignInRecord.of(new CognitoToken(CognitoToken.TokenUse.ACCESS,
                    "alice", "sub-1", "client", Set.of("admins", "editors"), Set.of("openid"), null, "origin-1",
                    Instant.parse("2026-12-01T10:00:00Z")),
            new SessionTokens("Bearer", ID_TOKEN, "access.token.sig", "openid email profile"),
            Instant.parse("2026-12-01T09:00:00Z"), "binding-digest");

    @Test
    void aSignInRecordTravelsSealedAndOpensWholeOnANodeWithTheSameKey() throws Exception {
        byte[] inTheGrid = serialized(SealedSignIn.sealed(RECORD, SessionKeys.parse(KEY, RANDOM)));
        String visible = new String(inTheGrid, StandardCharsets.ISO_8859_1);
        for (String secret : List.of(ID_TOKEN, "access.token.sig", "alice", "admins",
                "origin-1", "binding-digest")) {
            assertFalse(visible.contains(secret), secret + " is readable in the grid");
        }
        SealedSignIn onAnotherNode = (SealedSignIn) deserialized(inTheGrid);
        assertEquals(RECORD, onAnotherNode.open(SessionKeys.parse(KEY, RANDOM)));
    }

    /** Opened once per request, never kept in the session: a new sealed value in the same request is opened anew. */
    @Test
    void aRecordIsOpenedOncePerRequestAndNotKeptBeyondIt() throws Exception {
        SessionKeys keys = SessionKeys.parse(KEY, RANDOM);
        SealedSignIn sealed = (SealedSignIn) deserialized(serialized(SealedSignIn.sealed(RECORD, keys)));
        ServletRequest request = request();
        SignInRecord opened = sealed.open(keys, request);
        assertEquals(RECORD, opened);
        assertSame(opened, sealed.open(keys, request), "opened once for the request");
        assertNotSame(opened, sealed.open(keys, request()), "another request opens it again");
        SealedSignIn refreshed = SealedSignIn.sealed(RECORD, keys);
        assertNotSame(opened, refreshed.open(keys, request), "a new sealed value is opened anew");
    }

    private static ServletRequest request() {
        return AttributeRequests.with(Map.of());
    }

    @Test
    void aNodeWithAnotherKeyCannotOpenIt() throws Exception {
        SealedSignIn onAnotherNode = (SealedSignIn) deserialized(serialized(
                SealedSignIn.sealed(RECORD, SessionKeys.parse(KEY, RANDOM))));
        SessionKeys.Unopened unopened = assertThrows(SessionKeys.Unopened.class,
                () -> onAnotherNode.open(SessionKeys.ofThisNode(RANDOM)));
        assertEquals(SessionKeys.Unopened.Reason.UNKNOWN_KEY, unopened.reason());
        assertEquals("k1", unopened.keyId());
    }

    @Test
    void aRecordNeverPrintsItsTokens() {
        String printed = RECORD + " " + RECORD.tokens();
        for (String secret : List.of(ID_TOKEN, "access.token.sig", "binding-digest")) {
            assertFalse(printed.contains(secret), printed);
        }
    }

    @Test
    void aPendingSignInTravelsWhole() throws Exception {
        PendingSignIn pending = new PendingSignIn("/secure/profile.xhtml?tab=1", Instant.parse("2026-12-01T09:00:00Z"),
                "st4te", "c2VhbGVkLXZlcmlmaWVy");
        assertEquals(pending, deserialized(serialized(pending)));
    }

    private static byte[] serialized(Object attribute) throws Exception {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (ObjectOutputStream out = new ObjectOutputStream(bytes)) {
            out.writeObject(attribute);
        }
        return bytes.toByteArray();
    }

    private static Object deserialized(byte[] bytes) throws Exception {
        try (ObjectInputStream in = new ObjectInputStream(new ByteArrayInputStream(bytes))) {
            return in.readObject();
        }
    }
}
