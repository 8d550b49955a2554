package dev.payaracognito.localcognito.endpoints;

import dev.payaracognito.localcognito.AppClient;
import dev.payaracognito.localcognito.IdentityProvider;
import dev.payaracognito.localcognito.OAuthFlow;
import dev.payaracognito.localcognito.UserPool;
import java.io.IOException;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Set;

/**
 * A checked {@code /oauth2/authorize} request, as the authorize endpoint, the login form and a stand-in identity
 * provider see it. {@code identityProvider} is the one it goes straight to, or null for the pool's own sign-in.
 */
record AuthorizationRequest(AppClient client, String redirectUri, String state, Set<String> scopes, String nonce,
        String codeChallenge, IdentityProvider identityProvider) {

    /** RFC 7636: 43 to 128 characters of the unreserved set. */
    private static final String CODE_CHALLENGE = "[A-Za-z0-9._~-]{43,128}";

    /** The exchange's authorize request, checked; null when it was not one, and the error has been answered. */
    static AuthorizationRequest checkOrAnswer(Exchange exchange, UserPool pool) throws IOException {
        try {
            return check(exchange.query(), exchange.hadRepeatedParameter(), pool);
        } catch (HostedUiError error) {
            error.answer(exchange);
            return null;
        }
    }

    static AuthorizationRequest check(Map<String, String> parameters, boolean repeated, UserPool pool)
            throws HostedUiError {
        AppClient client = pool.client(nonNull(parameters.get("client_id")))
                .orElseThrow(() -> HostedUiError.page("The client_id is not an app client of this user pool."));
        String redirectUri = parameters.get("redirect_uri");
        // Cognito: redirect_uri must match a registered callback URL exactly; a trailing slash counts.
        if (redirectUri == null || !client.callbackUrls().contains(redirectUri)) {
            throw HostedUiError.page("The redirect_uri is not a callback URL of this app client.");
        }
        String state = parameters.get("state");
        if (repeated) {
            throw HostedUiError.redirect(redirectUri, "invalid_request", state);
        }
        String responseType = parameters.get("response_type");
        if (!"code".equals(responseType)) {
            // The local Cognito has no implicit flow; Cognito answers other types this way.
            throw HostedUiError.redirect(redirectUri, responseType == null || !responseType.equals("token")
                    ? "invalid_request" : "unauthorized_client", state);
        }
        if (!client.allows(OAuthFlow.CODE)) {
            throw HostedUiError.redirect(redirectUri, "unauthorized_client", state);
        }
        Set<String> scopes = scopes(parameters.get("scope"), client);
        if (!client.scopes().containsAll(scopes)) {
            throw HostedUiError.redirect(redirectUri, "invalid_scope", state);
        }
        String challenge = parameters.get("code_challenge");
        String method = parameters.get("code_challenge_method");
        // Cognito accepts only S256 for PKCE; plain (or no method, which means plain) is refused.
        if (challenge != null && (!"S256".equals(method) || !challenge.matches(CODE_CHALLENGE))
                || challenge == null && method != null
                || challenge == null && client.requirePkce()) {
            throw HostedUiError.redirect(redirectUri, "invalid_request", state);
        }
        return new AuthorizationRequest(client, redirectUri, state, scopes, parameters.get("nonce"), challenge,
                identityProvider(parameters, pool, redirectUri, state));
    }

    /** An unknown provider is refused by redirecting with {@code invalid_request} (Cognito's answer unconfirmed). */
    private static IdentityProvider identityProvider(Map<String, String> parameters, UserPool pool,
            String redirectUri, String state) throws HostedUiError {
        String providerName = parameters.get("identity_provider");
        String idpIdentifier = parameters.get("idp_identifier");
        if (providerName == null && idpIdentifier == null) {
            return null;
        }
        return pool.identityProvider(providerName, idpIdentifier).orElseThrow(() -> HostedUiError.redirect(
                redirectUri, "invalid_request", "No identity provider " + (providerName != null ? providerName
                        : "for " + idpIdentifier) + " in this user pool.", state));
    }

    /** No scope asks for all the client's scopes, as in Cognito. */
    private static Set<String> scopes(String requested, AppClient client) {
        if (requested == null || requested.isBlank()) {
            return new LinkedHashSet<>(client.scopes());
        }
        return new LinkedHashSet<>(Arrays.asList(requested.trim().split(" +")));
    }

    private static String nonNull(String value) {
        return value == null ? "" : value;
    }
}
