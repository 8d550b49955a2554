package dev.payaracognito.localcognito.endpoints;

import java.io.IOException;
import java.util.Map;

/** An OAuth error of the token or revoke endpoint: Cognito answers {@code 400 {"error": code}}. */
final class TokenError extends Exception {

    private final String code;

    TokenError(String code, String reason) {
        super(reason, null, false, false);
        this.code = code;
    }

    String code() {
        return code;
    }

    void answer(Exchange exchange) throws IOException {
        exchange.json(400, Map.of("error", code));
    }
}
