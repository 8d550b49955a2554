package dev.payaracognito.localcognito;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The pool the CloudFormation template in {@code docker/} declares, as the local Cognito makes it: the clients,
 * their URLs, scopes, flows and rotation, the group and the resource server; the parameters checked as
 * CloudFormation checks them; the outputs evaluated.
 */
class PoolTemplateTest {

    private static final Path TEMPLATE = Path.of("docker/cognito-pool.yaml");
    private static final Map<String, String> PARAMETERS = Map.of("AppUrl", "https://app.example.com",
            "DomainPrefix", "example-app");

    @Test
    void theAppClientIsConfidentialWithTheAppsUrlsAndRotatesWithTheDefaultGracePeriod() throws Exception {
        PoolTemplate template = PoolTemplate.read(TEMPLATE, "shop", "eu-central-1", PARAMETERS);
        UserPool pool = template.pool();
        AppClient app = pool.client(template.outputs().get("COGNITO_CLIENT_ID")).orElseThrow();

        assertTrue(pool.userPoolId().matches("eu-central-1_[A-Za-z0-9]{9}"), pool.userPoolId());
        assertTrue(app.clientId().matches("[a-z0-9]{26}"), app.clientId());
        assertTrue(app.clientSecret().matches("[a-z0-9]{51}"), "a confidential client");
        assertEquals(List.of("https://app.example.com/callback"), app.callbackUrls());
        assertEquals(List.of("https://app.example.com/"), app.signOutUrls());
        assertEquals(Set.of("openid", "email", "profile"), app.scopes());
        assertEquals(Set.of(OAuthFlow.CODE), app.oauthFlows());
        assertEquals(RefreshTokenRotation.enabled(Duration.ofSeconds(10)), app.rotation());
    }

    @Test
    void theMachineClientHasTheApisScopesAndBobIsAnAdmin() throws Exception {
        PoolTemplate template = PoolTemplate.read(TEMPLATE, "shop", "eu-central-1", PARAMETERS);
        UserPool pool = template.pool();
        AppClient machine = pool.client(template.outputs().get("COGNITO_API_CLIENT_IDS")).orElseThrow();

        assertEquals(Set.of(OAuthFlow.CLIENT_CREDENTIALS), machine.oauthFlows());
        assertEquals(Set.of("payara-api/read", "payara-api/admin"), machine.scopes());
        assertEquals(Set.of("read", "admin"), pool.resourceServers().get("payara-api").scopeNames());
        assertEquals(List.of("admins"), pool.user("bob").orElseThrow().groups());
    }

    @Test
    void theOutputsAreTheAppsSettings() throws Exception {
        PoolTemplate template = PoolTemplate.read(TEMPLATE, "shop", "eu-central-1", PARAMETERS);
        Map<String, String> outputs = template.outputs();

        assertEquals(List.of("COGNITO_REGION", "COGNITO_USER_POOL_ID", "COGNITO_CLIENT_ID", "COGNITO_API_CLIENT_IDS",
                "APP_BASE_URL"), List.copyOf(outputs.keySet()), "every setting but the secret, read from Cognito");
        assertEquals("eu-central-1", outputs.get("COGNITO_REGION"));
        assertEquals(template.pool().userPoolId(), outputs.get("COGNITO_USER_POOL_ID"));
        assertEquals("https://app.example.com", outputs.get("APP_BASE_URL"));
    }

    @Test
    void whatCloudFormationGeneratesIsTheSameForTheSameStackAndDiffersForAnother() throws Exception {
        PoolTemplate once = PoolTemplate.read(TEMPLATE, "shop", "eu-west-1", PARAMETERS);
        PoolTemplate again = PoolTemplate.read(TEMPLATE, "shop", "eu-west-1", PARAMETERS);
        PoolTemplate other = PoolTemplate.read(TEMPLATE, "other", "eu-west-1", PARAMETERS);

        assertEquals(once.outputs(), again.outputs());
        assertEquals(secret(once), secret(again));
        for (String generated : List.of("COGNITO_USER_POOL_ID", "COGNITO_CLIENT_ID")) {
            assertNotEquals(once.outputs().get(generated), other.outputs().get(generated), generated);
        }
        assertNotEquals(secret(once), secret(other));
    }

    private static String secret(PoolTemplate template) {
        return template.pool().client(template.outputs().get("COGNITO_CLIENT_ID")).orElseThrow().clientSecret();
    }

    @Test
    void parametersAreCheckedAsCloudFormationChecksThem() {
        for (Map<String, String> refused : List.of(
                Map.of("AppUrl", "http://app.example.com", "DomainPrefix", "x"),
                Map.of("AppUrl", "https://app.example.com/", "DomainPrefix", "x"),
                Map.of("AppUrl", "https://app.example.com"),
                Map.of("AppUrl", "https://app.example.com", "DomainPrefix", "-x"),
                Map.of("AppUrl", "https://app.example.com", "DomainPrefix", "x", "RefreshTokenGracePeriodSeconds",
                        "61"),
                Map.of("AppUrl", "https://app.example.com", "DomainPrefix", "x", "Unknown", "1"))) {
            assertThrows(IllegalArgumentException.class,
                    () -> PoolTemplate.read(TEMPLATE, "shop", "eu-west-1", refused), refused.toString());
        }
    }

    @Test
    void theShortAndLongFormsOfTheFunctionsAreOneAndWhatItCannotEvaluateIsSaid(@TempDir Path dir) throws Exception {
        Path template = dir.resolve("pool.yaml");
        Files.writeString(template, """
                Resources:
                  Pool:
                    Type: AWS::Cognito::UserPool
                  Client:
                    Type: AWS::Cognito::UserPoolClient
                    Properties:
                      UserPoolId: {Ref: Pool}
                      CallbackURLs: [{"Fn::Sub": "https://${AWS::StackName}.example/cb"}]
                      LogoutURLs: [!Sub "https://${!Literal}/"]
                Outputs:
                  Long: {Description: LONG, Value: {"Fn::GetAtt": [Pool, UserPoolId]}}
                  Short: {Description: SHORT, Value: !GetAtt Pool.UserPoolId}
                  Joined: {Description: JOINED, Value: !Join ["", [a, b]]}
                """);
        PoolTemplate read = PoolTemplate.read(template, "s", "eu-west-1", Map.of());
        AppClient client = read.pool().clients().values().iterator().next();

        assertEquals(List.of("https://s.example/cb"), client.callbackUrls());
        assertEquals(List.of("https://${Literal}/"), client.signOutUrls());
        assertNull(client.clientSecret(), "no GenerateSecret: a public client");
        IllegalArgumentException join = assertThrows(IllegalArgumentException.class, read::outputs);
        assertTrue(join.getMessage().contains("Fn::Join"), join.getMessage());
    }
}
