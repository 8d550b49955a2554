package dev.payaracognito.security;

import dev.payaracognito.security.token.CognitoToken;
import jakarta.security.enterprise.CallerPrincipal;

/**
 * The caller of a request (a user, or for the API also a machine client), with what its validated token says. During the request,
 * {@code SecurityContext.getCallerPrincipal()} returns it.
 */
public final class CognitoPrincipal extends CallerPrincipal {

    private static final long serialVersionUID = 1L;

    private final transient CognitoToken token;

    public CognitoPrincipal(CognitoToken token) {
        super(token.callerName());
        this.token = token;
    }

    public CognitoToken token() {
        return token;
    }
}
