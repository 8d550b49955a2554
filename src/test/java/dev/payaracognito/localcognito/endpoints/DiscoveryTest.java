package dev.payaracognito.localcognito.endpoints;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jwt.SignedJWT;
import dev.payaracognito.localcognito.HostedUiClient;
import dev.payaracognito.localcognito.IssuerConfiguration;
import dev.payaracognito.localcognito.RunningCognito;
import dev.payaracognito.localcognito.UserPool;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

class DiscoveryTest {

    @RegisterExtension
    static final RunningCognito POOL = new RunningCognito();

    @Test
    void discoveryDocumentHasCognitosKeysInCognitosOrder() throws Exception {
        String body = POOL.client().wellKnown("openid-configuration").body();
        Map<String, Object> document = HostedUiClient.json(body);
        String domain = POOL.cognito().domain();
        String issuer = domain + "/cognito-idp.eu-west-1.amazonaws.com/" + UserPool.DEMO_POOL_ID;

        assertEquals(List.of("authorization_endpoint", "end_session_endpoint",
                "id_token_signing_alg_values_supported", "issuer", "jwks_uri", "response_types_supported",
                "revocation_endpoint", "scopes_supported", "subject_types_supported", "token_endpoint",
                "token_endpoint_auth_methods_supported", "userinfo_endpoint"), List.copyOf(document.keySet()));
        assertEquals(issuer, document.get("issuer"));
        assertEquals(issuer, POOL.cognito().issuer());
        assertEquals(issuer + "/.well-known/jwks.json", document.get("jwks_uri"));
        assertEquals(domain + "/oauth2/authorize", document.get("authorization_endpoint"));
        assertEquals(domain + "/oauth2/token", document.get("token_endpoint"));
        assertEquals(domain + "/oauth2/userInfo", document.get("userinfo_endpoint"));
        assertEquals(domain + "/oauth2/revoke", document.get("revocation_endpoint"));
        assertEquals(domain + "/logout", document.get("end_session_endpoint"));
        assertEquals(List.of("RS256"), document.get("id_token_signing_alg_values_supported"));
        assertEquals(List.of("code", "token"), document.get("response_types_supported"));
        assertEquals(List.of("openid", "email", "phone", "profile"), document.get("scopes_supported"));
        assertEquals(List.of("public"), document.get("subject_types_supported"));
        assertEquals(List.of("client_secret_basic", "client_secret_post"),
                document.get("token_endpoint_auth_methods_supported"));
    }

    @Test
    void jwksPublishesTwoRsaKeysAndTheTokensUseOneEach() throws Exception {
        String body = POOL.client().wellKnown("jwks.json").body();
        @SuppressWarnings("unchecked")
        List<Map<String, Object>> keys = (List<Map<String, Object>>) HostedUiClient.json(body).get("keys");

        assertEquals(2, keys.size());
        for (Map<String, Object> key : keys) {
            assertEquals(List.of("alg", "e", "kid", "kty", "n", "use"), List.copyOf(key.keySet()));
            assertEquals("RS256", key.get("alg"));
            assertEquals("RSA", key.get("kty"));
            assertEquals("sig", key.get("use"));
        }
        JWKSet jwks = JWKSet.parse(body);
        assertEquals(2048, jwks.getKeys().get(0).size());

        Map<String, Object> tokens = POOL.client().redeem(POOL.client().code(HostedUiClient.authorizeParameters(), "alice",
                "Alice-Passw0rd!"));
        String idKid = SignedJWT.parse((String) tokens.get("id_token")).getHeader().getKeyID();
        String accessKid = SignedJWT.parse((String) tokens.get("access_token")).getHeader().getKeyID();
        assertNotEquals(idKid, accessKid);
        assertEquals(List.of(keys.get(0).get("kid"), keys.get(1).get("kid")), List.of(idKid, accessKid));
    }

