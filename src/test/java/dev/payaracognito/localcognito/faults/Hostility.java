package dev.payaracognito.localcognito;

import java.util.List;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.UnaryOperator;

/** What the pool does wrong at the next exchange of each kind, once, when a test asks it to. */
final class Hostility {

    record RawResponse(int status, String contentType, String body) {}

    record CallbackError(String error, String description) {}

    final AtomicReference<List<TokenForgery>> nextTokens = new AtomicReference<>();
    final AtomicReference<RawResponse> nextTokenResponse = new AtomicReference<>();
    final AtomicReference<UnaryOperator<String>> nextState = new AtomicReference<>();
    final AtomicReference<CallbackError> nextCallbackError = new AtomicReference<>();

    void forget() {
        nextTokens.set(null);
        nextTokenResponse.set(null);
        nextState.set(null);
        nextCallbackError.set(null);
    }

    List<TokenForgery> takeForgeries() {
        List<TokenForgery> forgeries = nextTokens.getAndSet(null);
        return forgeries == null ? List.of() : forgeries;
    }
}
