package dev.payaracognito.localcognito.endpoints;

import dev.payaracognito.localcognito.PoolContext;
import dev.payaracognito.localcognito.PoolUser;
import dev.payaracognito.localcognito.endpoints.HostedSessions.HostedSession;
import dev.payaracognito.localcognito.faults.Hostility;
import dev.payaracognito.localcognito.tokens.SignIn;
import java.io.IOException;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/**
 * {@code GET /oauth2/authorize}: with {@code identity_provider} (or {@code idp_identifier}), on to that provider;
 * with a live hosted-UI session, straight back to the client with a code; otherwise on to the sign-in form with
 * the same parameters.
 */
final class AuthorizeEndpoint {

    private final PoolContext context;

    AuthorizeEndpoint(PoolContext context) {
        this.context = context;
    }

    void handle(Exchange exchange) throws IOException {
        AuthorizationRequest request = FederatedEndpoint.checkOrSendOn(exchange, context);
        if (request == null) {
            return;
        }
        Optional<HostedSession> session = context.sessions.find(exchange);
        Optional<PoolUser> user = session.flatMap(s -> context.pool.user(s.username()));
        if (user.isPresent()) {
            returnToClient(context, exchange, request, user.get(), session.get().authTime());
        } else {
            exchange.redirect(context.domain() + "/login?" + exchange.rawQuery());
        }
    }

    /** Ends a successful sign-in: a single-use code, back to the client's redirect URI with the state. */
    static void returnToClient(PoolContext context, Exchange exchange, AuthorizationRequest request, PoolUser user,
            Instant authTime) throws IOException {
        Map<String, String> parameters = new LinkedHashMap<>();
        Hostility.CallbackError error = context.hostility.nextCallbackError.getAndSet(null);
        if (error != null) {
            parameters.put("error", error.error());
            parameters.put("error_description", error.description());
        } else {
            SignIn signIn = new SignIn(user, request.client(), request.scopes(), request.nonce(), authTime,
                    UUID.randomUUID().toString(), UUID.randomUUID().toString());
            parameters.put("code", context.grants.newCode(signIn, request.redirectUri(), request.codeChallenge()));
        }
        var bend = context.hostility.nextState.getAndSet(null);
        parameters.put("state", bend == null ? request.state() : bend.apply(request.state()));
        exchange.redirect(Exchange.withParameters(request.redirectUri(), parameters));
    }
}
