package dev.payaracognito.cognito;

/**
 * Cognito answered, but with an error status or with something that is not a usable answer: its trouble, not the
 * user's. {@code temporary} for an error status (a 5xx: Cognito is failing now), not for a malformed answer.
 */
public final class CognitoTrouble extends RuntimeException {

    private final boolean temporary;

    public CognitoTrouble(String message, boolean temporary) {
        super(message, null, false, false);
        this.temporary = temporary;
    }

    public boolean temporary() {
        return temporary;
    }
}
