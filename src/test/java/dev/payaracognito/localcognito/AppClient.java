package dev.payaracognito.localcognito;

import java.util.List;
import java.util.Set;

/**
 * An app client of the pool. Callback and sign-out URLs are matched as exact strings, as Cognito does (a
 * trailing slash counts). {@code requirePkce} makes the authorize endpoint refuse requests without S256.
 * {@code scopes} are the scopes it may get (Cognito's {@code AllowedOAuthScopes}), {@code oauthFlows} the flows it
 * may use: a user client has {@link OAuthFlow#CODE}, a machine client {@link OAuthFlow#CLIENT_CREDENTIALS};
 * {@code rotation}, whether its refreshes rotate the refresh token.
 */
public record AppClient(String clientId, String clientSecret, List<String> callbackUrls, List<String> signOutUrls,
        Set<String> scopes, boolean requirePkce, Set<OAuthFlow> oauthFlows, RefreshTokenRotation rotation) {

    public AppClient {
        callbackUrls = List.copyOf(callbackUrls);
        signOutUrls = List.copyOf(signOutUrls);
        scopes = Set.copyOf(scopes);
        oauthFlows = Set.copyOf(oauthFlows);
        // Cognito: client_credentials needs a client secret and at least one scope, and excludes the user flows.
        if (oauthFlows.contains(OAuthFlow.CLIENT_CREDENTIALS)
                && (clientSecret == null || scopes.isEmpty() || oauthFlows.size() > 1)) {
            throw new IllegalArgumentException(clientId + ": client_credentials needs a secret and scopes, and no"
                    + " other flow");
        }
    }

    /** A client that does not rotate refresh tokens (Cognito's default). */
    public AppClient(String clientId, String clientSecret, List<String> callbackUrls, List<String> signOutUrls,
            Set<String> scopes, boolean requirePkce, Set<OAuthFlow> oauthFlows) {
        this(clientId, clientSecret, callbackUrls, signOutUrls, scopes, requirePkce, oauthFlows,
                RefreshTokenRotation.DISABLED);
    }

    /** A user client: the authorization code flow. */
    public AppClient(String clientId, String clientSecret, List<String> callbackUrls, List<String> signOutUrls,
            Set<String> scopes, boolean requirePkce) {
        this(clientId, clientSecret, callbackUrls, signOutUrls, scopes, requirePkce, Set.of(OAuthFlow.CODE));
    }

    /** A machine client: client credentials only, with its secret and the resource servers' scopes it may get. */
    public static AppClient machine(String clientId, String clientSecret, Set<String> scopes) {
        return new AppClient(clientId, clientSecret, List.of(), List.of(), scopes, false,
                Set.of(OAuthFlow.CLIENT_CREDENTIALS));
    }

    public boolean hasSecret() {
        return clientSecret != null;
    }

    public boolean allows(OAuthFlow flow) {
        return oauthFlows.contains(flow);
    }

    public AppClient withRequirePkce(boolean required) {
        return new AppClient(clientId, clientSecret, callbackUrls, signOutUrls, scopes, required, oauthFlows, rotation);
    }

    public AppClient withRotation(RefreshTokenRotation refreshTokenRotation) {
        return new AppClient(clientId, clientSecret, callbackUrls, signOutUrls, scopes, requirePkce, oauthFlows,
                refreshTokenRotation);
    }
}
