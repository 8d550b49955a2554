package dev.payaracognito.localcognito.tokens;

import dev.payaracognito.localcognito.AppClient;
import dev.payaracognito.localcognito.PoolUser;
import java.time.Instant;
import java.util.Set;

/**
 * One authentication of a user for a client. {@code originJti} and {@code eventId} are shared by every token
 * minted from it, refreshes included, as in Cognito.
 */
public record SignIn(PoolUser user, AppClient client, Set<String> scopes, String nonce, Instant authTime,
        String originJti, String eventId) {

    /** Refreshed tokens are the same authentication without the nonce (Cognito does not repeat it). */
    public SignIn forRefresh() {
        return new SignIn(user, client, scopes, null, authTime, originJti, eventId);
    }
}
