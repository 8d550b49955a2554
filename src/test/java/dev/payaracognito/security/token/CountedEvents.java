package dev.payaracognito.security.token;

import java.net.URL;
import java.util.concurrent.atomic.AtomicInteger;

/** {@link TokenEvents} counted, for tests to see what the cache and the keys did. */
final class CountedEvents implements TokenEvents {

    final AtomicInteger hits = new AtomicInteger();
    final AtomicInteger misses = new AtomicInteger();
    final AtomicInteger fetched = new AtomicInteger();
    final AtomicInteger failed = new AtomicInteger();

    @Override
    public void cacheHit() {
        hits.incrementAndGet();
    }

    @Override
    public void cacheMiss() {
        misses.incrementAndGet();
    }

    @Override
    public KeysFetch keysFetch(URL jwksUrl) {
        return new KeysFetch() {
            @Override
            public void fetched() {
                fetched.incrementAndGet();
            }

            @Override
            public void failed(String why) {
                failed.incrementAndGet();
            }
        };
    }
}
