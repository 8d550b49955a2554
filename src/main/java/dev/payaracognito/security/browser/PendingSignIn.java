package dev.payaracognito.security.browser;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpSession;
import java.io.Serializable;
import java.time.Duration;
import java.time.Instant;

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
 */
public record PendingSignIn(String returnTo, Instant startedAt, String state) implements Serializable {

    private static final String ATTRIBUTE = PendingSignIn.class.getName();

    /** The browser is about to be sent to sign in, from {@code page}. */
    static void start(HttpServletRequest request, String page, Duration lifetime) {
        HttpSession session = request.getSession();
        if (session.isNew()) {
            session.setMaxInactiveInterval((int) lifetime.toSeconds());
        }
        session.setAttribute(ATTRIBUTE, new PendingSignIn(page, Instant.now(), null));
    }

    /** The mechanism sends the browser to Cognito with {@code state}: the answer must carry it back. */
    static void sentWith(HttpServletRequest request, String state) {
        HttpSession session = request.getSession(false);
        if (session != null && session.getAttribute(ATTRIBUTE) instanceof PendingSignIn pending) {
            session.setAttribute(ATTRIBUTE, new PendingSignIn(pending.returnTo(), pending.startedAt(), state));
        }
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

    private static PendingSignIn pending(HttpServletRequest request) {
        HttpSession session = request.getSession(false);
        return session != null && session.getAttribute(ATTRIBUTE) instanceof PendingSignIn pending ? pending : null;
    }
}
