package dev.payaracognito.localcognito.endpoints;

import dev.payaracognito.localcognito.AppClient;
import dev.payaracognito.localcognito.OAuthFlow;
import dev.payaracognito.localcognito.UserPool;
import java.io.IOException;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Set;

/** A checked {@code /oauth2/authorize} request, as both the authorize endpoint and the login form see it. */
record AuthorizationRequest(AppClient client, String redirectUri, String state, Set<String> scopes, String nonce,
        String codeChallenge) {

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
        return new AuthorizationRequest(client, redirectUri, state, scopes, parameters.get("nonce"), challenge);
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
