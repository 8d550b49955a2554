package dev.payaracognito.security.browser;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;

/**
 * The callback request as the URL registered at Cognito names it. The OpenID mechanism accepts a callback only
 * if the request's URL equals the redirect URI exactly, and behind a proxy or a load balancer it does not: TLS
 * ends at the proxy (http, not https), the proxy may send its own {@code Host}, or the node's port. With
 * {@code app.base-url} set, the URL is the registered one; nothing else of the request changes.
 */
final class CallbackAsRegistered extends HttpServletRequestWrapper {

    private final String url;

    CallbackAsRegistered(HttpServletRequest request, String registeredUrl) {
        super(request);
        this.url = registeredUrl;
    }

    @Override
    public StringBuffer getRequestURL() {
        return new StringBuffer(url);
    }
}
