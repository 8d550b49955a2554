package dev.payaracognito.localcognito.tokens;

import dev.payaracognito.localcognito.LocalCognito;
import java.time.Duration;

/** How long things live; tests shorten them through {@link LocalCognito}. */
public final class Lifetimes {

    /** Cognito's authorization codes live five minutes; not configurable there either. */
    static final Duration CODE = Duration.ofMinutes(5);
    /** Cognito's hosted-UI session cookie lives one hour. */
    public static final Duration HOSTED_SESSION = Duration.ofHours(1);

    /** ID and access tokens: 60 minutes by default (Cognito allows 5 minutes to 1 day). */
    private static final Duration DEFAULT_TOKEN = Duration.ofMinutes(60);
    /** Refresh tokens: 30 days by default. */
    private static final Duration DEFAULT_REFRESH_TOKEN = Duration.ofDays(30);

    public volatile Duration token = DEFAULT_TOKEN;
    public volatile Duration refreshToken = DEFAULT_REFRESH_TOKEN;

    public void restoreDefaults() {
        token = DEFAULT_TOKEN;
        refreshToken = DEFAULT_REFRESH_TOKEN;
    }
}
