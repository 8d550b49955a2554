package dev.payaracognito.security.browser;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.payaracognito.cluster.SessionKeys;
import dev.payaracognito.cognito.CodeVerifier;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpSession;
import java.lang.reflect.Proxy;
import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The PKCE verifier of a pending sign-in, as the data grid holds it: sealed, and for its own session only. Someone
 * on the grid who copies it into a session of their own (and has a code of the user's sign-in) gets nothing.
 */
class PendingSignInTest {

    private static final SecureRandom RANDOM = new SecureRandom();
    private static final Duration LIFETIME = Duration.ofMinutes(10);

    private final SessionKeys keys = SessionKeys.parse("k1:" + key(), RANDOM);
    private final Map<String, Object> users = new HashMap<>();
    private final Map<String, Object> mallorys = new HashMap<>();

    @Test
    void theVerifierOpensInItsSessionAndIsNotInTheGridInClear() throws Exception {
        String verifier = CodeVerifier.newVerifier();
        PendingSignIn.sentWith(request("user-session", users), "/secure/profile.xhtml", LIFETIME, "st4te", verifier,
                keys);
        assertEquals(verifier, PendingSignIn.codeVerifier(request("user-session", users), keys));
        PendingSignIn pending = (PendingSignIn) users.get(PendingSignIn.class.getName());
        assertFalse(pending.sealedVerifier().contains(verifier));
        assertFalse(new String(Base64.getDecoder().decode(pending.sealedVerifier()),
                java.nio.charset.StandardCharsets.ISO_8859_1).contains(verifier));
    }

    @Test
    void aVerifierCopiedIntoAnotherSessionDoesNotOpen() throws Exception {
        PendingSignIn.sentWith(request("user-session", users), "/", LIFETIME, "st4te", CodeVerifier.newVerifier(),
                keys);
        mallorys.putAll(users);
        SessionKeys.Unopened refused = assertThrows(SessionKeys.Unopened.class,
                () -> PendingSignIn.codeVerifier(request("mallory-session", mallorys), keys));
        assertEquals(SessionKeys.Unopened.Reason.FORGED, refused.reason());
    }

    @Test
    void aVerifierWrittenByAnyoneElseDoesNotOpen() {
        String otherKey = Base64.getEncoder().encodeToString(SessionKeys.parse("k1:" + key(), RANDOM)
                .seal("pkce-verifier:user-session", "chosen-by-mallory".getBytes()));
        for (String written : new String[] {"chosen-by-mallory", "not base64!", otherKey, null}) {
            users.put(PendingSignIn.class.getName(), new PendingSignIn("/", Instant.now(), "st4te", written));
            assertThrows(SessionKeys.Unopened.class,
                    () -> PendingSignIn.codeVerifier(request("user-session", users), keys), String.valueOf(written));
        }
    }

    @Test
    void noPendingSignInHasNoVerifier() throws Exception {
        assertNull(PendingSignIn.codeVerifier(request("user-session", users), keys));
    }

    private static HttpServletRequest request(String sessionId, Map<String, Object> attributes) {
        HttpSession session = (HttpSession) Proxy.newProxyInstance(PendingSignInTest.class.getClassLoader(),
                new Class<?>[] {HttpSession.class}, (proxy, called, args) -> switch (called.getName()) {
                    case "getId" -> sessionId;
                    case "isNew" -> false;
                    case "getAttribute" -> attributes.get((String) args[0]);
                    case "setAttribute" -> attributes.put((String) args[0], args[1]);
                    default -> null;
                });
        return (HttpServletRequest) Proxy.newProxyInstance(PendingSignInTest.class.getClassLoader(),
                new Class<?>[] {HttpServletRequest.class}, (proxy, called, args) -> switch (called.getName()) {
                    case "getSession" -> session;
                    default -> null;
                });
    }

    private static String key() {
        byte[] key = new byte[32];
        RANDOM.nextBytes(key);
        return Base64.getEncoder().encodeToString(key);
    }
}
