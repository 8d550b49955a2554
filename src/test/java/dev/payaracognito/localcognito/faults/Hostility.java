package dev.payaracognito.localcognito.faults;

import dev.payaracognito.localcognito.tokens.TokenForgery;
import java.util.List;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.UnaryOperator;

/** What the pool does wrong at the next exchange of each kind, once, when a test asks it to. */
public final class Hostility {

    public record RawResponse(int status, String contentType, String body) {}

    public record CallbackError(String error, String description) {}

    public final AtomicReference<List<TokenForgery>> nextTokens = new AtomicReference<>();
    public final AtomicReference<RawResponse> nextTokenResponse = new AtomicReference<>();
    public final AtomicReference<UnaryOperator<String>> nextState = new AtomicReference<>();
    public final AtomicReference<CallbackError> nextCallbackError = new AtomicReference<>();

    public void forget() {
        nextTokens.set(null);
        nextTokenResponse.set(null);
        nextState.set(null);
        nextCallbackError.set(null);
    }

    public List<TokenForgery> takeForgeries() {
        List<TokenForgery> forgeries = nextTokens.getAndSet(null);
        return forgeries == null ? List.of() : forgeries;
    }
}
