package dev.payaracognito.localcognito.faults;

import dev.payaracognito.localcognito.Endpoint;
import java.time.Duration;
import java.util.EnumMap;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Request counts per endpoint (and the last trace context each was sent), and the outages tests inject: an endpoint
 * that fails, hangs or talks nonsense.
 */
public final class Faults {

    /**
     * After {@code delay}, the endpoint answers {@code status} with {@code body} as text/html; status 0 means it
     * then answers normally. A request still waiting when the fault is healed gets no answer at all: the
     * connection closes, as a dead server's would, and nothing of it reaches the pool after its test.
     */
    public record Fault(int status, String body, Duration delay, CountDownLatch healed) {

        public Fault(int status, String body, Duration delay) {
            this(status, body, delay, new CountDownLatch(1));
        }

        /** Waits out the delay; true if the fault was healed meanwhile. */
        public boolean healedWithinDelay() throws InterruptedException {
            return delay.isPositive() && healed.await(delay.toMillis(), TimeUnit.MILLISECONDS);
        }
    }

    private final Map<Endpoint, AtomicInteger> counts = new EnumMap<>(Endpoint.class);
    private final Map<Endpoint, String> traceparents = new java.util.concurrent.ConcurrentHashMap<>();
    private final Map<Endpoint, Fault> faults = new ConcurrentHashMap<>();

    public Faults() {
        for (Endpoint endpoint : Endpoint.values()) {
            counts.put(endpoint, new AtomicInteger());
        }
    }

    /** A request to {@code endpoint}, with the W3C trace context it carried (null if none). */
    public Fault arrived(Endpoint endpoint, String traceparent) {
        counts.get(endpoint).incrementAndGet();
        if (traceparent != null) {
            traceparents.put(endpoint, traceparent);
        }
        return faults.get(endpoint);
    }

    /** The {@code traceparent} header of the last request to {@code endpoint} that had one; null if none did. */
    public String lastTraceparent(Endpoint endpoint) {
        return traceparents.get(endpoint);
    }

    public int count(Endpoint endpoint) {
        return counts.get(endpoint).get();
    }

    public void resetCounts() {
        counts.values().forEach(c -> c.set(0));
    }

    public void inject(Endpoint endpoint, Fault fault) {
        Fault replaced = faults.put(endpoint, fault);
        if (replaced != null) {
            replaced.healed().countDown();
        }
    }

    public void heal(Endpoint endpoint) {
        Fault healed = faults.remove(endpoint);
        if (healed != null) {
            healed.healed().countDown();
        }
    }

    public void healAll() {
        for (Endpoint endpoint : Endpoint.values()) {
            heal(endpoint);
        }
    }
}
