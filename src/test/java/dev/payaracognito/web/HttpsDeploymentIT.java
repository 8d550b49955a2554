package dev.payaracognito.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.payaracognito.testing.AppDeployment;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Deployed behind an https base URL (TLS ends at a proxy in front; the test talks to Payara in plain http):
 * the session cookie is Secure and every response asks for HSTS.
 */
@ExtendWith(ArquillianExtension.class)
class HttpsDeploymentIT {

    @Deployment(testable = false)
    static WebArchive deployment() {
        return AppDeployment.war("app.base-url=https://app.example.com");
    }

    @Test
    void theSessionCookieIsSecureAndHstsIsSent() throws Exception {
        HttpResponse<String> home = HttpClient.newHttpClient().send(
                HttpRequest.newBuilder(URI.create(AppDeployment.APP + "/")).build(),
                HttpResponse.BodyHandlers.ofString());
        assertEquals(200, home.statusCode());
        String cookie = home.headers().firstValue("Set-Cookie").orElseThrow();
        assertTrue(cookie.startsWith("JSESSIONID=") && cookie.contains("Secure") && cookie.contains("HttpOnly"),
                cookie);
        assertEquals("max-age=31536000; includeSubDomains",
                home.headers().firstValue("Strict-Transport-Security").orElseThrow());
    }
}
