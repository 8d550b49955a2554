package dev.payaracognito.localcognito.endpoints;

import static dev.payaracognito.localcognito.HostedUiClient.authorizeParameters;
import static dev.payaracognito.localcognito.HostedUiClient.queryParameter;
import static dev.payaracognito.localcognito.UserPool.DEMO_GOOGLE_PROVIDER;
import static dev.payaracognito.localcognito.UserPool.DEMO_GOOGLE_USER_ID;
import static dev.payaracognito.localcognito.UserPool.DEMO_POOL_ID;
import static dev.payaracognito.localcognito.UserPool.DEMO_SAML_PROVIDER;
import static dev.payaracognito.localcognito.UserPool.DEMO_SAML_USER_ID;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import dev.payaracognito.localcognito.HostedUiClient;
import dev.payaracognito.localcognito.RunningCognito;
import dev.payaracognito.localcognito.UserPool;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** Sign-in through an identity provider: the local Cognito stands in for Google and for a SAML IdP. */
class FederatedSignInTest {

    @RegisterExtension
    final RunningCognito pool = new RunningCognito();

    @Test
    void googleRoundTripGivesTokensOfAFederatedUser() throws Exception {
        // 1. authorize names the provider: straight on to its page, the request's parameters kept
        Map<String, String> parameters = authorizeParameters();
        parameters.put("identity_provider", DEMO_GOOGLE_PROVIDER);
        parameters.put("lang", "fr");
        HttpResponse<String> authorize = pool.client().authorize(parameters);
        assertEquals(302, authorize.statusCode());
        String providerPage = authorize.headers().firstValue("Location").orElseThrow();
        assertTrue(providerPage.startsWith(pool.cognito().domain() + "/federated/Google?"), providerPage);

        // 2. the provider's page: an account to sign in as, in the language asked for
        String page = pool.client().get(providerPage.substring(pool.cognito().domain().length())).body();
        assertTrue(page.contains("Sign in with Google as grace@example.com"), page);
        assertTrue(page.contains("<html lang=\"fr\">"), page);

        // 3. back at the client with a code and the state; the code redeems for the federated user's tokens
        URI callback = pool.client().federatedSignIn(authorizeParameters(), DEMO_GOOGLE_PROVIDER);
        assertTrue(callback.toString().startsWith(UserPool.DEMO_CALLBACK_URL + "?code="), callback.toString());
        assertEquals("state-1", queryParameter(callback, "state"));
        Map<String, Object> tokens = pool.client().redeem(queryParameter(callback, "code"));
        JWTClaimsSet id = SignedJWT.parse((String) tokens.get("id_token")).getJWTClaimsSet();
        JWTClaimsSet access = SignedJWT.parse((String) tokens.get("access_token")).getJWTClaimsSet();

        String username = "Google_" + DEMO_GOOGLE_USER_ID;
        List<String> groups = List.of(DEMO_POOL_ID + "_Google");
        assertEquals(username, id.getClaim("cognito:username"));
        assertEquals(groups, id.getClaim("cognito:groups"), "the automatic group");
        assertEquals(username, access.getClaim("username"));
        assertEquals(groups, access.getClaim("cognito:groups"));
        assertEquals("grace@example.com", id.getClaim("email"));
        assertEquals("nonce-1", id.getClaim("nonce"));
        assertEquals(List.of(Map.of("userId", DEMO_GOOGLE_USER_ID, "providerName", "Google", "providerType",
                "Google", "primary", "true", "dateCreated", "1767225600000")), withoutNulls(id.getClaim("identities")));
        assertTrue(SignedJWT.parse((String) tokens.get("id_token")).getPayload().toString()
                .contains("\"issuer\":null"), "issuer is there, null, for a social provider");
        assertEquals(Set.of("sub", "aud", "iss", "token_use", "auth_time", "iat", "exp", "cognito:username", "email",
                "email_verified", "cognito:groups", "nonce", "at_hash", "jti", "origin_jti", "event_id",
                "identities"), id.getClaims().keySet());
        assertNull(access.getClaim("identities"), "only the ID token names the identities");
    }

    @Test
    void samlUserByIdpIdentifierIsInTheAutomaticGroupAndThePoolsGroups() throws Exception {
        Map<String, String> parameters = authorizeParameters();
        parameters.put("idp_identifier", UserPool.DEMO_SAML_IDP_IDENTIFIER);
        URI providerPage = URI.create(pool.client().authorize(parameters).headers().firstValue("Location")
                .orElseThrow());
        assertEquals("/federated/Okta-SAML", providerPage.getPath());

        URI callback = pool.client().federatedSignIn(authorizeParameters(), DEMO_SAML_PROVIDER);
        JWTClaimsSet id = SignedJWT.parse((String) pool.client().redeem(queryParameter(callback, "code"))
                .get("id_token")).getJWTClaimsSet();
        assertEquals("Okta-SAML_" + DEMO_SAML_USER_ID, id.getClaim("cognito:username"));
        assertEquals(List.of(DEMO_POOL_ID + "_Okta-SAML", "admins"), id.getClaim("cognito:groups"));
        Map<?, ?> identity = (Map<?, ?>) ((List<?>) id.getClaim("identities")).get(0);
        assertEquals("SAML", identity.get("providerType"));
        assertEquals("Okta-SAML", identity.get("providerName"));
        assertEquals(DEMO_SAML_USER_ID, identity.get("userId"));
        assertEquals("http://www.okta.com/exk0localcognitodemo", identity.get("issuer"));
    }

