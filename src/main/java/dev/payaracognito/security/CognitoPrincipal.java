package dev.payaracognito.security;

import jakarta.security.enterprise.CallerPrincipal;
import jakarta.servlet.http.HttpServletRequest;
import java.util.Optional;

/**
 * The caller of an API request, with what its validated access token says. The Bearer mechanism also leaves it
 * in the request ({@link #of}), which is cheaper to ask than {@code SecurityContext.getPrincipalsByType}.
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

    /** The caller the Bearer mechanism authenticated for this request, if any. */
    public static Optional<CognitoPrincipal> of(HttpServletRequest request) {
        return Optional.ofNullable((CognitoPrincipal) request.getAttribute(CognitoPrincipal.class.getName()));
    }
}
