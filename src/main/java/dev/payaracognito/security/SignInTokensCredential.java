package dev.payaracognito.security;

import jakarta.security.enterprise.credential.Credential;

/**
 * The ID and access tokens of one sign-in, for {@link CognitoIdentityStore} to validate. The store records
 * why it refused them, so the sign-in can tell the user whether to retry now or later.
 */
public final class SignInTokensCredential implements Credential {

    private final String idToken;
    private final String accessToken;
    private TokenRejected rejection;

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

    void refuse(TokenRejected reason) {
        this.rejection = reason;
    }

    public TokenRejected rejection() {
        return rejection;
    }

    @Override
    public String toString() {
        return "SignInTokensCredential[tokens hidden]";
    }
}
