package dev.payaracognito.localcognito.tokens;

import java.time.Clock;
import java.time.Instant;
import java.util.HashSet;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;

/** What the pool has handed out and must remember: authorization codes and refresh tokens. */
public final class Grants {

    public record AuthorizationCode(SignIn signIn, String redirectUri, String codeChallenge, Instant expiresAt) {}

    public record RefreshGrant(SignIn signIn, Instant expiresAt) {}

    private final Map<String, AuthorizationCode> codes = new ConcurrentHashMap<>();
    private final Map<String, RefreshGrant> refreshTokens = new ConcurrentHashMap<>();
    private final Set<String> revokedOrigins = ConcurrentHashMap.newKeySet();
    private final Map<String, Integer> globalSignOuts = new ConcurrentHashMap<>();
    private final Clock clock;

    public Grants(Clock clock) {
        this.clock = clock;
    }

    /** Cognito's codes are UUIDs. */
    public String newCode(SignIn signIn, String redirectUri, String codeChallenge) {
        String code = UUID.randomUUID().toString();
        codes.put(code, new AuthorizationCode(signIn, redirectUri, codeChallenge, clock.instant().plus(Lifetimes.CODE)));
        return code;
    }

    /** A code is gone after its first use, whether that use succeeds or not. */
    public Optional<AuthorizationCode> redeem(String code) {
        return Optional.ofNullable(codes.remove(code)).filter(c -> clock.instant().isBefore(c.expiresAt()));
    }

    public void rememberRefreshToken(String token, RefreshGrant grant) {
        refreshTokens.put(token, grant);
    }

    public Optional<RefreshGrant> refreshGrant(String token) {
        return Optional.ofNullable(refreshTokens.get(token)).filter(g -> clock.instant().isBefore(g.expiresAt()));
    }

    /**
     * Rotation: {@code token} has been answered with a new refresh token, and stays valid until {@code until} only
     * (the grace period; at once when that is now).
     */
    public void rotatedOut(String token, Instant until) {
        refreshTokens.computeIfPresent(token, (t, grant) -> until.isAfter(clock.instant())
                ? new RefreshGrant(grant.signIn(), until.isBefore(grant.expiresAt()) ? until : grant.expiresAt())
                : null);
    }

    /**
     * Revokes the refresh token and, as Cognito does, the access tokens minted from the same sign-in, and with
     * rotation the whole family of refresh tokens that sign-in was given.
     */
    public void revoke(String token) {
        RefreshGrant grant = refreshTokens.remove(token);
        if (grant != null) {
            String origin = grant.signIn().originJti();
            revokedOrigins.add(origin);
            refreshTokens.values().removeIf(other -> origin.equals(other.signIn().originJti()));
        }
    }

    /**
     * Cognito's global sign-out of a user ({@code AdminUserGlobalSignOut}): every refresh token of theirs, in every
     * app client, is revoked with the access tokens minted from it.
     */
    public int signOutEverywhere(String username) {
        Set<String> origins = new HashSet<>();
        refreshTokens.values().removeIf(grant -> {
            boolean theirs = grant.signIn().user().username().equals(username);
            if (theirs) {
                origins.add(grant.signIn().originJti());
            }
            return theirs;
        });
        revokedOrigins.addAll(origins);
        globalSignOuts.merge(username, 1, Integer::sum);
        return origins.size();
    }

    /** How often {@code username} was signed out everywhere. */
    public int globalSignOuts(String username) {
        return globalSignOuts.getOrDefault(username, 0);
    }

    public boolean isRevoked(String originJti) {
        return revokedOrigins.contains(originJti);
    }
}
