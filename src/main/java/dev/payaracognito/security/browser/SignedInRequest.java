package dev.payaracognito.security.browser;

import jakarta.security.enterprise.CallerPrincipal;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import java.security.Principal;

/**
 * A signed-in request as the OpenID mechanism must see it to refresh its tokens: with its caller. The mechanism
 * takes a request without one for a visitor to sign in, and the container no longer gives one before the mechanisms
 * have run, since it keeps no caller in the session (BrowserAuthentication); the sealed record's user is the caller.
 */
final class SignedInRequest extends HttpServletRequestWrapper {

    private final Principal caller;

    SignedInRequest(HttpServletRequest request, String username) {
        super(request);
        this.caller = new CallerPrincipal(username);
    }

    @Override
    public Principal getUserPrincipal() {
        return caller;
    }

    @Override
    public String getRemoteUser() {
        return caller.getName();
    }
}
