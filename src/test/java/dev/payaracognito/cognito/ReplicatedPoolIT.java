package dev.payaracognito.cognito;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.nimbusds.jose.util.JSONObjectUtils;
import com.nimbusds.jwt.SignedJWT;
import dev.payaracognito.localcognito.HostedUiClient;
import dev.payaracognito.localcognito.IssuerConfiguration;
import dev.payaracognito.localcognito.UserPool;
import dev.payaracognito.testing.AppDeployment;
import dev.payaracognito.testing.BrowserTest;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import org.htmlunit.html.HtmlPage;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * A pool replicated to us-east-1, on the original issuer format: tokens issued by the replica name its region, and
 * the app takes them because it was told of the region ({@code COGNITO_ADDITIONAL_REGIONS}); a region it was not
 * told of, and the updated format it was told not to accept, are refused.
 */
class ReplicatedPoolIT extends BrowserTest {

    private static final String REPLICA = "us-east-1";

    private final HttpClient http = HttpClient.newHttpClient();

    @Deployment(testable = false)
    static WebArchive deployment() {
        return AppDeployment.warForPool("cognito.issuer-format=original", "cognito.additional-regions=" + REPLICA,
                "cognito.api-client-ids=" + UserPool.DEMO_MACHINE_CLIENT_ID);
    }

    @AfterEach
    void primaryRegionAgain() {
        cognito().issuing(IssuerConfiguration.original(UserPool.DEMO_POOL_ID));
    }

    @Test
    void aReplicasTokenNamesItsRegionAndIsTaken() throws Exception {
        cognito().issuing(new IssuerConfiguration(false, REPLICA));
        String token = machineToken();
        assertEquals(cognito().emulatorUrl() + "/cognito-idp." + REPLICA + ".amazonaws.com/" + UserPool.DEMO_POOL_ID,
                SignedJWT.parse(token).getJWTClaimsSet().getIssuer());
        HttpResponse<String> me = me(token);
        assertEquals(200, me.statusCode(), me.body());
        assertEquals(UserPool.DEMO_MACHINE_CLIENT_ID, JSONObjectUtils.parse(me.body()).get("clientId"));
    }

    @Test
    void aRegionTheAppWasNotToldOfIsRefused() throws Exception {
        cognito().issuing(new IssuerConfiguration(false, "ap-southeast-2"));
        HttpResponse<String> me = me(machineToken());
        assertEquals(401, me.statusCode());
        assertEquals("Bearer error=\"invalid_token\"", me.headers().firstValue("WWW-Authenticate").orElseThrow());
    }

    @Test
    void theUpdatedFormatIsRefusedWhenOnlyTheOriginalIsAccepted() throws Exception {
        cognito().issuing(IssuerConfiguration.updated(UserPool.DEMO_POOL_ID));
        assertEquals(401, me(machineToken()).statusCode());
    }

    @Test
    void usersSignInThroughThePrimaryRegion() throws Exception {
        HtmlPage profile = signInAt("/secure/profile.xhtml", "alice", "Alice-Passw0rd!");
        assertEquals("alice", profile.getElementById("username").getTextContent());
    }

    private String machineToken() throws Exception {
        return (String) new HostedUiClient(cognito()).machineTokens(UserPool.DEMO_MACHINE_CLIENT_ID,
                UserPool.DEMO_MACHINE_CLIENT_SECRET, UserPool.DEMO_READ_SCOPE).get("access_token");
    }

    private HttpResponse<String> me(String token) throws Exception {
        return http.send(HttpRequest.newBuilder(URI.create(APP + "/api/me")).header("Authorization", "Bearer " + token)
                .build(), HttpResponse.BodyHandlers.ofString());
    }
}
