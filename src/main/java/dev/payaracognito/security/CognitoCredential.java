package dev.payaracognito.security;

import dev.payaracognito.security.token.TokenRejected;
import jakarta.security.enterprise.credential.Credential;

/**
 * A credential of Cognito tokens. {@link CognitoIdentityStore} records on it why it refused the tokens, so that
 * the mechanism that asked can log the reason and answer right (a 503 when Cognito's keys are unreachable).
 */
public abstract class CognitoCredential implements Credential {

    private TokenRejected rejection;

    void refuse(TokenRejected reason) {
        this.rejection = reason;
    }

    public TokenRejected rejection() {
        return rejection;
    }

    /** Why the store refused the tokens, for a log line. */
    public String refusal() {
        return rejection == null ? "invalid" : rejection.getMessage();
    }

    @Override
    public String toString() {
        return getClass().getSimpleName() + "[tokens hidden]";
    }
}
