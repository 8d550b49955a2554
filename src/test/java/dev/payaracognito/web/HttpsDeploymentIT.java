package dev.payaracognito.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.payaracognito.localcognito.LocalCognito;
import dev.payaracognito.localcognito.UserPool;
import dev.payaracognito.testing.AppDeployment;
import dev.payaracognito.testing.LocalTls;
import dev.payaracognito.testing.PayaraMicroTest;
import java.io.IOException;
import java.net.HttpCookie;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.List;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;

/**
 * Deployed as in production: behind a TLS-terminating proxy (the public base URL is https, while the proxy talks to
 * Payara in plain http, as the test does), not in development mode, with a Cognito that answers over https on a
 * network address (a local Cognito with a certificate of this run, which this Payara trusts). The session cookie
 * is {@code Secure} with the {@code __Host-} prefix, every response asks for HSTS, and redirects name the public
 * https address.
 */
@PayaraMicroTest
class HttpsDeploymentIT {

    private static final String PUBLIC_URL = "https://app.example.com";
    private static LocalCognito cognito;

    @Deployment(testable = false)
    static WebArchive deployment() throws IOException {
        String address = LocalTls.networkAddress().orElse(null);
        Assumptions.assumeTrue(address != null, "this machine has no network address for an https Cognito");
        cognito = new LocalCognito(UserPool.demo(), address, 0, LocalTls.serverContext()).start();
        return AppDeployment.war(cognito, "app.base-url=" + PUBLIC_URL, "app.development-mode=false");
    }

    @AfterAll
    static void stopCognito() {
        if (cognito != null) {
            cognito.stop();
        }
    }

    @Test
    void theSessionCookieIsHostPrefixedAndSecureAndHstsIsSent() throws Exception {
        // 1. the public page: no session, but HSTS
        HttpResponse<String> home = send("/");
        assertEquals(200, home.statusCode());
        assertEquals("max-age=31536000; includeSubDomains",
                home.headers().firstValue("Strict-Transport-Security").orElseThrow());

        // 2. a protected page starts a sign-in, which needs a session: its cookie is for https and this host only
        HttpResponse<String> protectedPage = send("/secure/profile.xhtml");
        assertEquals(302, protectedPage.statusCode());
        String header = protectedPage.headers().allValues("Set-Cookie").stream()
                .filter(setCookie -> setCookie.contains("JSESSIONID=")).findFirst().orElseThrow();
        HttpCookie cookie = HttpCookie.parse(header).get(0);
        assertEquals("__Host-JSESSIONID", cookie.getName(), header);
        assertTrue(cookie.getSecure(), header);
        assertTrue(cookie.isHttpOnly(), header);
        assertEquals("/", cookie.getPath(), header);
        assertEquals(null, cookie.getDomain(), "a __Host- cookie has no Domain: " + header);
        // and the sign-in's own cookie, which binds its PKCE verifier to this browser: https and this host only too
        String signIn = protectedPage.headers().allValues("Set-Cookie").stream()
                .filter(setCookie -> setCookie.startsWith("__Host-SIGN_IN_BINDING=")).findFirst().orElseThrow();
        assertTrue(signIn.contains("; Path=/;") && signIn.contains("; Secure") && signIn.contains("; HttpOnly")
                && signIn.contains("SameSite=Lax") && !signIn.contains("Domain"), signIn);
        String location = protectedPage.headers().firstValue("Location").orElseThrow();
        assertTrue(location.startsWith(cognito.domain() + "/oauth2/authorize?"), "to the https Cognito: " + location);
        assertTrue(location.contains("redirect_uri=https%3A%2F%2Fapp.example.com%2Fcallback"));

        // 3. the cookie is the session: the same sign-in goes on with it, and no second session is made
        String session = cookie.getName() + "=" + cookie.getValue();
        HttpResponse<String> again = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                URI.create(AppDeployment.APP + "/secure/profile.xhtml")).header("Cookie", session).build(),
                HttpResponse.BodyHandlers.ofString());
        // (Payara's session version cookie, a counter for replicated sessions, may be set again, and the new sign-in
        // started gets its own binding; no session cookie)
        assertEquals(List.of(), again.headers().allValues("Set-Cookie").stream()
                .filter(setCookie -> !setCookie.startsWith("JSESSIONIDVERSION=")
                        && !setCookie.startsWith("__Host-SIGN_IN_BINDING=")).toList());
        assertFalse(again.headers().firstValue("Location").orElseThrow().contains("JSESSIONID"),
                "the session id is never in a URL");
    }

    private static HttpResponse<String> send(String path) throws Exception {
        return HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(AppDeployment.APP + path)).build(),
                HttpResponse.BodyHandlers.ofString());
    }
}
