package dev.payaracognito.localcognito;

import java.time.Duration;

/** How long things live; tests shorten them through {@link LocalCognito}. */
final class Lifetimes {

    /** Cognito's authorization codes live five minutes; not configurable there either. */
    static final Duration CODE = Duration.ofMinutes(5);
    /** Cognito's hosted-UI session cookie lives one hour. */
    static final Duration HOSTED_SESSION = Duration.ofHours(1);

    /** ID and access tokens: 60 minutes by default (Cognito allows 5 minutes to 1 day). */
    volatile Duration token = Duration.ofMinutes(60);
    /** Refresh tokens: 30 days by default. */
    volatile Duration refreshToken = Duration.ofDays(30);
}
