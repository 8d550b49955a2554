package dev.payaracognito.security.token;

import java.time.Instant;
import java.util.Collections;
import java.util.Set;
import java.util.TreeSet;

/**
 * What a validated Cognito token says about its caller. {@code username} is {@code cognito:username} in an ID
 * token and {@code username} in an access token, or null in a machine client's access token (client credentials
 * grant), which speaks for the app client itself; {@code clientId} is {@code aud} or {@code client_id};
 * {@code originJti} names the sign-in the token comes from (it stays the same across refreshes), or is null.
 */
public record CognitoToken(TokenUse use, String username, String subject, String clientId, Set<String> groups,
        Set<String> scopes, String email, String originJti, Instant expiresAt) {

    /** The container role a scope gives: {@code scope:} and the scope, e.g. {@code scope:payara-api/admin}. */
    public static final String SCOPE_ROLE_PREFIX = "scope:";

    /** Cognito's {@code token_use}: the only claim that tells an ID token from an access token. */
    public enum TokenUse {
        ID("id"),
        ACCESS("access");

        final String claimValue;

        TokenUse(String claimValue) {
            this.claimValue = claimValue;
        }
    }

    /** Whom the token speaks for: a user of the pool, or an app client on its own behalf (machine to machine). */
    public enum Caller {
        USER,
        CLIENT
    }

    public Caller caller() {
        return username == null ? Caller.CLIENT : Caller.USER;
    }

    /** The caller's name for the container: the username, or a machine client's id. */
    public String callerName() {
        return username == null ? clientId : username;
    }

    /**
     * The API's roles. A user's are its groups; a machine client's are {@code scope:}+scope for each scope it was
     * granted, and never a group. A user's token gives no scope role: Cognito grants resource-server scopes per app
     * client, not per user, so a scope in a user's token would give its rights to every user of that client. A group
     * whose name starts with {@code scope:} gives no role (Cognito allows ':' in group names).
     */
    public Set<String> apiRoles() {
        Set<String> roles = new TreeSet<>();
        if (caller() == Caller.CLIENT) {
            scopes.forEach(scope -> roles.add(SCOPE_ROLE_PREFIX + scope));
        } else {
            groups.stream().filter(group -> !group.startsWith(SCOPE_ROLE_PREFIX)).forEach(roles::add);
        }
        return Collections.unmodifiableSet(roles);
    }
}
