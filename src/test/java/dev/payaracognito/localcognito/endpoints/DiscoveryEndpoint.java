package dev.payaracognito.localcognito.endpoints;

import dev.payaracognito.localcognito.PoolContext;
import java.io.IOException;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/** The issuer's two documents: {@code /.well-known/openid-configuration} and {@code /.well-known/jwks.json}. */
final class DiscoveryEndpoint {

    static final String DOCUMENT = "/.well-known/openid-configuration";

    private final PoolContext context;

    DiscoveryEndpoint(PoolContext context) {
        this.context = context;
    }

    /**
     * Cognito's keys and values, in its alphabetical order. Each served issuer's document names that issuer (a
     * replica region's its own region), as each of Cognito's regional endpoints does.
     */
    void configuration(Exchange exchange) throws IOException {
        String path = exchange.path();
        String issuer = context.domain() + path.substring(0, path.length() - DOCUMENT.length());
        String domain = context.domain();
        Map<String, Object> document = new TreeMap<>();
        document.put("authorization_endpoint", domain + "/oauth2/authorize");
        // Cognito advertises its /logout here, although it is not OpenID Connect RP-initiated logout.
        document.put("end_session_endpoint", domain + "/logout");
        document.put("id_token_signing_alg_values_supported", List.of("RS256"));
        document.put("issuer", issuer);
        document.put("jwks_uri", issuer + "/.well-known/jwks.json");
        document.put("response_types_supported", List.of("code", "token"));
        document.put("revocation_endpoint", domain + "/oauth2/revoke");
        document.put("scopes_supported", List.of("openid", "email", "phone", "profile"));
        document.put("subject_types_supported", List.of("public"));
        document.put("token_endpoint", domain + "/oauth2/token");
        document.put("token_endpoint_auth_methods_supported", List.of("client_secret_basic", "client_secret_post"));
        // Cognito: userInfo with a capital I.
        document.put("userinfo_endpoint", domain + "/oauth2/userInfo");
        exchange.json(200, document);
    }

    void jwks(Exchange exchange) throws IOException {
        exchange.json(200, context.keys.jwks());
    }
}
