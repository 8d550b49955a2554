package dev.payaracognito.security.token;

import java.time.Instant;
import java.util.Set;

/**
 * What a validated Cognito token says about its caller. {@code username} is {@code cognito:username} in an ID
 * token and {@code username} in an access token; {@code clientId} is {@code aud} or {@code client_id};
 * {@code originJti} names the sign-in the token comes from (it stays the same across refreshes), or is null.
 */
public record CognitoToken(TokenUse use, String username, String subject, String clientId, Set<String> groups,
        Set<String> scopes, String email, String originJti, Instant expiresAt) {

    /** Cognito's {@code token_use}: the only claim that tells an ID token from an access token. */
    public enum TokenUse {
        ID("id"),
        ACCESS("access");

        final String claimValue;

        TokenUse(String claimValue) {
            this.claimValue = claimValue;
        }
    }
}
