package dev.payaracognito.localcognito;

import java.util.Arrays;

/**
 * The OAuth flows an app client allows (Cognito's {@code AllowedOAuthFlows}); the local Cognito has no implicit
 * flow. Cognito refuses a client that allows {@code client_credentials} together with a user flow.
 */
public enum OAuthFlow {
    CODE("code"),
    CLIENT_CREDENTIALS("client_credentials");

    private final String flowName;

    OAuthFlow(String flowName) {
        this.flowName = flowName;
    }

    /** The name in Cognito's API and in a pool file: {@code code}, {@code client_credentials}. */
    public String flowName() {
        return flowName;
    }

    public static OAuthFlow named(String flowName) {
        return Arrays.stream(values()).filter(f -> f.flowName.equals(flowName)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("not an OAuth flow of the local Cognito: " + flowName));
    }
}
