package dev.payaracognito.api;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import dev.payaracognito.localcognito.HostedUiClient;
import dev.payaracognito.localcognito.UserPool;
import dev.payaracognito.testing.AppDeployment;
import dev.payaracognito.testing.PayaraMicroTest;
import dev.payaracognito.testing.SharedCognito;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.Map;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * A service calls the API with its own token (Cognito's client credentials grant, from the local Cognito): it is
 * accepted from an allowed client, it is a client and not a user, and its scopes decide what it may do.
 */
@PayaraMicroTest
class MachineClientsIT {

    private static final String API = AppDeployment.APP + "/api";
    private final HttpClient http = HttpClient.newHttpClient();

    /**
     * Only the first machine client is allowed on the API; the read-only one is not listed. web.xml's constraint on
     * /api/admin is taken out, so that the statistics' {@code @RolesAllowed} alone decides here.
     */
    @Deployment(testable = false)
    static WebArchive deployment() {
        return AppDeployment.withoutConstraint(AppDeployment.war("cognito.api-client-ids="
                + UserPool.DEMO_MACHINE_CLIENT_ID), "API administration");
    }

    @BeforeEach
    void honestCognito() {
        SharedCognito.cognito().healAll();
    }

    @Test
    void anAllowedClientIsAClientWithItsScopesAndNoUser() throws Exception {
        // 1. the service gets a token for payara-api/read with its id and secret
        String token = machineToken(UserPool.DEMO_MACHINE_CLIENT_ID, UserPool.DEMO_MACHINE_CLIENT_SECRET,
                UserPool.DEMO_READ_SCOPE);
        // 2. the API knows it as the client, with its scope, and no user
        HttpResponse<String> me = get("/me", token);
        assertEquals(200, me.statusCode(), me.body());
        Map<String, Object> body = HostedUiClient.json(me.body());
        assertEquals("client", body.get("kind"));
        assertEquals(UserPool.DEMO_MACHINE_CLIENT_ID, body.get("clientId"));
        assertEquals(List.of(UserPool.DEMO_READ_SCOPE), body.get("scopes"));
        assertFalse(body.containsKey("username") || body.containsKey("groups") || body.containsKey("sub"), me.body());
    }

    @Test
    void theAdminScopeOpensTheStatisticsAndItsAbsenceIsInsufficientScope() throws Exception {
        // 1. read only: the statistics need the group admins or the scope payara-api/admin
        HttpResponse<String> readOnly = get("/admin/stats", machineToken(UserPool.DEMO_MACHINE_CLIENT_ID,
                UserPool.DEMO_MACHINE_CLIENT_SECRET, UserPool.DEMO_READ_SCOPE));
        assertEquals(403, readOnly.statusCode());
        assertEquals("Bearer error=\"insufficient_scope\"", readOnly.headers().firstValue("WWW-Authenticate")
                .orElseThrow());
        assertEquals("{\"error\":\"insufficient_scope\"}", readOnly.body());

        // 2. granted payara-api/admin: the statistics
        HttpResponse<String> admin = get("/admin/stats", machineToken(UserPool.DEMO_MACHINE_CLIENT_ID,
                UserPool.DEMO_MACHINE_CLIENT_SECRET, UserPool.DEMO_ADMIN_SCOPE));
        assertEquals(200, admin.statusCode(), admin.body());
    }

    @Test
    void aClientNotListedIsRefused() throws Exception {
        String token = machineToken(UserPool.DEMO_READ_ONLY_MACHINE_CLIENT_ID,
                UserPool.DEMO_READ_ONLY_MACHINE_CLIENT_SECRET, UserPool.DEMO_READ_SCOPE);
        HttpResponse<String> me = get("/me", token);
        assertEquals(401, me.statusCode());
        assertEquals("Bearer error=\"invalid_token\"", me.headers().firstValue("WWW-Authenticate").orElseThrow());
    }

    private static String machineToken(String clientId, String secret, String scope) throws Exception {
        return (String) new HostedUiClient(SharedCognito.cognito()).machineTokens(clientId, secret, scope)
                .get("access_token");
    }

    private HttpResponse<String> get(String path, String token) throws Exception {
        return http.send(HttpRequest.newBuilder(URI.create(API + path)).header("Authorization", "Bearer " + token)
                .build(), HttpResponse.BodyHandlers.ofString());
    }
}
