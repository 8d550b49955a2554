package dev.payaracognito.security.browser;

import jakarta.servlet.http.Cookie;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.Base64;

/**
 * The second cookie of a signed-in browser: a secret made at sign-in, whose SHA-256 digest only is in the session's
 * sealed {@link SignInRecord}. The session id travels in the data grid (it is the key of the session's entry), so
 * the id alone must be worth nothing: a request is the session's only with this cookie too. Same attributes as
 * the session cookie: HttpOnly, SameSite=Lax (the callback arrives from Cognito's site), Path=/, and Secure with
 * the {@code __Host-} prefix when the public base URL is https.
 */
final class SessionBinding {

    private static final String NAME = "SESSION_BINDING";
    private static final String SIGN_IN = "SIGN_IN_BINDING";
    private static final SecureRandom RANDOM = new SecureRandom();
    private static final Base64.Encoder BASE64URL = Base64.getUrlEncoder().withoutPadding();

    private SessionBinding() {}

    /** A new secret for a sign-in, given to the browser; answers its digest, for the record. */
    static String issue(HttpServletResponse response, boolean https) {
        String value = newSecret();
        response.addHeader("Set-Cookie", cookie(NAME, https, value, ""));
        return digest(value);
    }

    /**
     * A new secret for a sign-in about to start, given to the browser for {@code lifetime} (a pending sign-in's):
     * answered whole, to bind what the session keeps of the sign-in to this browser. A cookie of its own, so that
     * a signed-in session's binding is never touched by a sign-in started beside it.
     */
    static String issueForSignIn(HttpServletResponse response, boolean https, java.time.Duration lifetime) {
        String value = newSecret();
        response.addHeader("Set-Cookie", cookie(SIGN_IN, https, value, "; Max-Age=" + lifetime.toSeconds()));
        return value;
    }

    /** The secret {@link #issueForSignIn} gave this browser; empty if it sent none. */
    static String signInSecret(HttpServletRequest request, boolean https) {
        Cookie[] cookies = request.getCookies();
        String name = name(SIGN_IN, https);
        if (cookies != null) {
            for (Cookie cookie : cookies) {
                if (name.equals(cookie.getName())) {
                    return cookie.getValue();
                }
            }
        }
        return "";
    }

    /** Whether the request carries the secret whose digest is {@code digest}. */
    static boolean presented(HttpServletRequest request, boolean https, String digest) {
        Cookie[] cookies = request.getCookies();
        if (cookies == null) {
            return false;
        }
        String name = name(NAME, https);
        for (Cookie cookie : cookies) {
            if (name.equals(cookie.getName()) && MessageDigest.isEqual(
                    digest(cookie.getValue()).getBytes(StandardCharsets.US_ASCII),
                    digest.getBytes(StandardCharsets.US_ASCII))) {
                return true;
            }
        }
        return false;
    }

    /** The browser forgets the secret (and with it anything it held of a session). */
    static void expire(HttpServletResponse response, boolean https) {
        response.addHeader("Set-Cookie", cookie(NAME, https, "", "; Max-Age=0"));
    }

    /**
     * The browser forgets the session altogether: its id and the secret. For a request that is not the session's,
     * whose session must be left as it is.
     */
    static void forgetSession(HttpServletRequest request, HttpServletResponse response, boolean https) {
        String sessionCookie = request.getServletContext().getSessionCookieConfig().getName();
        response.addHeader("Set-Cookie", (sessionCookie == null ? "JSESSIONID" : sessionCookie) + "="
                + attributes(https) + "; Max-Age=0");
        expire(response, https);
    }

    private static String newSecret() {
        byte[] secret = new byte[32];
        RANDOM.nextBytes(secret);
        return BASE64URL.encodeToString(secret);
    }

    private static String cookie(String name, boolean https, String value, String lifetime) {
        return name(name, https) + "=" + value + attributes(https) + lifetime;
    }

    /** The session cookie's attributes, which every cookie of a sign-in shares. */
    private static String attributes(boolean https) {
        return "; Path=/; HttpOnly; SameSite=Lax" + (https ? "; Secure" : "");
    }

    /** Behind https, {@code __Host-}: Secure, Path=/, no Domain, so a sibling subdomain cannot shadow it. */
    private static String name(String name, boolean https) {
        return https ? "__Host-" + name : name;
    }

    private static String digest(String secret) {
        try {
            return BASE64URL.encodeToString(MessageDigest.getInstance("SHA-256")
                    .digest(secret.getBytes(StandardCharsets.US_ASCII)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is not available", e);
        }
    }
}
