package dev.payaracognito.security;

import dev.payaracognito.security.token.CognitoToken;
import jakarta.security.enterprise.CallerPrincipal;

/**
 * The caller of an API request, with what its validated access token says. During the request,
 * {@code SecurityContext.getCallerPrincipal()} returns it.
 */
public final class CognitoPrincipal extends CallerPrincipal {

    private static final long serialVersionUID = 1L;

    private final transient CognitoToken token;

    public CognitoPrincipal(CognitoToken token) {
        super(token.username());
        this.token = token;
    }

    public CognitoToken token() {
        return token;
    }
}
