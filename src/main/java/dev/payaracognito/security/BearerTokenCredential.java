package dev.payaracognito.security;

import jakarta.security.enterprise.credential.Credential;

/** An access token from an {@code Authorization: Bearer} header; the store records why it refused one. */
public final class BearerTokenCredential implements Credential {

    private final String token;
    private TokenRejected rejection;

    public BearerTokenCredential(String token) {
        this.token = token;
    }

    String token() {
        return token;
    }

    void refuse(TokenRejected reason) {
        this.rejection = reason;
    }

    public TokenRejected rejection() {
        return rejection;
    }

    @Override
    public String toString() {
        return "BearerTokenCredential[token hidden]";
    }
}
