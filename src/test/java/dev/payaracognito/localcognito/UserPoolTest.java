package dev.payaracognito.localcognito;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
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
    void refusesPoolFilesThatCannotBeRight(@TempDir Path dir) throws Exception {
        String example = Files.readString(EXAMPLE);
        assertThrows(IllegalArgumentException.class, () -> UserPool.fromJson(write(dir, "bad-id.json",
                example.replace("eu-west-1_ExamplePool", "not a pool id"))));
        assertThrows(IllegalArgumentException.class, () -> UserPool.fromJson(write(dir, "plain-password.json",
                example.replaceFirst("pbkdf2-sha512\\$[^\"]+", "Carol-Passw0rd!"))));
        assertThrows(IllegalArgumentException.class, () -> UserPool.fromJson(write(dir, "unknown-group.json",
                example.replace("[\"editors\"]\n", "[\"owners\"]\n"))));
        assertThrows(java.io.IOException.class, () -> UserPool.fromJson(write(dir, "not-json.json", "{")));
    }

    private static Path write(Path dir, String name, String content) throws Exception {
        return Files.writeString(dir.resolve(name), content);
    }
}
