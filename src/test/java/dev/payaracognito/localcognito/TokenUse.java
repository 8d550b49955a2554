package dev.payaracognito.localcognito;

/** Cognito's {@code token_use} claim: the only thing in its tokens that tells an ID token from an access token. */
public enum TokenUse {
    ID("id"),
    ACCESS("access");

    private final String claimValue;

    TokenUse(String claimValue) {
        this.claimValue = claimValue;
    }

    public String claimValue() {
        return claimValue;
    }
}
