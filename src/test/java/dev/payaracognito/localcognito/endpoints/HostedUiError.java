package dev.payaracognito.localcognito.endpoints;

import java.io.IOException;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * A refused hosted-UI request. Cognito answers an unknown client or an unregistered redirect URI with an
 * error page (never redirecting to an unverified URI), and other errors by redirecting to the client.
 */
final class HostedUiError extends Exception {

    private final String redirectUri;
    private final String error;
    private final String description;
    private final String state;

    private HostedUiError(String message, String redirectUri, String error, String description, String state) {
        super(message, null, false, false);
        this.redirectUri = redirectUri;
        this.error = error;
        this.description = description;
        this.state = state;
    }

    static HostedUiError page(String message) {
        return new HostedUiError(message, null, null, null, null);
    }

    static HostedUiError redirect(String redirectUri, String error, String state) {
        return new HostedUiError(error, redirectUri, error, null, state);
    }

    /** A redirect with {@code error_description} too. */
    static HostedUiError redirect(String redirectUri, String error, String description, String state) {
        return new HostedUiError(error, redirectUri, error, description, state);
    }

    void answer(Exchange exchange) throws IOException {
        if (redirectUri == null) {
            exchange.html(400, HostedPages.errorPage(getMessage()));
            return;
        }
        Map<String, String> parameters = new LinkedHashMap<>();
        parameters.put("error", error);
        parameters.put("error_description", description);
        parameters.put("state", state);
        exchange.redirect(Exchange.withParameters(redirectUri, parameters));
    }
}