    @Test
    void anUnknownProviderIsRefusedAtTheClientsRedirectUri() throws Exception {
        Map<String, String> parameters = authorizeParameters();
        parameters.put("identity_provider", "Facebook");
        URI refused = URI.create(pool.client().authorize(parameters).headers().firstValue("Location").orElseThrow());
        assertTrue(refused.toString().startsWith(UserPool.DEMO_CALLBACK_URL + "?"), refused.toString());
        assertEquals("invalid_request", queryParameter(refused, "error"));
        assertTrue(queryParameter(refused, "error_description").contains("Facebook"));
        assertEquals("state-1", queryParameter(refused, "state"));
        assertNull(queryParameter(refused, "code"));
    }

    @Test
    void cancellingAtTheProviderReturnsAccessDeniedAndStartsNoSession() throws Exception {
        URI cancelled = pool.client().federatedCancel(authorizeParameters(), DEMO_GOOGLE_PROVIDER);
        assertTrue(cancelled.toString().startsWith(UserPool.DEMO_CALLBACK_URL + "?"), cancelled.toString());
        assertEquals("access_denied", queryParameter(cancelled, "error"));
        assertEquals("state-1", queryParameter(cancelled, "state"));
        assertNull(queryParameter(cancelled, "code"));
        // no Cognito session: the next authorize request asks for a sign-in again
        URI next = URI.create(pool.client().authorize(authorizeParameters()).headers().firstValue("Location")
                .orElseThrow());
        assertEquals("/login", next.getPath());
    }

    @Test
    void theSignInFormLeadsToEachProviderAndANamedProviderSkipsIt() throws Exception {
        String form = pool.client().get(Exchange.withParameters("/login", authorizeParameters())).body();
        assertTrue(form.contains("identity_provider=Google\">Continue with Google</a>"), form);
        assertTrue(form.contains("identity_provider=Okta-SAML\">Continue with Okta-SAML</a>"), form);

        Map<String, String> parameters = authorizeParameters();
        parameters.put("identity_provider", DEMO_SAML_PROVIDER);
        HttpResponse<String> login = pool.client().get(Exchange.withParameters("/login", parameters));
        assertEquals(302, login.statusCode());
        assertEquals("/federated/Okta-SAML", URI.create(login.headers().firstValue("Location").orElseThrow())
                .getPath());
    }

    @Test
    void theProviderPageWantsItsCsrfTokenAndItsOwnRequest() throws Exception {
        Map<String, String> parameters = authorizeParameters();
        parameters.put("identity_provider", DEMO_GOOGLE_PROVIDER);
        String page = Exchange.withParameters("/federated/Google", parameters);
        HttpResponse<String> forged = new HostedUiClient(pool.cognito()).post(page, Map.of("_csrf", "guessed",
                "userId", DEMO_GOOGLE_USER_ID), null);
        assertEquals(200, forged.statusCode(), "the page again, not the client's callback");
        assertTrue(forged.body().contains("expired"), forged.body());

        assertEquals(400, pool.client().get(Exchange.withParameters("/federated/Okta-SAML", parameters))
                .statusCode(), "another provider's page");
        parameters.put("lang", "\"><script>alert(1)</script>");
        assertTrue(pool.client().get(Exchange.withParameters("/federated/Google", parameters)).body()
                .contains("<html lang=\"en\">"), "a lang that is not a language tag is not echoed");
    }

    @Test
    void aFederatedUserHasNoPasswordAtThePoolAndReadsUserInfoWithItsToken() throws Exception {
        HttpResponse<String> withPassword = pool.client().submitSignIn(authorizeParameters(),
                "Google_" + DEMO_GOOGLE_USER_ID, "");
        assertEquals(200, withPassword.statusCode());
        assertTrue(withPassword.body().contains("Incorrect username or password."));

        URI callback = pool.client().federatedSignIn(authorizeParameters(), DEMO_GOOGLE_PROVIDER);
        String accessToken = (String) pool.client().redeem(queryParameter(callback, "code")).get("access_token");
        HttpResponse<String> userInfo = HttpClient.newHttpClient().send(HttpRequest
                .newBuilder(URI.create(pool.cognito().domain() + "/oauth2/userInfo"))
                .header("Authorization", "Bearer " + accessToken).build(), HttpResponse.BodyHandlers.ofString());
        assertEquals(200, userInfo.statusCode());
        assertEquals("Google_" + DEMO_GOOGLE_USER_ID, HostedUiClient.json(userInfo.body()).get("username"));
    }

    @SuppressWarnings("unchecked")
    private static List<Map<String, Object>> withoutNulls(Object identities) {
        return ((List<Map<String, Object>>) identities).stream().map(m -> {
            Map<String, Object> copy = new HashMap<>(m);
            copy.values().removeIf(Objects::isNull);
            return copy;
        }).toList();
    }
}
