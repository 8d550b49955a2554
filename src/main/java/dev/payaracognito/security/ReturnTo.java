package dev.payaracognito.security;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpSession;

/**
 * Where a user goes after signing in: the protected page they asked for, kept in the session. Only a path on
 * this site is ever followed ({@code //evil}, {@code /\evil} and {@code https:evil} are not paths here).
 */
public final class ReturnTo {

    private static final String ATTRIBUTE = ReturnTo.class.getName();

    private ReturnTo() {}

    /** Remembers the page of a GET request that is about to be sent to sign in. */
    static void remember(HttpServletRequest request) {
        if (!"GET".equals(request.getMethod())) {
            return;
        }
        String query = request.getQueryString();
        String page = request.getRequestURI() + (query == null ? "" : "?" + query);
        if (isLocalPath(page)) {
            request.getSession().setAttribute(ATTRIBUTE, page);
        }
    }

    /** The remembered page (once), or the home page. */
    public static String take(HttpServletRequest request) {
        HttpSession session = request.getSession(false);
        if (session == null) {
            return "/";
        }
        Object page = session.getAttribute(ATTRIBUTE);
        session.removeAttribute(ATTRIBUTE);
        return page instanceof String path && isLocalPath(path) ? path : "/";
    }

    /** A path of this origin: one leading slash, then no second slash or backslash, no control characters. */
    public static boolean isLocalPath(String path) {
        if (path == null || path.length() < 1 || path.charAt(0) != '/') {
            return false;
        }
        if (path.length() > 1 && (path.charAt(1) == '/' || path.charAt(1) == '\\')) {
            return false;
        }
        return path.chars().noneMatch(c -> c < 0x20 || c == 0x7f || c == '\\');
    }
}
