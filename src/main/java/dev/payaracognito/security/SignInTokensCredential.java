package dev.payaracognito.security;

import jakarta.security.enterprise.identitystore.openid.OpenIdContext;

/** The ID and access tokens of one sign-in, for {@link CognitoIdentityStore} to validate. */
public final class SignInTokensCredential extends CognitoCredential {

    private final String idToken;
    private final String accessToken;

    public SignInTokensCredential(String idToken, String accessToken) {
        this.idToken = idToken;
        this.accessToken = accessToken;
    }

    /** The tokens the OpenID mechanism holds for this session now: at sign-in, or after a refresh. */
    public static SignInTokensCredential of(OpenIdContext context) {
        return new SignInTokensCredential(context.getIdentityToken().getToken(), context.getAccessToken().getToken());
    }

    String idToken() {
        return idToken;
    }

    public String accessToken() {
        return accessToken;
    }
}
