package dev.payaracognito.localcognito;

import java.time.Duration;

/**
 * An app client's refresh token rotation (Cognito's {@code RefreshTokenRotation}, since 2025): when enabled, every
 * refresh answers a new refresh token too, and the one it was sent stays valid for the grace period only (0 to 60
 * seconds; 0: "a successful request immediately invalidates the submitted refresh token").
 */
public record RefreshTokenRotation(boolean enabled, Duration retryGracePeriod) {

    public static final RefreshTokenRotation DISABLED = new RefreshTokenRotation(false, Duration.ZERO);

    public RefreshTokenRotation {
        if (retryGracePeriod.isNegative() || retryGracePeriod.compareTo(Duration.ofSeconds(60)) > 0) {
            throw new IllegalArgumentException("RetryGracePeriodSeconds is 0 to 60");
        }
    }

    /** Enabled, with {@code gracePeriod} for the refresh token it replaces. */
    public static RefreshTokenRotation enabled(Duration gracePeriod) {
        return new RefreshTokenRotation(true, gracePeriod);
    }
}
