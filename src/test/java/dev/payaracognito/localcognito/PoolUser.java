package dev.payaracognito.localcognito;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/**
 * A user of the pool: {@code sub} is a UUID as in Cognito; groups become {@code cognito:groups}. A federated
 * user has an {@code identity} and no password; a user of the pool's own directory has a password and no identity.
 */
public record PoolUser(String username, String sub, String passwordHash, String email, boolean emailVerified,
        List<String> groups, Identity identity) {

    /** Where a federated user comes from: the provider, the user's id there, when Cognito first linked them. */
    public record Identity(IdentityProvider provider, String userId, Instant dateCreated) {}

    public PoolUser {
        if (identity == null) {
            PasswordHash.requireWellFormed(passwordHash);
        } else if (passwordHash != null) {
            throw new IllegalArgumentException(username + " is federated: Cognito keeps no password for it");
        }
        groups = List.copyOf(groups);
    }

    /** A user of the pool's own directory, who signs in with a password. */
    public PoolUser(String username, String sub, String passwordHash, String email, boolean emailVerified,
            List<String> groups) {
        this(username, sub, passwordHash, email, emailVerified, groups, null);
    }

    /**
     * The user Cognito makes for a federated sign-in: username {@code {providerName}_{userId}}, first in the
     * automatic group {@code {userPoolId}_{providerName}}, then in {@code groups}. Its email is unverified, as
     * Cognito leaves it unless the provider's attribute mapping sets {@code email_verified}.
     */
    public static PoolUser federated(String userPoolId, IdentityProvider provider, String userId, String email,
            List<String> groups, Instant dateCreated) {
        String username = provider.providerName() + "_" + userId;
        List<String> memberOf = new ArrayList<>();
        memberOf.add(userPoolId + "_" + provider.providerName());
        memberOf.addAll(groups);
        return new PoolUser(username, stableSub(userPoolId, username), null, email, false, memberOf,
                new Identity(provider, userId, dateCreated));
    }

    public boolean isFederated() {
        return identity != null;
    }

    /** A user keeps its {@code sub} across restarts, so data an app keys by {@code sub} survives. */
    static String stableSub(String poolId, String username) {
        return UUID.nameUUIDFromBytes((poolId + "/" + username).getBytes(StandardCharsets.UTF_8)).toString();
    }
}
