package dev.payaracognito.security.browser;

/**
 * The tokens of a signed-in session as our identity store last accepted them, as plain strings: what the OpenID
 * mechanism's own context holds, in a form that travels with the session to another node, in its sealed
 * {@link SignInRecord} ({@link OpenIdContextReplica}). The refresh token is absent when Cognito gave none.
 */
record SessionTokens(String tokenType, String idToken, String accessToken, String refreshToken, String scope) {

    /** Never the tokens themselves: a record may end up in a log line or an exception. */
    @Override
    public String toString() {
        return "SessionTokens[tokenType=" + tokenType + ", scope=" + scope + ", refreshToken="
                + (refreshToken == null ? "none" : "present") + "]";
    }
}
