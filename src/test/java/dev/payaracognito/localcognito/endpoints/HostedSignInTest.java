package dev.payaracognito.localcognito.endpoints;

import static dev.payaracognito.localcognito.HostedUiClient.authorizeParameters;
import static dev.payaracognito.localcognito.HostedUiClient.queryParameter;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.payaracognito.localcognito.RunningCognito;
import dev.payaracognito.localcognito.UserPool;
import java.net.URI;
import java.net.http.HttpResponse;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

class HostedSignInTest {

    @RegisterExtension
    final RunningCognito pool = new RunningCognito();

    @Test
    void signInSessionLogoutStory() throws Exception {
        // 1. a first authorize goes to the sign-in form, with the same parameters
        HttpResponse<String> authorize = pool.client().authorize(authorizeParameters());
        assertEquals(302, authorize.statusCode());
        String login = authorize.headers().firstValue("Location").orElseThrow();
        assertTrue(login.startsWith(pool.cognito().domain() + "/login?"), login);
        assertTrue(pool.client().get(login.substring(pool.cognito().domain().length())).body().contains("name=\"password\""));

        // 2. a wrong password shows the form again, with an error
        HttpResponse<String> refused = pool.client().submitSignIn(authorizeParameters(), "alice", "wrong");
        assertEquals(200, refused.statusCode());
        assertTrue(refused.body().contains("Incorrect username or password."));
        assertTrue(refused.headers().allValues("Set-Cookie").stream().noneMatch(c -> c.startsWith("cognito=")));

        // 3. the right password returns to the callback with a code and the state
        URI callback = pool.client().signIn(authorizeParameters(), "alice", "Alice-Passw0rd!");
        assertTrue(callback.toString().startsWith(UserPool.DEMO_CALLBACK_URL + "?"));
        assertNotNull(queryParameter(callback, "code"));
        assertEquals("state-1", queryParameter(callback, "state"));

        // 4. within the hosted session, a second authorize returns straight away, without the form
        HttpResponse<String> again = pool.client().authorize(authorizeParameters());
        assertEquals(302, again.statusCode());
        assertTrue(again.headers().firstValue("Location").orElseThrow().startsWith(UserPool.DEMO_CALLBACK_URL));

        // 5. /logout clears the session and returns to the registered sign-out URL
        HttpResponse<String> logout = pool.client().get("/logout?client_id=" + UserPool.DEMO_CLIENT_ID + "&logout_uri="
                + Exchange.encode(UserPool.DEMO_SIGN_OUT_URL));
        assertEquals(302, logout.statusCode());
        assertEquals(UserPool.DEMO_SIGN_OUT_URL, logout.headers().firstValue("Location").orElseThrow());
        assertTrue(logout.headers().allValues("Set-Cookie").stream().anyMatch(c -> c.startsWith("cognito=;")));

        // 6. the next authorize asks for the password again
        HttpResponse<String> afterLogout = pool.client().authorize(authorizeParameters());
        assertTrue(afterLogout.headers().firstValue("Location").orElseThrow().contains("/login?"));
    }

    @Test
    void signInFormRefusesAPostWithoutItsCsrfToken() throws Exception {
        HttpResponse<String> forged = pool.client().post(Exchange.withParameters("/login", authorizeParameters()),
                Map.of("username", "alice", "password", "Alice-Passw0rd!"), null);
        assertEquals(200, forged.statusCode());
        assertTrue(forged.body().contains("expired"));
        assertFalse(forged.headers().firstValue("Location").isPresent());
    }

    @Test
    void unknownClientOrUnregisteredRedirectUriGetsAnErrorPageNotARedirect() throws Exception {
        Map<String, String> unknownClient = authorizeParameters();
        unknownClient.put("client_id", "nosuchclient00000000000000");
        assertErrorPage(pool.client().authorize(unknownClient));

        Map<String, String> trailingSlash = authorizeParameters();
        trailingSlash.put("redirect_uri", UserPool.DEMO_CALLBACK_URL + "/");
        assertErrorPage(pool.client().authorize(trailingSlash));

        Map<String, String> otherHost = authorizeParameters();
        otherHost.put("redirect_uri", "https://evil.example/callback");
        assertErrorPage(pool.client().authorize(otherHost));
    }

