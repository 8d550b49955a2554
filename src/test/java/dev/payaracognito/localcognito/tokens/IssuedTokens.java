package dev.payaracognito.localcognito.tokens;

import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * What the token endpoint was asked and what it handed out, for tests: requests per grant type (a refresh is
 * {@code refresh_token}, a new sign-in {@code authorization_code}), the refusals, and each user's last tokens.
 */
public final class IssuedTokens {

    private final Map<String, AtomicInteger> requests = new ConcurrentHashMap<>();
    private final Map<String, TokenFactory.Tokens> lastByUser = new ConcurrentHashMap<>();
    private final List<String> refusals = new CopyOnWriteArrayList<>();

    public void requested(String grantType) {
        requests.computeIfAbsent(String.valueOf(grantType), g -> new AtomicInteger()).incrementAndGet();
    }

    public int requests(String grantType) {
        AtomicInteger count = requests.get(grantType);
        return count == null ? 0 : count.get();
    }

    public void issued(String username, TokenFactory.Tokens tokens) {
        // A refresh answer has no refresh token: the user's keeps the one of the sign-in.
        lastByUser.merge(username, tokens, (old, refreshed) -> refreshed.refreshToken() != null ? refreshed
                : new TokenFactory.Tokens(refreshed.idToken(), refreshed.accessToken(), old.refreshToken(),
                        refreshed.expiresIn()));
    }

    public TokenFactory.Tokens last(String username) {
        return lastByUser.get(username);
    }

    /** A token request refused with {@code error}, for {@code reason}. */
    public void refused(String error, String reason) {
        refusals.add(error + " (" + reason + ")");
    }

    public List<String> refusals() {
        return List.copyOf(refusals);
    }

    public void reset() {
        requests.clear();
        refusals.clear();
    }
}
