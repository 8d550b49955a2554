package dev.payaracognito.security.browser;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpSession;
import java.io.Serializable;
import java.time.Instant;

/**
 * A sign-in this browser's session has started: the browser was sent to Cognito's hosted UI and has not come
 * back. It keeps the page to return to, and it is what makes a request to {@code /callback} an answer: a callback
 * in a session without one (a link or an image on another site, a replay, a second tab) is not acted upon.
 *
 * @param returnTo a path of this site ({@link SiteRedirects#thisPage})
 */
public record PendingSignIn(String returnTo, Instant startedAt) implements Serializable {

    private static final String ATTRIBUTE = PendingSignIn.class.getName();

    /** The browser is about to be sent to sign in, from {@code page}. */
    static void start(HttpServletRequest request, String page) {
        request.getSession().setAttribute(ATTRIBUTE, new PendingSignIn(page, Instant.now()));
    }

    static boolean isPending(HttpServletRequest request) {
        HttpSession session = request.getSession(false);
        return session != null && session.getAttribute(ATTRIBUTE) instanceof PendingSignIn;
    }

    /** Ends the pending sign-in; answers the page to return to (the home page if there was none). */
    public static String finish(HttpServletRequest request) {
        HttpSession session = request.getSession(false);
        if (session == null || !(session.getAttribute(ATTRIBUTE) instanceof PendingSignIn pending)) {
            return "/";
        }
        session.removeAttribute(ATTRIBUTE);
        return pending.returnTo();
    }
}
