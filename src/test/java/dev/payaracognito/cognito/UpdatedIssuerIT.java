package dev.payaracognito.cognito;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.nimbusds.jose.util.JSONObjectUtils;
import com.nimbusds.jwt.SignedJWT;
import dev.payaracognito.localcognito.IssuerConfiguration;
import dev.payaracognito.localcognito.UserPool;
import dev.payaracognito.testing.AppDeployment;
import dev.payaracognito.testing.BrowserTest;
import dev.payaracognito.testing.SharedCognito;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.Map;
import org.htmlunit.html.HtmlPage;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.Test;

/**
 * A pool on Cognito's updated issuer format, the app configured by region and pool id only (both formats accepted,
 * the default): sign-ins find the updated issuer in the pool's discovery and work, the API takes the pool's access
 * tokens, and the node is ready although the original issuer serves no keys.
 */
class UpdatedIssuerIT extends BrowserTest {

    private final HttpClient http = HttpClient.newHttpClient();

    /**
     * The pool is switched before the app is deployed, as a pool is configured before an app is pointed at it
     * (the next class gets the original format back from {@link SharedCognito}).
     */
    @Deployment(testable = false)
    static WebArchive deployment() {
        SharedCognito.cognito().issuing(IssuerConfiguration.updated(UserPool.DEMO_POOL_ID));
        return AppDeployment.warForPool();
    }

    @Test
    void aUserSignsInAndTheApiTakesTheUpdatedIssuersTokens() throws Exception {
        HtmlPage profile = signInAt("/secure/profile.xhtml", "alice", "Alice-Passw0rd!");
        assertEquals("alice", profile.getElementById("username").getTextContent());

        Map<String, String> tokens = cognito().lastTokens("alice");
        assertEquals(cognito().emulatorUrl() + "/issuer-cognito-idp.eu-west-1.amazonaws.com/" + UserPool.DEMO_POOL_ID,
                SignedJWT.parse(tokens.get("id_token")).getJWTClaimsSet().getIssuer(), "the pool's updated issuer");
        HttpResponse<String> me = http.send(HttpRequest.newBuilder(URI.create(APP + "/api/me"))
                .header("Authorization", "Bearer " + tokens.get("access_token")).build(),
                HttpResponse.BodyHandlers.ofString());
        assertEquals(200, me.statusCode(), me.body());
        assertEquals("alice", JSONObjectUtils.parse(me.body()).get("username"));
    }

    @Test
    void readyWithTheKeysOfTheIssuerThePoolServes() throws Exception {
        HttpResponse<String> ready = http.send(HttpRequest.newBuilder(URI.create(APP + "/health/ready")).build(),
                HttpResponse.BodyHandlers.ofString());
        assertEquals(200, ready.statusCode(), ready.body());
        List<?> checks = (List<?>) JSONObjectUtils.parse(ready.body()).get("checks");
        assertEquals(1, checks.size(), ready.body());
        Map<?, ?> check = (Map<?, ?>) checks.get(0);
        assertEquals("cognito-sign-in", check.get("name"));
        assertEquals("UP", check.get("status"));
        Map<?, ?> data = (Map<?, ?>) check.get("data");
        assertEquals(Map.of("configured", "true", "signingKeys", "known", "cognito", "answers"),
                Map.of("configured", data.get("configured"), "signingKeys", data.get("signingKeys"),
                        "cognito", data.get("cognito")), ready.body());
    }
}
