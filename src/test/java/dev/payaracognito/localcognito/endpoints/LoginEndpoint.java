package dev.payaracognito.localcognito.endpoints;

import dev.payaracognito.localcognito.PasswordHash;
import dev.payaracognito.localcognito.PoolContext;
import dev.payaracognito.localcognito.PoolUser;
import java.io.IOException;
import java.lang.System.Logger.Level;
import java.util.Map;
import java.util.Optional;

/**
 * {@code GET/POST /login}: the hosted sign-in form, with a link to each of the pool's identity providers. Like
 * Cognito's, it is protected by a double-submit token; a wrong password shows the form again with an error. A
 * request naming an identity provider goes on to that provider.
 */
final class LoginEndpoint {

    private static final System.Logger LOG = System.getLogger(LoginEndpoint.class.getName());

    private final PoolContext context;

    LoginEndpoint(PoolContext context) {
        this.context = context;
    }

    void handle(Exchange exchange) throws IOException {
        AuthorizationRequest request = FederatedEndpoint.checkOrSendOn(exchange, context);
        if (request == null) {
            return;
        }
        switch (exchange.method()) {
            case "GET" -> showForm(exchange, null);
            case "POST" -> signIn(exchange, request);
            default -> {
                exchange.header("Allow", "GET, POST");
                exchange.empty(405);
            }
        }
    }

    private void signIn(Exchange exchange, AuthorizationRequest request) throws IOException {
        if (!DoubleSubmitCsrf.posted(exchange)) {
            LOG.log(Level.WARNING, "sign-in form refused: missing or wrong CSRF token");
            showForm(exchange, "Your sign-in form expired. Please sign in again.");
            return;
        }
        Map<String, String> form = exchange.form();
        String username = form.getOrDefault("username", "");
        String password = form.getOrDefault("password", "");
        // A federated user has no password in the pool: Cognito signs it in at its provider only.
        Optional<PoolUser> user = context.pool.user(username)
                .filter(u -> !u.isFederated() && PasswordHash.matches(password, u.passwordHash()));
        if (user.isEmpty()) {
            LOG.log(Level.INFO, "sign-in refused: wrong username or password");
            showForm(exchange, "Incorrect username or password.");
            return;
        }
        LOG.log(Level.INFO, "signed in {0} for client {1}", user.get().username(), request.client().clientId());
        var authTime = context.clock.instant();
        exchange.setCookie(context.sessions.start(user.get().username(), authTime));
        AuthorizeEndpoint.returnToClient(context, exchange, request, user.get(), authTime);
    }

    private void showForm(Exchange exchange, String error) throws IOException {
        String csrf = DoubleSubmitCsrf.issue(exchange);
        exchange.html(200, HostedPages.signInForm(exchange.rawQuery(), csrf, error,
                context.pool.identityProviders().keySet(), exchange.query().get("lang")));
    }
}
