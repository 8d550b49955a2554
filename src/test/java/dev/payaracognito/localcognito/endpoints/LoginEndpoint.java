package dev.payaracognito.localcognito.endpoints;

import dev.payaracognito.localcognito.PasswordHash;
import dev.payaracognito.localcognito.PoolContext;
import dev.payaracognito.localcognito.PoolUser;
import java.io.IOException;
import java.lang.System.Logger.Level;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.Map;
import java.util.Optional;

/**
 * {@code GET/POST /login}: the hosted sign-in form. Like Cognito's, it is protected by a double-submit token
 * (cookie {@code XSRF-TOKEN}, field {@code _csrf}); a wrong password shows the form again with an error.
 */
final class LoginEndpoint {

    private static final System.Logger LOG = System.getLogger(LoginEndpoint.class.getName());
    private static final String CSRF_COOKIE = "XSRF-TOKEN";
    private static final SecureRandom RANDOM = new SecureRandom();

    private final PoolContext context;

    LoginEndpoint(PoolContext context) {
        this.context = context;
    }

    void handle(Exchange exchange) throws IOException {
        AuthorizationRequest request = AuthorizationRequest.checkOrAnswer(exchange, context.pool);
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
        Map<String, String> form = exchange.form();
        Optional<String> csrfCookie = exchange.cookie(CSRF_COOKIE);
        String csrfField = form.getOrDefault("_csrf", "");
        if (csrfCookie.isEmpty() || !MessageDigest.isEqual(csrfCookie.get().getBytes(StandardCharsets.UTF_8),
                csrfField.getBytes(StandardCharsets.UTF_8))) {
            LOG.log(Level.WARNING, "sign-in form refused: missing or wrong CSRF token");
            showForm(exchange, "Your sign-in form expired. Please sign in again.");
            return;
        }
        String username = form.getOrDefault("username", "");
        String password = form.getOrDefault("password", "");
        Optional<PoolUser> user = context.pool.user(username)
                .filter(u -> PasswordHash.matches(password, u.passwordHash()));
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
        byte[] token = new byte[32];
        RANDOM.nextBytes(token);
        String csrf = Base64.getUrlEncoder().withoutPadding().encodeToString(token);
        exchange.setCookie(CSRF_COOKIE + "=" + csrf + "; Path=/; HttpOnly; SameSite=Lax");
        exchange.html(200, HostedPages.signInForm(exchange.rawQuery(), csrf, error));
    }
}
