package dev.payaracognito.security;

/** The ID and access tokens of one sign-in, for {@link CognitoIdentityStore} to validate. */
public final class SignInTokensCredential extends CognitoCredential {

    private final String idToken;
    private final String accessToken;

    public SignInTokensCredential(String idToken, String accessToken) {
        this.idToken = idToken;
        this.accessToken = accessToken;
    }

    String idToken() {
        return idToken;
    }

    String accessToken() {
        return accessToken;
    }
}
