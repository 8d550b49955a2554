package dev.payaracognito.security.browser;

import dev.payaracognito.security.token.CognitoToken;
import java.io.Serializable;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.util.Base64;

/**
 * What a signed-in session keeps of its sign-in, beside the OpenID mechanism's tokens: who signed in (a refresh
 * must name the same user), when (the absolute lifetime counts from it), which Cognito sign-in it is
 * ({@code origin_jti}, refused by the API after sign-out), and which access token our identity store last
 * accepted (a digest, to notice a refresh). Small and Serializable, so that it travels with the session.
 */
record SignInRecord(String subject, String username, String originJti, Instant signedInAt,
        String validatedAccessToken, Instant accessTokenExpiresAt) implements Serializable {

    static SignInRecord of(CognitoToken access, String accessToken, Instant now) {
        return new SignInRecord(access.subject(), access.username(), access.originJti(), now, digest(accessToken),
                access.expiresAt());
    }

    /** Whether {@code token} names the same user as this sign-in. */
    boolean sameUser(CognitoToken token) {
        return subject.equals(token.subject()) && username.equals(token.username());
    }

    boolean validated(String accessToken) {
        return validatedAccessToken.equals(digest(accessToken));
    }

    SignInRecord refreshed(CognitoToken access, String accessToken) {
        return new SignInRecord(subject, username, originJti, signedInAt, digest(accessToken), access.expiresAt());
    }

    private static String digest(String token) {
        try {
            return Base64.getEncoder().encodeToString(
                    MessageDigest.getInstance("SHA-256").digest(token.getBytes(StandardCharsets.US_ASCII)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every JDK", e);
        }
    }
}
