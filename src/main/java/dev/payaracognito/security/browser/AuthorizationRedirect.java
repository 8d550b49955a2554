package dev.payaracognito.security.browser;

import dev.payaracognito.cluster.SessionKeys;
import dev.payaracognito.cognito.CodeVerifier;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpServletResponseWrapper;
import java.io.IOException;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;

/**
 * The response handed to the OpenID mechanism whenever it may send the browser to sign in (a protected page, or a
 * refresh Cognito refused): its redirect to Cognito's authorization endpoint gets the page's {@link SignInChoice}
 * and a PKCE challenge ({@link CodeVerifier}: Soteria has none), and starts the {@link PendingSignIn} with the
 * {@code state} it was sent with (Soteria makes the state and keeps it to itself) and the challenge's verifier.
 * Other redirects pass unchanged.
 */
final class AuthorizationRedirect extends HttpServletResponseWrapper {

    private final HttpServletRequest request;
    private final SignInChoice choice;
    private final String authorizationEndpoint;
    private final Duration pendingLifetime;
    private final SessionKeys keys;
    private final boolean https;

    AuthorizationRedirect(HttpServletRequest request, HttpServletResponse response, SignInChoice choice,
            String authorizationEndpoint, Duration pendingLifetime, SessionKeys keys, boolean https) {
        super(response);
        this.request = request;
        this.choice = choice;
        this.authorizationEndpoint = authorizationEndpoint;
        this.pendingLifetime = pendingLifetime;
        this.keys = keys;
        this.https = https;
    }

    @Override
    public void sendRedirect(String location) throws IOException {
        if (!location.startsWith(authorizationEndpoint + "?")) {
            super.sendRedirect(location);
            return;
        }
        String verifier = CodeVerifier.newVerifier();
        PendingSignIn.sentWith(request, (HttpServletResponse) getResponse(), SiteRedirects.thisPage(request),
                pendingLifetime, parameter(location, "state"), verifier, keys, https);
        super.sendRedirect(choice.addTo(location) + "&code_challenge=" + CodeVerifier.challengeOf(verifier)
                + "&code_challenge_method=S256");
    }

    /** The first value of {@code name} in the URL's query, decoded; null if absent. */
    static String parameter(String url, String name) {
        String query = url.substring(url.indexOf('?') + 1);
        for (String pair : query.split("&")) {
            int equals = pair.indexOf('=');
            if (equals > 0 && pair.substring(0, equals).equals(name)) {
                return URLDecoder.decode(pair.substring(equals + 1), StandardCharsets.UTF_8);
            }
        }
        return null;
    }
}
