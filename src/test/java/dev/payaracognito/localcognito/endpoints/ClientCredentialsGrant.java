package dev.payaracognito.localcognito.endpoints;

import com.nimbusds.jose.JOSEException;
import dev.payaracognito.localcognito.AppClient;
import dev.payaracognito.localcognito.OAuthFlow;
import dev.payaracognito.localcognito.PoolContext;
import java.io.IOException;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.Set;
import java.util.TreeSet;

/**
 * The {@code client_credentials} grant of {@code POST /oauth2/token}: a machine client's access token for its
 * resource servers' scopes, with no ID token and no refresh token.
 */
final class ClientCredentialsGrant {

    private final PoolContext context;

    ClientCredentialsGrant(PoolContext context) {
        this.context = context;
    }

    void handle(Exchange exchange, AppClient client) throws IOException, TokenError, JOSEException {
        if (!client.allows(OAuthFlow.CLIENT_CREDENTIALS)) {
            throw new TokenError("unauthorized_client", "client_credentials is not enabled for this client");
        }
        Set<String> scopes = grantedScopes(client, exchange.form().get("scope"));
        TokenEndpoint.answer(exchange, context.tokens.mintClientToken(client, scopes,
                context.hostility.takeForgeries()));
    }

    private static Set<String> grantedScopes(AppClient client, String requested) throws TokenError {
        if (requested == null || requested.isBlank()) {
            // Cognito: a request without scope gets every scope the client may have.
            return new TreeSet<>(client.scopes());
        }
        Set<String> scopes = new LinkedHashSet<>(Arrays.asList(requested.trim().split(" +")));
        // A machine client may have resource servers' scopes only: openid and the other standard ones fail here too.
        if (!client.scopes().containsAll(scopes)) {
            throw new TokenError("invalid_scope", "a scope the client may not have: " + requested);
        }
        return scopes;
    }
}
