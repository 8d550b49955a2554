package dev.payaracognito.cognito;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.payaracognito.localcognito.Endpoint;
import dev.payaracognito.localcognito.RunningCognito;
import dev.payaracognito.telemetry.Tracing;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import java.net.ServerSocket;
import java.net.URI;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** Cognito's API called as the app calls it, against the local Cognito, which checks every request's signature. */
class CognitoAdminApiTest {

    @RegisterExtension
    final RunningCognito pool = new RunningCognito();

    final CognitoAdminApi api = new CognitoAdminApi(Tracing.off());

    @Test
    void aSignedCallIsAnsweredWithCognitosRequestId() throws Exception {
        CognitoAdminApi.Answer answer = api.call(local("eu-west-1"), "AdminUserGlobalSignOut", signOut("alice"));

        assertTrue(answer.succeeded(), answer.describe());
        assertTrue(answer.requestId().matches("[0-9a-f-]{36}"), answer.requestId());
        assertNull(answer.error());
        assertEquals(1, pool.cognito().globalSignOuts("alice"));
    }

    @Test
    void cognitosErrorIsNamedAndItsMessageLeftOut() throws Exception {
        CognitoAdminApi.Answer answer = api.call(local("eu-west-1"), "AdminUserGlobalSignOut", signOut("nobody"));

        assertEquals(400, answer.status());
        assertEquals("UserNotFoundException", answer.error());
        assertEquals("HTTP 400 UserNotFoundException, Cognito's request id " + answer.requestId(), answer.describe());
    }

    @Test
    void aSignatureScopedToAnotherRegionIsRefused() throws Exception {
        // the pool is in eu-west-1: a signature for us-east-1 does not verify there, whatever the credentials
        CognitoAdminApi.Answer answer = api.call(local("us-east-1"), "AdminUserGlobalSignOut", signOut("alice"));

        assertEquals("InvalidSignatureException", answer.error());
        assertEquals(0, pool.cognito().globalSignOuts("alice"));
    }

    @Test
    void aFailingCognitoIsAskedOnceMoreAndItsAnswerUnnamed() throws Exception {
        pool.cognito().fail(Endpoint.ADMIN_API, 503);

        CognitoAdminApi.Answer answer = api.call(local("eu-west-1"), "AdminUserGlobalSignOut", signOut("alice"));

        assertFalse(answer.succeeded());
        assertTrue(answer.describe().startsWith("HTTP 503 unnamed"), answer.describe());
        assertEquals(2, pool.cognito().requests(Endpoint.ADMIN_API));
    }

    @Test
    void aRefusalIsNotAskedAgain() throws Exception {
        api.call(local("eu-west-1"), "AdminUserGlobalSignOut", signOut("nobody"));

        assertEquals(1, pool.cognito().requests(Endpoint.ADMIN_API));
    }

    @Test
    void nothingListeningIsNoAnswer() throws Exception {
        int closed;
        try (ServerSocket socket = new ServerSocket(0)) {
            closed = socket.getLocalPort();
        }
        PoolSettings.AdminApi nowhere = new PoolSettings.AdminApi("eu-west-1", pool.cognito().pool().userPoolId(),
                URI.create("http://127.0.0.1:" + closed + "/"));

        CognitoAdminApi.Answer answer = api.call(nowhere, "AdminUserGlobalSignOut", signOut("alice"));

        assertEquals(0, answer.status());
        assertTrue(answer.describe().startsWith("no answer (ConnectException"), answer.describe());
    }

    private PoolSettings.AdminApi local(String region) {
        return new PoolSettings.AdminApi(region, pool.cognito().pool().userPoolId(),
                URI.create(pool.cognito().issuer()).resolve("/"));
    }

    private JsonObject signOut(String username) {
        return Json.createObjectBuilder().add("UserPoolId", pool.cognito().pool().userPoolId())
                .add("Username", username).build();
    }
}
