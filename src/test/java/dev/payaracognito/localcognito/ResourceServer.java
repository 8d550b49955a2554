package dev.payaracognito.localcognito;

import java.util.Set;
import java.util.stream.Collectors;

/**
 * A resource server of the pool: an API that defines its own scopes. A scope's full name, as clients ask for it
 * and access tokens carry it, is {@code identifier/scopeName} (e.g. {@code payara-api/read}).
 */
public record ResourceServer(String identifier, Set<String> scopeNames) {

    public ResourceServer {
        if (identifier.isBlank() || scopeNames.stream().anyMatch(s -> s.isBlank() || s.contains(" "))) {
            throw new IllegalArgumentException("a resource server needs an identifier and scope names without spaces");
        }
        scopeNames = Set.copyOf(scopeNames);
    }

    /** The full names of its scopes, {@code identifier/scopeName}. */
    public Set<String> scopes() {
        return scopeNames.stream().map(name -> identifier + "/" + name).collect(Collectors.toUnmodifiableSet());
    }
}
