package dev.payaracognito.localcognito.endpoints;

import dev.payaracognito.localcognito.IdentityProvider;
import dev.payaracognito.localcognito.PoolContext;
import dev.payaracognito.localcognito.PoolUser;
import java.io.IOException;
import java.lang.System.Logger.Level;
import java.util.List;
import java.util.Optional;

/**
 * {@code GET/POST /federated/{providerName}?{the authorize request}}: the local Cognito standing in for an identity
 * provider and for Cognito's side of the round trip. The page offers the pool's users of that provider (CSRF-
 * protected like the sign-in form); choosing one starts the hosted-UI session and returns to the client with a
 * code, as Cognito does when the provider's answer reaches its {@code /oauth2/idpresponse}; cancelling returns to
 * the client with {@code error=access_denied}.
 */
final class FederatedEndpoint {

    static final String PATH = "/federated/";
    private static final System.Logger LOG = System.getLogger(FederatedEndpoint.class.getName());

    private final PoolContext context;

    FederatedEndpoint(PoolContext context) {
        this.context = context;
    }

    /**
     * The exchange's authorize request, for {@code /oauth2/authorize} and {@code /login}: checked, and when it names
     * an identity provider, sent on to that provider's page, even with a live hosted-UI session (unconfirmed; the
     * provider's own session decides). Null when the exchange has been answered either way.
     */
    static AuthorizationRequest checkOrSendOn(Exchange exchange, PoolContext context) throws IOException {
        AuthorizationRequest request = AuthorizationRequest.checkOrAnswer(exchange, context.pool);
        if (request != null && request.identityProvider() != null) {
            exchange.redirect(context.domain() + PATH + Exchange.encode(request.identityProvider().providerName())
                    + "?" + exchange.rawQuery());
            return null;
        }
        return request;
    }

    void handle(Exchange exchange) throws IOException {
        AuthorizationRequest request = AuthorizationRequest.checkOrAnswer(exchange, context.pool);
        if (request == null) {
            return;
        }
        IdentityProvider provider = request.identityProvider();
        if (provider == null || !exchange.rawPath().equals(PATH + Exchange.encode(provider.providerName()))) {
            exchange.html(400, HostedPages.errorPage("This page is not the identity provider of the request."));
            return;
        }
        List<PoolUser> accounts = context.pool.federatedUsers(provider);
        if (exchange.method().equals("GET")) {
            showPage(exchange, provider, accounts, null);
            return;
        }
        if (!DoubleSubmitCsrf.posted(exchange)) {
            LOG.log(Level.WARNING, "federated sign-in refused: missing or wrong CSRF token");
            showPage(exchange, provider, accounts, "Your sign-in page expired. Please sign in again.");
            return;
        }
        if (exchange.form().containsKey("cancel")) {
            // The provider answers Cognito's /oauth2/idpresponse with access_denied, which Cognito passes on to the
            // client (unconfirmed: its exact description), and no Cognito session is started.
            LOG.log(Level.INFO, "federated sign-in cancelled at {0}", provider.providerName());
            HostedUiError.redirect(request.redirectUri(), "access_denied", "The user cancelled the sign-in at "
                    + provider.providerName() + ".", request.state()).answer(exchange);
            return;
        }
        String userId = exchange.form().getOrDefault("userId", "");
        Optional<PoolUser> user = accounts.stream().filter(u -> u.identity().userId().equals(userId)).findFirst();
        if (user.isEmpty()) {
            showPage(exchange, provider, accounts, "No such account at " + provider.providerName() + ".");
            return;
        }
        LOG.log(Level.INFO, "signed in {0} through {1} for client {2}", user.get().username(),
                provider.providerName(), request.client().clientId());
        var authTime = context.clock.instant();
        exchange.setCookie(context.sessions.start(user.get().username(), authTime));
        AuthorizeEndpoint.returnToClient(context, exchange, request, user.get(), authTime);
    }

    private static void showPage(Exchange exchange, IdentityProvider provider, List<PoolUser> accounts,
            String error) throws IOException {
        String csrf = DoubleSubmitCsrf.issue(exchange);
        exchange.html(200, HostedPages.providerPage(provider, accounts, exchange.rawPath() + "?" + exchange.rawQuery(),
                csrf, error, exchange.query().get("lang")));
    }
}
