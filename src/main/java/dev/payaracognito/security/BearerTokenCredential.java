package dev.payaracognito.security;

/** An access token from an {@code Authorization: Bearer} header. */
public final class BearerTokenCredential extends CognitoCredential {

    private final String token;

    public BearerTokenCredential(String token) {
        this.token = token;
    }

    String token() {
        return token;
    }
}
