package dev.payaracognito.localcognito;

import java.util.List;

/** A user of the pool: {@code sub} is a UUID as in Cognito; groups become {@code cognito:groups}. */
public record PoolUser(String username, String sub, String passwordHash, String email, boolean emailVerified,
        List<String> groups) {

    public PoolUser {
        PasswordHash.requireWellFormed(passwordHash);
        groups = List.copyOf(groups);
    }
}
