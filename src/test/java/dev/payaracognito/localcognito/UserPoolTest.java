package dev.payaracognito.localcognito;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class UserPoolTest {

    private static final Path EXAMPLE = Path.of("src/test/resources/local-cognito/pool.example.json");

    @Test
    void readsThePoolFileOfTheReadme() throws Exception {
        UserPool pool = UserPool.fromJson(EXAMPLE);
        PoolUser carol = pool.user("Carol").orElseThrow();

        assertEquals("eu-west-1_ExamplePool", pool.userPoolId());
        assertEquals(List.of("editors"), carol.groups());
        assertTrue(PasswordHash.matches("Carol-Passw0rd!", carol.passwordHash()));
        assertFalse(PasswordHash.matches("carol-passw0rd!", carol.passwordHash()));
        assertTrue(pool.client("examplepoolclient000000001").orElseThrow().requirePkce());
        assertEquals(carol.sub(), UserPool.fromJson(EXAMPLE).user("carol").orElseThrow().sub(), "a stable sub");

        // a SAML provider and its user: Cognito's username {providerName}_{userId}, the automatic group first
        IdentityProvider saml = pool.identityProvider(null, "example.com").orElseThrow();
        assertEquals("Example-SAML", saml.providerName());
        assertEquals(IdentityProvider.Type.SAML, saml.providerType());
        assertEquals("https://idp.example.com/saml", saml.issuer());
        PoolUser dave = pool.user("Example-SAML_dave@example.com").orElseThrow();
        assertEquals(List.of(dave), pool.federatedUsers(saml));
        assertEquals(List.of("eu-west-1_ExamplePool_Example-SAML", "admins"), dave.groups());
        assertNull(dave.passwordHash(), "no password at the pool");
    }

    @Test
    void demoPoolIsTheReadmes() {
        UserPool demo = UserPool.demo();
        assertTrue(PasswordHash.matches("Alice-Passw0rd!", demo.user("alice").orElseThrow().passwordHash()));
        assertTrue(PasswordHash.matches("Bob-Passw0rd!", demo.user("bob").orElseThrow().passwordHash()));
        assertEquals(List.of(), demo.user("alice").orElseThrow().groups());
        assertEquals(List.of("admins"), demo.user("bob").orElseThrow().groups());
        AppClient client = demo.client(UserPool.DEMO_CLIENT_ID).orElseThrow();
        assertEquals(List.of("http://localhost:8080/callback"), client.callbackUrls());
        assertEquals(List.of("http://localhost:8080/"), client.signOutUrls());
        assertTrue(UserPool.DEMO_CLIENT_ID.matches("[a-z0-9]{26}"));
    }

    @Test
    void demoPoolHasTheApiAsResourceServerAndTwoMachineClients() {
        UserPool demo = UserPool.demo();
        assertEquals(Set.of("payara-api/read", "payara-api/admin"),
                demo.resourceServers().get("payara-api").scopes());
        AppClient machine = demo.client(UserPool.DEMO_MACHINE_CLIENT_ID).orElseThrow();
        AppClient reader = demo.client(UserPool.DEMO_READ_ONLY_MACHINE_CLIENT_ID).orElseThrow();
        assertEquals(Set.of("payara-api/read", "payara-api/admin"), machine.scopes());
        assertEquals(Set.of("payara-api/read"), reader.scopes());
        for (AppClient client : List.of(machine, reader)) {
            assertEquals(Set.of(OAuthFlow.CLIENT_CREDENTIALS), client.oauthFlows());
            assertTrue(client.clientId().matches("[a-z0-9]{26}"), "26 lowercase alphanumerics, as Cognito's");
            assertTrue(client.clientSecret().matches("[a-z0-9]{40,}"), "a long base36 secret");
        }
        assertTrue(demo.client(UserPool.DEMO_CLIENT_ID).orElseThrow().allows(OAuthFlow.CODE));
    }

    @Test
    void refusesClientsWithScopesCognitoWouldRefuse() {
        ResourceServer api = new ResourceServer("payara-api", Set.of("read"));
        AppClient openidMachine = AppClient.machine("machine", "secret", Set.of("openid"));
        AppClient unknownScope = new AppClient("web", null, List.of(), List.of(), Set.of("openid", "payara-api/write"),
                false);
        assertThrows(IllegalArgumentException.class, () -> new UserPool("eu-west-1_Pool", Map.of(),
                Map.of("machine", openidMachine), Map.of("payara-api", api), Map.of()));
        assertThrows(IllegalArgumentException.class, () -> new UserPool("eu-west-1_Pool", Map.of(),
                Map.of("web", unknownScope), Map.of("payara-api", api), Map.of()));
        assertThrows(IllegalArgumentException.class, () -> AppClient.machine("machine", null,
                Set.of("payara-api/read")));
        assertThrows(IllegalArgumentException.class, () -> new AppClient("both", "secret", List.of(), List.of(),
                Set.of("payara-api/read"), false, Set.of(OAuthFlow.CODE, OAuthFlow.CLIENT_CREDENTIALS)));
    }

    @Test
    void federatedUsersAreNamedAndGroupedAsCognitoDoesAndComeFromThePoolsProviders() {
        UserPool demo = UserPool.demo();
        PoolUser sam = demo.user("Okta-SAML_sam@example.org").orElseThrow();
        assertEquals(List.of("eu-west-1_LocalDemo_Okta-SAML", "admins"), sam.groups());
        assertEquals(demo.identityProviders().get("Okta-SAML"), sam.identity().provider());
        assertEquals(List.of(sam), demo.federatedUsers(sam.identity().provider()));
        assertEquals("Google", demo.identityProvider("Google", null).orElseThrow().providerName());
        assertEquals("Okta-SAML", demo.identityProvider(null, "example.org").orElseThrow().providerName());
        assertTrue(demo.identityProvider("Facebook", "example.org").isEmpty(), "identity_provider comes first");

        IdentityProvider stranger = new IdentityProvider("Stranger", IdentityProvider.Type.OIDC, null, List.of());
        PoolUser strangersUser = PoolUser.federated("eu-west-1_Pool", stranger, "1", "x@example.com", List.of(),
                UserPool.DEMO_FEDERATED_SINCE);
        assertThrows(IllegalArgumentException.class, () -> new UserPool("eu-west-1_Pool",
                Map.of("stranger_1", strangersUser), Map.of(), Map.of(), Map.of()));
        assertThrows(IllegalArgumentException.class, () -> new PoolUser("Stranger_1", "sub", PasswordHash.of("p"),
                null, false, List.of(), strangersUser.identity()), "a federated user has no password");
        assertThrows(IllegalArgumentException.class, () -> new IdentityProvider("Under_score",
                IdentityProvider.Type.OIDC, null, List.of()));
    }

    @Test
    void readsResourceServersAndMachineClientsFromAPoolFile(@TempDir Path dir) throws Exception {
        String withApi = Files.readString(EXAMPLE).replace("\"clients\": [", """
                "resourceServers": [{"identifier": "payara-api", "scopes": ["read", "admin"]}],
                  "clients": [
                    {"clientId": "examplepoolmachineclient01", "clientSecret": "x9secret",
                     "scopes": ["payara-api/read"], "allowedOAuthFlows": ["client_credentials"]},""");
        UserPool pool = UserPool.fromJson(write(dir, "machine.json", withApi));
        assertEquals(Set.of("payara-api/read", "payara-api/admin"), pool.resourceServers().get("payara-api").scopes());
        assertTrue(pool.client("examplepoolmachineclient01").orElseThrow().allows(OAuthFlow.CLIENT_CREDENTIALS));
        assertTrue(pool.client("examplepoolclient000000001").orElseThrow().allows(OAuthFlow.CODE), "the default");
    }

    @Test
    void refusesPoolFilesThatCannotBeRight(@TempDir Path dir) throws Exception {
        String example = Files.readString(EXAMPLE);
        assertThrows(IllegalArgumentException.class, () -> UserPool.fromJson(write(dir, "bad-id.json",
                example.replace("eu-west-1_ExamplePool", "not a pool id"))));
        assertThrows(IllegalArgumentException.class, () -> UserPool.fromJson(write(dir, "plain-password.json",
                example.replaceFirst("pbkdf2-sha512\\$[^\"]+", "Carol-Passw0rd!"))));
        assertThrows(IllegalArgumentException.class, () -> UserPool.fromJson(write(dir, "unknown-group.json",
                example.replace("[\"editors\"]\n", "[\"owners\"]\n"))));
        assertThrows(java.io.IOException.class, () -> UserPool.fromJson(write(dir, "not-json.json", "{")));
        assertThrows(IllegalArgumentException.class, () -> UserPool.fromJson(write(dir, "unknown-provider.json",
                example.replace("\"identityProvider\": \"Example-SAML\"", "\"identityProvider\": \"Facebook\""))));
        assertThrows(IllegalArgumentException.class, () -> UserPool.fromJson(write(dir, "unknown-type.json",
                example.replace("\"SAML\"", "\"LDAP\""))));
    }

    private static Path write(Path dir, String name, String content) throws Exception {
        return Files.writeString(dir.resolve(name), content);
    }
}
