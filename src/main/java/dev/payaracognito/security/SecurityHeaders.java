package dev.payaracognito.security;

import jakarta.servlet.http.HttpServletResponse;

/**
 * The headers every response carries. They are set where every request passes first (the authentication
 * handler), so that pages, redirects to Cognito and the error pages written during sign-in all have them.
 */
final class SecurityHeaders {

    /** The pages need no script, plugin, base URL or framing; everything else from this site only. */
    static final String CONTENT_SECURITY_POLICY =
            "default-src 'self'; script-src 'none'; object-src 'none'; base-uri 'none'; frame-ancestors 'none'";

    private SecurityHeaders() {}

    static void apply(HttpServletResponse response, boolean https, boolean cacheable) {
        response.setHeader("Content-Security-Policy", CONTENT_SECURITY_POLICY);
        response.setHeader("X-Content-Type-Options", "nosniff");
        // No referrer at all: the callback's URL carries the authorization code.
        response.setHeader("Referrer-Policy", "no-referrer");
        response.setHeader("X-Frame-Options", "DENY");
        if (https) {
            response.setHeader("Strict-Transport-Security", "max-age=31536000; includeSubDomains");
        }
        if (!cacheable) {
            // Signed-in pages must not come back from a cache after sign-out (the Back button).
            response.setHeader("Cache-Control", "no-store");
        }
    }
}
