package dev.payaracognito.security;

import jakarta.servlet.http.HttpServletRequest;

/**
 * The path within the app that the container serves a request from: decoded and normalized, as its servlet
 * mapping and security constraints see it. Routing on {@code getRequestURI()} instead, which is raw, would let
 * {@code /api/../secure/profile.xhtml} be authenticated as an API call yet served as a page, and
 * {@code /secure/../api/me} reach the API through the browser's session.
 */
public final class RequestPath {

    private RequestPath() {}

    public static String of(HttpServletRequest request) {
        String pathInfo = request.getPathInfo();
        return pathInfo == null ? request.getServletPath() : request.getServletPath() + pathInfo;
    }
}
