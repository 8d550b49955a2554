package dev.payaracognito.security.token;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.payaracognito.security.token.CognitoToken.Caller;
import dev.payaracognito.security.token.CognitoToken.TokenUse;
import java.time.Instant;
import java.util.Set;
import org.junit.jupiter.api.Test;

class CognitoTokenTest {

    private static CognitoToken access(String username, Set<String> groups, Set<String> scopes) {
        return new CognitoToken(TokenUse.ACCESS, username, "sub-1", "client-1", groups, scopes, null, null,
                Instant.EPOCH);
    }

    @Test
    void aUsersApiRolesAreItsGroupsAndNeverItsScopes() {
        // Cognito grants scopes per client: a scope in a user's token would give its rights to every user of it
        CognitoToken bob = access("bob", Set.of("admins"), Set.of("openid", "payara-api/admin"));
        assertEquals(Caller.USER, bob.caller());
        assertEquals("bob", bob.callerName());
        assertEquals(Set.of("admins"), bob.apiRoles());
    }

    @Test
    void aGroupNamedLikeAScopeRoleGivesNoRole() {
        // Cognito allows ':' and '/' in group names: only a granted scope may give a scope's role
        CognitoToken mallory = access("mallory", Set.of("scope:payara-api/admin", "staff"), Set.of());
        assertEquals(Set.of("staff"), mallory.apiRoles());
    }

    @Test
    void aTokenWithoutUsernameIsItsClients() {
        CognitoToken machine = access(null, Set.of(), Set.of("payara-api/admin"));
        assertEquals(Caller.CLIENT, machine.caller());
        assertEquals("client-1", machine.callerName());
        assertEquals(Set.of("scope:payara-api/admin"), machine.apiRoles());
    }
}