    @Test
    void otherAuthorizeErrorsRedirectWithErrorAndState() throws Exception {
        Map<String, String> plainPkce = authorizeParameters();
        plainPkce.put("code_challenge", "a".repeat(43));
        plainPkce.put("code_challenge_method", "plain");
        assertErrorRedirect("invalid_request", pool.client().authorize(plainPkce));

        Map<String, String> badScope = authorizeParameters();
        badScope.put("scope", "openid aws.cognito.signin.user.admin");
        assertErrorRedirect("invalid_scope", pool.client().authorize(badScope));

        Map<String, String> implicit = authorizeParameters();
        implicit.put("response_type", "token");
        assertErrorRedirect("unauthorized_client", pool.client().authorize(implicit));

        Map<String, String> noResponseType = authorizeParameters();
        noResponseType.remove("response_type");
        assertErrorRedirect("invalid_request", pool.client().authorize(noResponseType));
    }

    @Test
    void aClientThatRequiresPkceRefusesAuthorizeWithoutIt() throws Exception {
        pool.cognito().updateClient(pool.cognito().pool().client(UserPool.DEMO_CLIENT_ID).orElseThrow().withRequirePkce(true));
        assertErrorRedirect("invalid_request", pool.client().authorize(authorizeParameters()));
    }

    @Test
    void logoutChecksClientAndSignOutUrl() throws Exception {
        assertErrorPage(pool.client().get("/logout?logout_uri=" + Exchange.encode(UserPool.DEMO_SIGN_OUT_URL)));
        assertErrorPage(pool.client().get("/logout?client_id=" + UserPool.DEMO_CLIENT_ID + "&logout_uri="
                + Exchange.encode("https://evil.example/")));
        assertErrorPage(pool.client().get("/logout?client_id=" + UserPool.DEMO_CLIENT_ID));
    }

    @Test
    void logoutWithRedirectUriSendsTheUserToSignInAgain() throws Exception {
        pool.client().signIn(authorizeParameters(), "bob", "Bob-Passw0rd!");
        HttpResponse<String> logout = pool.client().get(Exchange.withParameters("/logout", authorizeParameters()));
        assertEquals(302, logout.statusCode());
        assertTrue(logout.headers().firstValue("Location").orElseThrow().startsWith(pool.cognito().domain() + "/login?"));
        assertTrue(pool.client().authorize(authorizeParameters()).headers().firstValue("Location").orElseThrow()
                .contains("/login?"));
    }

    /** The hosted session lives an hour: a minute before, no form is asked; a minute after, the form again. */
    @Test
    void hostedSessionEndsAfterAnHour() throws Exception {
        pool.client().signIn(authorizeParameters(), "alice", "Alice-Passw0rd!");
        pool.cognito().clock().advance(java.time.Duration.ofMinutes(59));
        String within = pool.client().authorize(authorizeParameters()).headers().firstValue("Location").orElseThrow();
        assertTrue(within.startsWith(UserPool.DEMO_CALLBACK_URL + "?"), within);
        assertNotNull(queryParameter(URI.create(within), "code"), within);
        pool.cognito().clock().advance(java.time.Duration.ofMinutes(2));
        String after = pool.client().authorize(authorizeParameters()).headers().firstValue("Location").orElseThrow();
        assertTrue(after.startsWith(pool.cognito().domain() + "/login?"), after);
    }

    private static void assertErrorPage(HttpResponse<String> answer) {
        assertEquals(400, answer.statusCode());
        assertTrue(answer.headers().firstValue("Location").isEmpty());
        assertTrue(answer.body().contains("An error was encountered"));
    }

    private static void assertErrorRedirect(String error, HttpResponse<String> answer) {
        assertEquals(302, answer.statusCode());
        URI location = URI.create(answer.headers().firstValue("Location").orElseThrow());
        assertTrue(location.toString().startsWith(UserPool.DEMO_CALLBACK_URL + "?"));
        assertEquals(error, queryParameter(location, "error"));
        assertEquals("state-1", queryParameter(location, "state"));
        assertNull(queryParameter(location, "code"));
    }
}
