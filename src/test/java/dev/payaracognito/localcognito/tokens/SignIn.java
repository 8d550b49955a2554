package dev.payaracognito.localcognito;

import java.time.Instant;
import java.util.Set;

/**
 * One authentication of a user for a client. {@code originJti} and {@code eventId} are shared by every token
 * minted from it, refreshes included, as in Cognito.
 */
record SignIn(PoolUser user, AppClient client, Set<String> scopes, String nonce, Instant authTime,
        String originJti, String eventId) {

    /** Refreshed tokens are the same authentication without the nonce (Cognito does not repeat it). */
    SignIn forRefresh() {
        return new SignIn(user, client, scopes, null, authTime, originJti, eventId);
    }
}
