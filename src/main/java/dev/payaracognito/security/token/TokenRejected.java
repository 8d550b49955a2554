package dev.payaracognito.security.token;

/**
 * A Cognito token we refuse, with a reason code for the log and the audit trail. The message never contains
 * the token.
 */
public final class TokenRejected extends Exception {

    /** Why a token was refused; {@link #KEYS_UNAVAILABLE} is the provider's fault, not the token's. */
    public enum Reason {
        MALFORMED,
        ALGORITHM,
        HEADER,
        UNKNOWN_KEY,
        SIGNATURE,
        ISSUER,
        AUDIENCE,
        CLIENT,
        TOKEN_USE,
        MISSING_CLAIM,
        EXPIRED,
        NOT_YET_VALID,
        /** The ID and access tokens of one sign-in do not belong together. */
        MISMATCH,
        /** The sign-in the token comes from has ended: signed out, its refresh token revoked. */
        REVOKED,
        KEYS_UNAVAILABLE
    }

    private final Reason reason;

    public TokenRejected(Reason reason, String detail) {
        super(reason + ": " + detail, null, false, false);
        this.reason = reason;
    }

    public Reason reason() {
        return reason;
    }
}
