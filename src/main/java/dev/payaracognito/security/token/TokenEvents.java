package dev.payaracognito.security.token;

/**
 * What the token cache and the pool's keys report as they work, for whoever counts it (the app's metrics); this
 * package stays free of any metrics API.
 */
public interface TokenEvents {

    /** Counts nothing. */
    TokenEvents NONE = new TokenEvents() {};

    default void cacheHit() {}

    default void cacheMiss() {}

    default void keysFetched() {}

    default void keysFetchFailed() {}
}