    @Test
    void wellKnownDocumentsLiveOnlyUnderTheIssuerPath() throws Exception {
        assertEquals(404, POOL.client().get("/.well-known/openid-configuration").statusCode());
        assertEquals(404, POOL.client().get("/" + UserPool.DEMO_POOL_ID + "/.well-known/jwks.json").statusCode());
        assertEquals(404, POOL.client().get("/cognito-idp.eu-west-1.amazonaws.com/eu-west-1_OtherPool/.well-known/"
                + "jwks.json").statusCode());
        assertEquals(404, POOL.client().get("/cognito-idp.eu-west-1.amazonaws.com.evil.example/"
                + UserPool.DEMO_POOL_ID + "/.well-known/jwks.json").statusCode());
        // Cognito's paths are case-sensitive: userInfo, not userinfo.
        assertEquals(404, POOL.client().get("/oauth2/userinfo").statusCode());
    }

    @Test
    void anUpdatedPoolNamesAndServesTheUpdatedIssuerOnly() throws Exception {
        String updated = POOL.cognito().domain() + "/issuer-cognito-idp.eu-west-1.amazonaws.com/"
                + UserPool.DEMO_POOL_ID;
        String original = POOL.cognito().issuer();
        POOL.cognito().issuing(IssuerConfiguration.updated(UserPool.DEMO_POOL_ID));
        try {
            assertEquals(updated, POOL.cognito().issuer());
            assertEquals(updated, HostedUiClient.json(POOL.client().wellKnown("openid-configuration").body())
                    .get("issuer"));
            assertEquals(200, POOL.client().wellKnown("jwks.json").statusCode());
            assertEquals(updated, issuerOfNewTokens());
            assertEquals(404, get(original + "/.well-known/openid-configuration").statusCode());
            assertEquals(404, get(original + "/.well-known/jwks.json").statusCode());
        } finally {
            POOL.cognito().issuing(IssuerConfiguration.original(UserPool.DEMO_POOL_ID));
        }
    }

    @Test
    void aReplicaRegionIssuesTokensNamingItselfAndThePrimaryKeepsItsDocuments() throws Exception {
        String replica = POOL.cognito().domain() + "/cognito-idp.us-east-1.amazonaws.com/" + UserPool.DEMO_POOL_ID;
        String primary = POOL.cognito().issuer();
        POOL.cognito().issuing(new IssuerConfiguration(false, "us-east-1"));
        try {
            assertEquals(replica, issuerOfNewTokens());
            assertEquals(replica, HostedUiClient.json(get(replica + "/.well-known/openid-configuration").body())
                    .get("issuer"));
            assertEquals(primary, HostedUiClient.json(get(primary + "/.well-known/openid-configuration").body())
                    .get("issuer"));
            assertEquals(get(primary + "/.well-known/jwks.json").body(), get(replica + "/.well-known/jwks.json").body());
            assertEquals(404, get(POOL.cognito().domain() + "/issuer-cognito-idp.eu-west-1.amazonaws.com/"
                    + UserPool.DEMO_POOL_ID + "/.well-known/jwks.json").statusCode());
        } finally {
            POOL.cognito().issuing(IssuerConfiguration.original(UserPool.DEMO_POOL_ID));
        }
    }

    @Test
    void aReplicaOfTheUpdatedFormatStillNamesThePrimaryRegion() throws Exception {
        POOL.cognito().issuing(new IssuerConfiguration(true, "us-east-1"));
        try {
            assertEquals(POOL.cognito().domain() + "/issuer-cognito-idp.eu-west-1.amazonaws.com/"
                    + UserPool.DEMO_POOL_ID, issuerOfNewTokens());
        } finally {
            POOL.cognito().issuing(IssuerConfiguration.original(UserPool.DEMO_POOL_ID));
        }
    }

    /** The {@code iss} of the ID and access tokens of a new sign-in, which must agree. */
    private static String issuerOfNewTokens() throws Exception {
        Map<String, Object> tokens = POOL.client().redeem(POOL.client().code(HostedUiClient.authorizeParameters(),
                "alice", "Alice-Passw0rd!"));
        String id = SignedJWT.parse((String) tokens.get("id_token")).getJWTClaimsSet().getIssuer();
        assertEquals(id, SignedJWT.parse((String) tokens.get("access_token")).getJWTClaimsSet().getIssuer());
        return id;
    }

    private static HttpResponse<String> get(String url) throws Exception {
        return HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(url)).build(),
                HttpResponse.BodyHandlers.ofString());
    }
}
