package dev.payaracognito.localcognito.endpoints;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.util.Base64URL;
import dev.payaracognito.localcognito.AppClient;
import dev.payaracognito.localcognito.PoolContext;
import dev.payaracognito.localcognito.faults.Hostility;
import dev.payaracognito.localcognito.tokens.Grants.AuthorizationCode;
import dev.payaracognito.localcognito.tokens.Grants.RefreshGrant;
import dev.payaracognito.localcognito.tokens.TokenFactory;
import java.io.IOException;
import java.lang.System.Logger.Level;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * {@code POST /oauth2/token}: the {@code authorization_code} and {@code refresh_token} grants, and
 * {@code client_credentials} through {@link ClientCredentialsGrant}. Every refusal is Cognito's
 * {@code 400 {"error": …}}; a reused, expired or mismatched code is {@code invalid_grant}.
 */
final class TokenEndpoint {

    private static final System.Logger LOG = System.getLogger(TokenEndpoint.class.getName());

    private final PoolContext context;
    private final ClientCredentialsGrant clientCredentials;

    TokenEndpoint(PoolContext context) {
        this.context = context;
        this.clientCredentials = new ClientCredentialsGrant(context);
    }

    void handle(Exchange exchange) throws IOException, JOSEException {
        context.issued.requested(exchange.isForm() ? exchange.form().get("grant_type") : null);
        Hostility.RawResponse raw = context.hostility.nextTokenResponse.getAndSet(null);
        if (raw != null) {
            exchange.send(raw.status(), raw.contentType(), raw.body());
            return;
        }
        try {
            if (!exchange.isForm() || exchange.form().isEmpty() || exchange.hadRepeatedParameter()) {
                throw new TokenError("invalid_request", "not a form, or a parameter repeated");
            }
            AppClient client = ClientAuthentication.authenticate(exchange, context.pool);
            String grantType = exchange.form().get("grant_type");
            if (grantType == null) {
                throw new TokenError("invalid_request", "no grant_type");
            }
            switch (grantType) {
                case "authorization_code" -> redeemCode(exchange, client);
                case "refresh_token" -> refresh(exchange, client);
                case "client_credentials" -> clientCredentials.handle(exchange, client);
                case "password" -> throw new TokenError("unauthorized_client", "the password grant is not enabled");
                default -> throw new TokenError("unsupported_grant_type", "unknown grant type");
            }
        } catch (TokenError error) {
            LOG.log(Level.INFO, "token request refused: {0} ({1})", error.code(), error.getMessage());
            context.issued.refused(error.code(), error.getMessage());
            error.answer(exchange);
        }
    }

    private void redeemCode(Exchange exchange, AppClient client) throws IOException, TokenError, JOSEException {
        Map<String, String> form = exchange.form();
        String code = form.get("code");
        String redirectUri = form.get("redirect_uri");
        if (code == null || redirectUri == null) {
            throw new TokenError("invalid_request", "code and redirect_uri are required");
        }
        AuthorizationCode grant = context.grants.redeem(code)
                .orElseThrow(() -> new TokenError("invalid_grant", "unknown, used or expired code"));
        if (!grant.signIn().client().clientId().equals(client.clientId())) {
            throw new TokenError("invalid_grant", "code of another client");
        }
        if (!grant.redirectUri().equals(redirectUri)) {
            throw new TokenError("invalid_grant", "redirect_uri differs from the authorize request's");
        }
        checkVerifier(grant.codeChallenge(), form.get("code_verifier"));
        TokenFactory.Tokens tokens = context.tokens.mint(grant.signIn(), true, context.hostility.takeForgeries());
        context.grants.rememberRefreshToken(tokens.refreshToken(), new RefreshGrant(grant.signIn().forRefresh(),
                context.clock.instant().plus(context.lifetimes.refreshToken)));
        context.issued.issued(grant.signIn().user().username(), tokens);
        answer(exchange, tokens);
    }

    /**
     * Cognito does not rotate refresh tokens by default: the response has no new one. With the client's rotation on,
     * it has, and the token sent stays valid for the grace period only (to the millisecond; not at all with 0).
     */
    private void refresh(Exchange exchange, AppClient client) throws IOException, TokenError, JOSEException {
        String token = exchange.form().get("refresh_token");
        if (token == null) {
            throw new TokenError("invalid_request", "no refresh_token");
        }
        RefreshGrant grant = context.grants.refreshGrant(token)
                .filter(g -> g.signIn().client().clientId().equals(client.clientId()))
                .orElseThrow(() -> new TokenError("invalid_grant", "unknown, revoked or expired refresh token"));
        boolean rotates = client.rotation().enabled();
        TokenFactory.Tokens tokens = context.tokens.mint(grant.signIn(), rotates, context.hostility.takeForgeries());
        if (rotates) {
            // the new token ends when the one it replaces would have: rotation never extends a sign-in
            context.grants.rememberRefreshToken(tokens.refreshToken(), new RefreshGrant(grant.signIn(),
                    grant.expiresAt()));
            context.grants.rotatedOut(token, context.clock.instant().plus(client.rotation().retryGracePeriod()));
        }
        context.issued.issued(grant.signIn().user().username(), tokens);
        answer(exchange, tokens);
    }

    /** PKCE: only S256; a verifier without a challenge is refused too (RFC 9700 section 2.1.1). */
    private static void checkVerifier(String challenge, String verifier) throws TokenError {
        if (challenge == null && verifier == null) {
            return;
        }
        if (challenge == null || verifier == null || !challenge.equals(s256(verifier))) {
            throw new TokenError("invalid_grant", "code_verifier does not match");
        }
    }

    private static String s256(String verifier) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(verifier.getBytes(StandardCharsets.US_ASCII));
            return Base64URL.encode(digest).toString();
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every JDK", e);
        }
    }

    static void answer(Exchange exchange, TokenFactory.Tokens tokens) throws IOException {
        Map<String, Object> body = new LinkedHashMap<>();
        if (tokens.idToken() != null) {
            body.put("id_token", tokens.idToken());
        }
        body.put("access_token", tokens.accessToken());
        if (tokens.refreshToken() != null) {
            body.put("refresh_token", tokens.refreshToken());
        }
        body.put("expires_in", tokens.expiresIn());
        body.put("token_type", "Bearer");
        exchange.json(200, body);
    }
}
