package dev.payaracognito.security.browser;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpServletResponseWrapper;
import java.io.IOException;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;

/**
 * The response handed to the OpenID mechanism when it starts a sign-in: its redirect to Cognito's authorization
 * endpoint gets the page's {@link SignInChoice}, and the pending sign-in learns the {@code state} it was sent with
 * (Soteria makes the state and keeps it to itself). Other redirects pass unchanged.
 */
final class AuthorizationRedirect extends HttpServletResponseWrapper {

    private final HttpServletRequest request;
    private final SignInChoice choice;
    private final String authorizationEndpoint;

    AuthorizationRedirect(HttpServletRequest request, HttpServletResponse response, SignInChoice choice,
            String authorizationEndpoint) {
        super(response);
        this.request = request;
        this.choice = choice;
        this.authorizationEndpoint = authorizationEndpoint;
    }

    @Override
    public void sendRedirect(String location) throws IOException {
        if (!location.startsWith(authorizationEndpoint + "?")) {
            super.sendRedirect(location);
            return;
        }
        PendingSignIn.sentWith(request, parameter(location, "state"));
        super.sendRedirect(choice.addTo(location));
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
