package dev.payaracognito.security.token;

import java.net.URL;

/**
 * What the token cache, the pool's keys and the ended sign-ins report as they work, for whoever counts it (the app's metrics); this
 * package stays free of any metrics API.
 */
public interface TokenEvents {

    /** Counts nothing. */
    TokenEvents NONE = new TokenEvents() {};

    default void cacheHit() {}

    default void cacheMiss() {}

    /** A fetch of the pool's keys from {@code jwksUrl} begins: the answer hears how it ends. */
    default KeysFetch keysFetch(URL jwksUrl) {
        return KeysFetch.UNHEARD;
    }

    /** One fetch of the pool's keys, under way. */
    interface KeysFetch {

        KeysFetch UNHEARD = new KeysFetch() {};

        /** A JWK set came back. */
        default void fetched() {}

        /** No JWK set came back, for {@code why} (a class of failure: an exception's simple name). */
        default void failed(String why) {}
    }

    /** A sign-out found the list of ended sign-ins full of live entries: it grew past its size. */
    default void revokedSignInsOverCapacity() {}
}
