package dev.payaracognito.localcognito;

import java.time.Duration;
import java.util.EnumMap;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

/** Request counts per endpoint, and the outages tests inject: an endpoint that fails, hangs or talks nonsense. */
final class Faults {

    /**
     * After {@code delay}, the endpoint answers {@code status} with {@code body} as text/html; status 0 means it
     * then answers normally.
     */
    record Fault(int status, String body, Duration delay) {}

    private final Map<Endpoint, AtomicInteger> counts = new EnumMap<>(Endpoint.class);
    private final Map<Endpoint, Fault> faults = new ConcurrentHashMap<>();

    Faults() {
        for (Endpoint endpoint : Endpoint.values()) {
            counts.put(endpoint, new AtomicInteger());
        }
    }

    Fault arrived(Endpoint endpoint) {
        counts.get(endpoint).incrementAndGet();
        return faults.get(endpoint);
    }

    int count(Endpoint endpoint) {
        return counts.get(endpoint).get();
    }

    void resetCounts() {
        counts.values().forEach(c -> c.set(0));
    }

    void inject(Endpoint endpoint, Fault fault) {
        faults.put(endpoint, fault);
    }

    void heal(Endpoint endpoint) {
        faults.remove(endpoint);
    }

    void healAll() {
        faults.clear();
    }
}
