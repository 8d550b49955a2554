package dev.payaracognito.security.token;

/**
 * What the token cache, the pool's keys and the ended sign-ins report as they work, for whoever counts it (the app's metrics); this
 * package stays free of any metrics API.
 */
public interface TokenEvents {

    /** Counts nothing. */
    TokenEvents NONE = new TokenEvents() {};

    default void cacheHit() {}

    default void cacheMiss() {}

    default void keysFetched() {}

    default void keysFetchFailed() {}

    /** A sign-out found the list of ended sign-ins full of live entries: it grew past its size. */
    default void revokedSignInsOverCapacity() {}
}
