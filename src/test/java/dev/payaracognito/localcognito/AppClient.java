package dev.payaracognito.localcognito;

import java.util.List;
import java.util.Set;

/**
 * An app client of the pool. Callback and sign-out URLs are matched as exact strings, as Cognito does (a
 * trailing slash counts). {@code requirePkce} makes the authorize endpoint refuse requests without S256.
 */
public record AppClient(String clientId, String clientSecret, List<String> callbackUrls, List<String> signOutUrls,
        Set<String> scopes, boolean requirePkce) {

    public AppClient {
        callbackUrls = List.copyOf(callbackUrls);
        signOutUrls = List.copyOf(signOutUrls);
        scopes = Set.copyOf(scopes);
    }

    public boolean hasSecret() {
        return clientSecret != null;
    }

    public AppClient withRequirePkce(boolean required) {
        return new AppClient(clientId, clientSecret, callbackUrls, signOutUrls, scopes, required);
    }
}
