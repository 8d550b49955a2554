package dev.payaracognito.security.browser;

import java.time.Instant;
import java.util.List;

/**
 * What a signed-in user's page shows of the sign-in, from the session's record (the tokens stay on the server): the
 * ID token's e-mail (null when it has none), the groups, and when the first of the tokens expires.
 */
public record SignInSummary(String email, List<String> groups, Instant tokensExpireAt) {}
