package dev.payaracognito.security.browser;

import dev.payaracognito.cluster.SessionKeys;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;
import java.io.Serializable;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;

/**
 * A sign-in this browser's session has started: the browser was sent to Cognito's hosted UI and has not come
 * back. It keeps the page to return to and the {@code state} the browser was sent with, and it is what makes a
 * request to {@code /callback} an answer: a callback in a session without one (a link or an image on another site,
 * a replay, a second tab), or an error callback naming another state, is not acted upon. A session that holds only
 * a pending sign-in lives {@code app.session.pending-lifetime}, not a signed-in session's idle timeout: a visitor
 * who never comes back, or a client hitting a protected page over and over, costs the data grid little.
 *
 * @param returnTo a path of this site ({@link SiteRedirects#thisPage})
 * @param state the {@code state} of the authorization request, once the mechanism has made it
 * @param sealedVerifier the PKCE verifier whose challenge the authorization request carried. It travels with the
 *     session, so that a callback served by another node exchanges the code with it, sealed with the session key
 *     for this session and the browser that started the sign-in ({@link SessionBinding#issueForSignIn}): whoever
 *     reads or writes the data grid learns nothing of it and cannot use it from another session, nor with this
 *     session's id (which the grid holds), to redeem a code taken from the user's sign-in.
 */
public record PendingSignIn(String returnTo, Instant startedAt, String state, String sealedVerifier)
        implements Serializable {

    private static final String ATTRIBUTE = PendingSignIn.class.getName();
    private static final String VERIFIER_OF_SESSION = "pkce-verifier:";

    /**
     * The mechanism sends the browser to Cognito, from {@code page}, with {@code state} and the challenge of
     * {@code codeVerifier}: the answer must carry the state back, and its code is exchanged with the verifier.
     */
    static void sentWith(HttpServletRequest request, HttpServletResponse response, String page, Duration lifetime,
            String state, String codeVerifier, SessionKeys keys, boolean https) {
        HttpSession session = request.getSession();
        if (session.isNew()) {
            session.setMaxInactiveInterval((int) lifetime.toSeconds());
        }
        String browser = SessionBinding.issueForSignIn(response, https, lifetime);
        String sealed = Base64.getEncoder().encodeToString(keys.seal(verifierOf(session.getId(), browser),
                codeVerifier.getBytes(StandardCharsets.US_ASCII)));
        session.setAttribute(ATTRIBUTE, new PendingSignIn(page, Instant.now(), state, sealed));
    }

    /**
     * The PKCE verifier of the pending sign-in, null when there is none; {@link SessionKeys.Unopened} if it was
     * sealed for another session, not by this app, or under a key this node was not given.
     */
    static String codeVerifier(HttpServletRequest request, SessionKeys keys, boolean https)
            throws SessionKeys.Unopened {
        PendingSignIn pending = pending(request);
        if (pending == null) {
            return null;
        }
        byte[] sealed;
        try {
            sealed = pending.sealedVerifier() == null ? null : Base64.getDecoder().decode(pending.sealedVerifier());
        } catch (IllegalArgumentException notBase64) {
            sealed = null; // refused by open() as what it is: not sealed by this app
        }
        return new String(keys.open(verifierOf(request.getSession().getId(),
                SessionBinding.signInSecret(request, https)), sealed), StandardCharsets.US_ASCII);
    }

    /** What a sealed verifier is: the PKCE verifier of this session in this browser (the secret is never stored). */
    private static String verifierOf(String sessionId, String browserSecret) {
        return VERIFIER_OF_SESSION + sessionId + ":" + browserSecret;
    }

    static boolean isPending(HttpServletRequest request) {
        return pending(request) != null;
    }

    /** Whether {@code state} is the one the pending sign-in was sent with. */
    static boolean isAnsweredBy(HttpServletRequest request, String state) {
        PendingSignIn pending = pending(request);
        return pending != null && pending.state() != null && pending.state().equals(state);
    }

    /** Ends the pending sign-in; answers the page to return to (the home page if there was none). */
    public static String finish(HttpServletRequest request) {
        PendingSignIn pending = pending(request);
        if (pending == null) {
            return "/";
        }
        request.getSession().removeAttribute(ATTRIBUTE);
        return pending.returnTo();
    }

    /** Never the verifier: a record may end up in a log line or an exception. */
    @Override
    public String toString() {
        return "PendingSignIn[returnTo=" + returnTo + ", startedAt=" + startedAt + "]";
    }

    private static PendingSignIn pending(HttpServletRequest request) {
        HttpSession session = request.getSession(false);
        return session != null && session.getAttribute(ATTRIBUTE) instanceof PendingSignIn pending ? pending : null;
    }
}
