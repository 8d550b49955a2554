package dev.payaracognito.localcognito.endpoints;

import dev.payaracognito.localcognito.AppClient;
import dev.payaracognito.localcognito.PoolContext;
import java.io.IOException;
import java.lang.System.Logger.Level;

/**
 * {@code POST /oauth2/revoke}: revokes a refresh token and the access tokens minted from it. An unknown token
 * is answered 200 like a revoked one (RFC 7009); JWTs still verify offline afterwards.
 */
final class RevokeEndpoint {

    private static final System.Logger LOG = System.getLogger(RevokeEndpoint.class.getName());

    private final PoolContext context;

    RevokeEndpoint(PoolContext context) {
        this.context = context;
    }

    void handle(Exchange exchange) throws IOException {
        try {
            if (!exchange.isForm() || exchange.hadRepeatedParameter()) {
                throw new TokenError("invalid_request", "not a form, or a parameter repeated");
            }
            AppClient client = ClientAuthentication.authenticate(exchange, context.pool);
            String token = exchange.form().get("token");
            if (token == null) {
                throw new TokenError("invalid_request", "no token");
            }
            // Cognito revokes refresh tokens only; an access or ID token (a three-part JWT) is refused.
            if (token.split("\\.", -1).length == 3) {
                throw new TokenError("unsupported_token_type", "only refresh tokens can be revoked");
            }
            var grant = context.grants.refreshGrant(token);
            if (grant.isPresent() && !grant.get().signIn().client().clientId().equals(client.clientId())) {
                throw new TokenError("invalid_request", "token of another client");
            }
            context.grants.revoke(token);
            exchange.send(200, "application/json;charset=UTF-8", "");
        } catch (TokenError error) {
            LOG.log(Level.INFO, "revocation refused: {0} ({1})", error.code(), error.getMessage());
            error.answer(exchange);
        }
    }
}
