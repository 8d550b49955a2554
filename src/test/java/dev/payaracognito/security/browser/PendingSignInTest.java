package dev.payaracognito.security.browser;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.payaracognito.cluster.SessionKeys;
import dev.payaracognito.cognito.CodeVerifier;
import jakarta.servlet.http.Cookie;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;
import java.lang.reflect.Proxy;
import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The PKCE verifier of a pending sign-in, as the data grid holds it: sealed, for its own session and the browser that
 * started the sign-in. Someone on the grid who copies it into a session of their own, or sends this session's id
 * (the grid's key) from another browser, with a code of the user's sign-in, gets nothing.
 */
class PendingSignInTest {

    private static final SecureRandom RANDOM = new SecureRandom();
    private static final Duration LIFETIME = Duration.ofMinutes(10);

    private final SessionKeys keys = SessionKeys.parse("k1:" + key(), RANDOM);
    private final Map<String, Object> users = new HashMap<>();
    private final Map<String, Object> mallorys = new HashMap<>();
    private final List<String> setCookies = new ArrayList<>();

    @Test
    void theVerifierOpensInItsSessionAndIsNotInTheGridInClear() throws Exception {
        String verifier = CodeVerifier.newVerifier();
        PendingSignIn.sentWith(request("user-session", users, null), response(), "/secure/profile.xhtml", LIFETIME,
                "st4te", verifier, keys, false);
        assertEquals(verifier, PendingSignIn.codeVerifier(request("user-session", users, browserCookie()), keys, false));
        PendingSignIn pending = (PendingSignIn) users.get(PendingSignIn.class.getName());
        assertFalse(pending.sealedVerifier().contains(verifier));
        assertFalse(new String(Base64.getDecoder().decode(pending.sealedVerifier()),
                java.nio.charset.StandardCharsets.ISO_8859_1).contains(verifier));
    }

    @Test
    void aVerifierCopiedIntoAnotherSessionDoesNotOpen() throws Exception {
        PendingSignIn.sentWith(request("user-session", users, null), response(), "/", LIFETIME, "st4te",
                CodeVerifier.newVerifier(), keys, false);
        mallorys.putAll(users);
        SessionKeys.Unopened refused = assertThrows(SessionKeys.Unopened.class,
                () -> PendingSignIn.codeVerifier(request("mallory-session", mallorys, browserCookie()), keys, false));
        assertEquals(SessionKeys.Unopened.Reason.FORGED, refused.reason());
    }

    /** The session's id is the grid's key: sent from another browser, without the sign-in's cookie, it opens nothing. */
    @Test
    void theSessionsIdFromAnotherBrowserDoesNotOpenIt() throws Exception {
        PendingSignIn.sentWith(request("user-session", users, null), response(), "/", LIFETIME, "st4te",
                CodeVerifier.newVerifier(), keys, false);
        for (Cookie[] mallorysCookies : List.of(new Cookie[0], new Cookie[] {new Cookie("SIGN_IN_BINDING", "guess")})) {
            assertThrows(SessionKeys.Unopened.class, () -> PendingSignIn.codeVerifier(
                    request("user-session", users, mallorysCookies), keys, false));
        }
        assertTrue(setCookies.get(0).contains("HttpOnly") && setCookies.get(0).contains("SameSite=Lax")
                && setCookies.get(0).contains("Max-Age=600"), setCookies.get(0));
    }

    @Test
    void aVerifierWrittenByAnyoneElseDoesNotOpen() {
        String otherKey = Base64.getEncoder().encodeToString(SessionKeys.parse("k1:" + key(), RANDOM)
                .seal("pkce-verifier:user-session", "chosen-by-mallory".getBytes()));
        for (String written : new String[] {"chosen-by-mallory", "not base64!", otherKey, null}) {
            users.put(PendingSignIn.class.getName(), new PendingSignIn("/", Instant.now(), "st4te", written));
            assertThrows(SessionKeys.Unopened.class, () -> PendingSignIn.codeVerifier(
                    request("user-session", users, new Cookie[0]), keys, false), String.valueOf(written));
        }
    }

    @Test
    void noPendingSignInHasNoVerifier() throws Exception {
        assertNull(PendingSignIn.codeVerifier(request("user-session", users, new Cookie[0]), keys, false));
    }

    /** The cookie the browser was given when the sign-in started. */
    private Cookie[] browserCookie() {
        String set = setCookies.get(setCookies.size() - 1);
        String pair = set.substring(0, set.indexOf(';'));
        return new Cookie[] {new Cookie(pair.substring(0, pair.indexOf('=')), pair.substring(pair.indexOf('=') + 1))};
    }

    private HttpServletResponse response() {
        return (HttpServletResponse) Proxy.newProxyInstance(PendingSignInTest.class.getClassLoader(),
                new Class<?>[] {HttpServletResponse.class}, (proxy, called, args) -> {
                    if (called.getName().equals("addHeader") && "Set-Cookie".equals(args[0])) {
                        setCookies.add((String) args[1]);
                    }
                    return null;
                });
    }

    private static HttpServletRequest request(String sessionId, Map<String, Object> attributes, Cookie[] cookies) {
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
                    case "getCookies" -> cookies;
                    default -> null;
                });
    }

    private static String key() {
        byte[] key = new byte[32];
        RANDOM.nextBytes(key);
        return Base64.getEncoder().encodeToString(key);
    }
}
