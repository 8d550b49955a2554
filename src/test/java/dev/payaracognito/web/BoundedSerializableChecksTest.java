package dev.payaracognito.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

class BoundedSerializableChecksTest {

    @Test
    void aMapPutBackWithNewContentsAtEveryWriteKeepsTheCacheBounded() {
        BoundedSerializableChecks.RecentChecks checks = new BoundedSerializableChecks.RecentChecks();
        Map<String, String> views = new HashMap<>();
        for (int page = 0; page < 1_000; page++) {
            views.put("view" + page, "state");
            if (checks.getIfPresent(views) == null) { // as Payara asks: a new hash, not found, checked and put
                checks.put(views, false);
                checks.put(views, true);
            }
        }
        assertEquals(BoundedSerializableChecks.CHECKED, checks.size());
    }

    /**
     * The views' map changes after it was put, and fresh values come between (an Instant a minute, a refreshed
     * sign-in): each fresh value must push out an old entry, the map's of some pages ago among them, whose hash is
     * no longer the map's.
     */
    @Test
    void freshValuesBetweenTheViewsMapsWritesKeepTheCacheBoundedToo() {
        BoundedSerializableChecks.RecentChecks checks = new BoundedSerializableChecks.RecentChecks();
        String signIn = "the sealed sign-in";
        Map<String, String> views = new HashMap<>();
        for (int write = 0; write < 1_000; write++) {
            views.put("view" + write, "state");
            for (Object value : new Object[] {signIn, views, "an instant of write " + write}) {
                if (checks.getIfPresent(value) == null) {
                    checks.put(value, false);
                    checks.put(value, true);
                }
            }
            assertTrue(checks.size() <= BoundedSerializableChecks.CHECKED, "write " + write + ": " + checks.size());
        }
        assertEquals(Boolean.TRUE, checks.getIfPresent(signIn));
        assertEquals(Boolean.TRUE, checks.getIfPresent(views));
    }

    @Test
    void theValuesEveryWriteNamesStayWhileStaleOnesGo() {
        BoundedSerializableChecks.RecentChecks checks = new BoundedSerializableChecks.RecentChecks();
        String signIn = "the sealed sign-in";
        checks.put(signIn, true);
        Object firstStale = new Object();
        checks.put(firstStale, true);
        for (int write = 0; write < 100; write++) {
            assertEquals(Boolean.TRUE, checks.getIfPresent(signIn), "write " + write);
            checks.put(new Object(), true);
        }
        assertNull(checks.getIfPresent(firstStale));
        assertTrue(checks.size() <= BoundedSerializableChecks.CHECKED);
    }

    @Test
    void aValueThatDidNotSerializeIsRememberedAsSuch() {
        BoundedSerializableChecks.RecentChecks checks = new BoundedSerializableChecks.RecentChecks();
        Object unserializable = new Object();
        checks.put(unserializable, false);
        assertEquals(Boolean.FALSE, checks.getIfPresent(unserializable));
    }
}
