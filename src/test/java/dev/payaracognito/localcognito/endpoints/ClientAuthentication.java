package dev.payaracognito.localcognito.endpoints;

import dev.payaracognito.localcognito.AppClient;
import dev.payaracognito.localcognito.UserPool;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.Base64;
import java.util.Map;
import java.util.Optional;

/**
 * The client authentication of the token and revoke endpoints: HTTP Basic ({@code client_secret_basic}) or
 * {@code client_id} + {@code client_secret} in the body ({@code client_secret_post}), never both.
 */
final class ClientAuthentication {

    private ClientAuthentication() {}

    static AppClient authenticate(Exchange exchange, UserPool pool) throws IOException, TokenError {
        Map<String, String> form = exchange.form();
        String authorization = exchange.header("Authorization");
        String clientId;
        String secret;
        if (authorization != null && authorization.regionMatches(true, 0, "Basic ", 0, 6)) {
            if (form.containsKey("client_secret")) {
                throw new TokenError("invalid_request", "two client authentication methods");
            }
            String[] pair = basicCredentials(authorization.substring(6).trim());
            clientId = pair[0];
            secret = pair[1];
            if (form.containsKey("client_id") && !form.get("client_id").equals(clientId)) {
                throw new TokenError("invalid_request", "client_id differs from the Basic credentials");
            }
        } else {
            clientId = form.get("client_id");
            secret = form.get("client_secret");
        }
        if (clientId == null) {
            throw new TokenError("invalid_request", "no client_id");
        }
        Optional<AppClient> client = pool.client(clientId);
        if (client.isEmpty()) {
            throw new TokenError("invalid_client", "unknown client");
        }
        if (client.get().hasSecret() && (secret == null || !MessageDigest.isEqual(
                client.get().clientSecret().getBytes(StandardCharsets.UTF_8),
                secret.getBytes(StandardCharsets.UTF_8)))) {
            throw new TokenError("invalid_client", "wrong or missing client secret");
        }
        return client.get();
    }

    private static String[] basicCredentials(String encoded) throws TokenError {
        try {
            String decoded = new String(Base64.getDecoder().decode(encoded), StandardCharsets.UTF_8);
            int colon = decoded.indexOf(':');
            if (colon < 0) {
                throw new TokenError("invalid_client", "malformed Basic credentials");
            }
            return new String[] {decoded.substring(0, colon), decoded.substring(colon + 1)};
        } catch (IllegalArgumentException e) {
            throw new TokenError("invalid_client", "malformed Basic credentials");
        }
    }
}
