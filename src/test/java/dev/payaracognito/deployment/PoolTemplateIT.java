package dev.payaracognito.deployment;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;

import dev.payaracognito.localcognito.HostedUiClient;
import dev.payaracognito.localcognito.LocalCognito;
import dev.payaracognito.localcognito.PoolTemplate;
import dev.payaracognito.testing.AppDeployment;
import dev.payaracognito.testing.BrowserTest;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.htmlunit.html.HtmlPage;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;

/**
 * The pool of {@code docker/cognito-pool.yaml}, made by the local Cognito as CloudFormation would make it, and the
 * app configured with nothing but the stack's outputs (each the setting of the table in docs/configuration.md its description
 * names) and the client's secret, plus what a run on this machine adds: users sign in, the group admins opens the admin pages, and the
 * machine client's token the API's statistics.
 */
class PoolTemplateIT extends BrowserTest {

    /** A row of the settings table (docs/configuration.md): {@code | `property` | `ENVIRONMENT` | meaning |}. */
    private static final Pattern SETTING = Pattern.compile("^\\| `([a-z.-]+)` \\| `([A-Z_]+)` \\|");

    private static LocalCognito stack;
    private static PoolTemplate template;

    @Deployment(testable = false)
    static WebArchive deployment() throws IOException {
        template = PoolTemplate.read(Path.of("docker/cognito-pool.yaml"), "payara-cognito-it", "eu-west-1",
                Map.of("AppUrl", APP, "DomainPrefix", "payara-cognito-it"));
        stack = new LocalCognito(template.pool(), "localhost", 0).start();
        Map<String, String> properties = documentedSettings();
        List<String> settings = new ArrayList<>(List.of("cognito.issuer=",
                "cognito.emulator-url=" + stack.emulatorUrl()));
        template.outputs().forEach((environment, value) -> settings.add(documented(properties, environment) + "=" + value));
        // the secret, as docs/configuration.md reads it from Cognito (describe-user-pool-client), not from the stack
        String clientId = template.outputs().get("COGNITO_CLIENT_ID");
        settings.add("cognito.client-secret=" + stack.pool().client(clientId).orElseThrow().clientSecret());
        return AppDeployment.war(stack, settings.toArray(String[]::new));
    }

    @AfterAll
    static void deleteStack() {
        if (stack != null) {
            stack.close();
        }
    }

    @Override
    protected String hostedUi() {
        return stack.domain();
    }

    @Test
    void anAdminSignsInToTheAdminPages() throws Exception {
        HtmlPage admin = signInAt("/admin/index.xhtml", "bob", "Bob-Passw0rd!");
        assertEquals(200, status(admin), text(admin));
        assertEquals(APP + "/admin/index.xhtml", admin.getUrl().toString());
    }

    @Test
    void aUserOutsideTheGroupIsRefusedTheAdminPages() throws Exception {
        HtmlPage admin = signInAt("/admin/index.xhtml", "alice", "Alice-Passw0rd!");
        assertEquals(403, status(admin));
    }

    @Test
    void theMachineClientsTokenOpensTheApisStatistics() throws Exception {
        String machine = template.outputs().get("COGNITO_API_CLIENT_IDS");
        String token = (String) new HostedUiClient(stack).machineTokens(machine,
                stack.pool().client(machine).orElseThrow().clientSecret(), "payara-api/admin").get("access_token");
        HttpResponse<String> stats = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                URI.create(APP + "/api/admin/stats")).header("Authorization", "Bearer " + token).build(),
                HttpResponse.BodyHandlers.ofString());
        assertEquals(200, stats.statusCode(), stats.body());
    }

    /** The documented settings: environment name to property name. */
    private static Map<String, String> documentedSettings() throws IOException {
        Map<String, String> settings = new HashMap<>();
        for (String line : Files.readAllLines(Path.of("docs", "configuration.md"))) {
            Matcher row = SETTING.matcher(line);
            if (row.find()) {
                settings.put(row.group(2), row.group(1));
            }
        }
        return settings;
    }

    private static String documented(Map<String, String> properties, String environment) {
        String property = properties.get(environment);
        assertNotNull(property, environment + " is no setting of the documented table");
        return property;
    }
}
