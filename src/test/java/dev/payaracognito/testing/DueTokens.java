package dev.payaracognito.testing;

import static org.junit.jupiter.api.Assertions.assertTrue;

import com.nimbusds.jwt.SignedJWT;
import dev.payaracognito.localcognito.LocalCognito;
import dev.payaracognito.security.CognitoSecurityConfiguration;
import java.text.ParseException;
import java.time.Duration;
import java.time.Instant;

/**
 * Tokens that fall due for a refresh soon after their issue, for the tests of what a refresh does. The mechanism
 * refreshes tokens {@link CognitoSecurityConfiguration#TOKEN_MIN_VALIDITY_MILLIS} before they expire, so tokens of
 * {@link #SOON} are due a second after their issue, and waiting for them is waiting by their own {@code exp}, not
 * a fixed sleep that a slow sign-in before it could make too short.
 */
public final class DueTokens {

    /** The lifetime that makes tokens due a second after their issue. */
    public static final Duration SOON = Duration.ofMillis(CognitoSecurityConfiguration.TOKEN_MIN_VALIDITY_MILLIS)
            .plusSeconds(1);

    private DueTokens() {
    }

    /** Waits until the user's latest tokens from this Cognito are due (a quarter of a second past it). */
    public static void await(LocalCognito cognito, String user) throws InterruptedException {
        Instant due = dueAt(cognito, user);
        Duration wait = Duration.between(Instant.now(), due.plusMillis(250));
        assertTrue(wait.compareTo(Duration.ofMinutes(1)) < 0, user + "'s tokens are due only at " + due);
        if (!wait.isNegative()) {
            Thread.sleep(wait.toMillis());
        }
    }

    /** When the user's latest tokens from this Cognito fall due. */
    private static Instant dueAt(LocalCognito cognito, String user) {
        try {
            return SignedJWT.parse(cognito.lastTokens(user).get("access_token")).getJWTClaimsSet().getExpirationTime()
                    .toInstant().minusMillis(CognitoSecurityConfiguration.TOKEN_MIN_VALIDITY_MILLIS);
        } catch (ParseException e) {
            throw new AssertionError("the local Cognito issued an access token that does not parse", e);
        }
    }
}
