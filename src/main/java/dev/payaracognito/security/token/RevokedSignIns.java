package dev.payaracognito.security.token;

import java.time.Instant;

/**
 * Sign-ins that have ended (signed out here, their refresh token revoked at Cognito), by Cognito's
 * {@code origin_jti}: the access tokens of such a sign-in still verify offline until they expire, so the API
 * refuses them itself. An entry is needed only until the last of those tokens expires. An interface, so that
 * several instances of the app can share one list.
 */
public interface RevokedSignIns {

    /** From now on, refuse the tokens of sign-in {@code originJti}; forget it after {@code until}. */
    void revoke(String originJti, Instant until);

    boolean isRevoked(String originJti);
}
