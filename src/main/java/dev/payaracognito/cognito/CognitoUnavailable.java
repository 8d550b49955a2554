package dev.payaracognito.cognito;

/** Cognito could not be reached (down, slow, or answering nonsense): a 503, not the user's fault. */
public final class CognitoUnavailable extends RuntimeException {

    public CognitoUnavailable(String message, Throwable cause) {
        super(message, cause);
    }
}
