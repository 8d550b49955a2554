package dev.payaracognito.localcognito;

import java.time.Duration;

/** How long things live; tests shorten them through {@link LocalCognito}. */
final class Lifetimes {

    /** Cognito's authorization codes live five minutes; not configurable there either. */
    static final Duration CODE = Duration.ofMinutes(5);
    /** Cognito's hosted-UI session cookie lives one hour. */
    static final Duration HOSTED_SESSION = Duration.ofHours(1);

    /** ID and access tokens: 60 minutes by default (Cognito allows 5 minutes to 1 day). */
    private static final Duration DEFAULT_TOKEN = Duration.ofMinutes(60);
    /** Refresh tokens: 30 days by default. */
    private static final Duration DEFAULT_REFRESH_TOKEN = Duration.ofDays(30);

    volatile Duration token = DEFAULT_TOKEN;
    volatile Duration refreshToken = DEFAULT_REFRESH_TOKEN;

    void restoreDefaults() {
        token = DEFAULT_TOKEN;
        refreshToken = DEFAULT_REFRESH_TOKEN;
    }
}
