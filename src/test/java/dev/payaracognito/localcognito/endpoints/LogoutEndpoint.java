package dev.payaracognito.localcognito.endpoints;

import dev.payaracognito.localcognito.AppClient;
import dev.payaracognito.localcognito.PoolContext;
import java.io.IOException;
import java.util.Map;
import java.util.Optional;

/**
 * {@code GET /logout}: Cognito's own sign-out, not OpenID Connect's RP-initiated logout. It takes
 * {@code client_id} and {@code logout_uri} (one of the client's sign-out URLs) and no {@code id_token_hint};
 * or {@code client_id}, {@code redirect_uri} and {@code response_type} to sign in again at once.
 */
final class LogoutEndpoint {

    private final PoolContext context;

    LogoutEndpoint(PoolContext context) {
        this.context = context;
    }

    void handle(Exchange exchange) throws IOException {
        Map<String, String> query = exchange.query();
        Optional<AppClient> client = Optional.ofNullable(query.get("client_id")).flatMap(context.pool::client);
        if (client.isEmpty() || exchange.hadRepeatedParameter()) {
            exchange.html(400, HostedPages.errorPage("Required parameter client_id is missing or not a client."));
            return;
        }
        String logoutUri = query.get("logout_uri");
        if (logoutUri != null) {
            // Cognito: logout_uri must be exactly one of the client's allowed sign-out URLs.
            if (!client.get().signOutUrls().contains(logoutUri)) {
                exchange.html(400, HostedPages.errorPage("The logout_uri is not a sign-out URL of this client."));
                return;
            }
            exchange.setCookie(context.sessions.end(exchange));
            exchange.redirect(logoutUri);
            return;
        }
        try {
            AuthorizationRequest.check(query, false, context.pool);
        } catch (HostedUiError error) {
            exchange.html(400, HostedPages.errorPage("Required parameter logout_uri or redirect_uri is missing."));
            return;
        }
        exchange.setCookie(context.sessions.end(exchange));
        exchange.redirect(context.domain() + "/login?" + exchange.rawQuery());
    }
}
