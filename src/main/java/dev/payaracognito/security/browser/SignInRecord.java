package dev.payaracognito.security.browser;

import dev.payaracognito.security.token.CognitoToken;
import java.io.Serializable;
import java.time.Instant;

/**
 * What a signed-in session keeps of its sign-in: who signed in (a refresh must name the same user), when (the
 * absolute lifetime counts from it), which Cognito sign-in it is ({@code origin_jti}, refused everywhere after
 * sign-out), and the tokens our identity store last accepted (to notice a refresh, and to give the OpenID
 * mechanism its tokens again on another node). Serializable and a few kilobytes, so that it travels with the
 * session through the data grid.
 */
record SignInRecord(String subject, String username, String originJti, Instant signedInAt, SessionTokens tokens,
        Instant accessTokenExpiresAt) implements Serializable {

    static SignInRecord of(CognitoToken access, SessionTokens tokens, Instant now) {
        return new SignInRecord(access.subject(), access.username(), access.originJti(), now, tokens,
                access.expiresAt());
    }

    /** Whether {@code token} names the same user as this sign-in. */
    boolean sameUser(CognitoToken token) {
        return subject.equals(token.subject()) && username.equals(token.username());
    }

    /** Whether {@code accessToken} is the one our identity store last accepted for this session. */
    boolean validated(String accessToken) {
        return tokens.accessToken().equals(accessToken);
    }

    SignInRecord refreshed(CognitoToken access, SessionTokens refreshedTokens) {
        return new SignInRecord(subject, username, originJti, signedInAt, refreshedTokens, access.expiresAt());
    }
}
