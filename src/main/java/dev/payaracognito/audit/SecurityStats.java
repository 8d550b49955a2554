package dev.payaracognito.audit;

import jakarta.enterprise.context.ApplicationScoped;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.LongAdder;

/** Counts of what the app's security did since it started, for {@code /api/admin/stats}. */
@ApplicationScoped
public class SecurityStats {

    private final LongAdder signIns = new LongAdder();
    private final LongAdder apiCalls = new LongAdder();
    private final LongAdder activeSessions = new LongAdder();
    private final Map<String, LongAdder> refusals = new ConcurrentHashMap<>();

    public void signedIn() {
        signIns.increment();
    }

    /** A refused sign-in or API call, by reason code ({@code sign-in:…}, {@code api:…}). */
    public void refused(String reason) {
        refusals.computeIfAbsent(reason, r -> new LongAdder()).increment();
    }

    public void apiCall() {
        apiCalls.increment();
    }

    public void sessionCreated() {
        activeSessions.increment();
    }

    public void sessionEnded() {
        activeSessions.decrement();
    }

    public long signIns() {
        return signIns.sum();
    }

    public long apiCalls() {
        return apiCalls.sum();
    }

    public long activeSessions() {
        return activeSessions.sum();
    }

    public Map<String, Long> refusals() {
        Map<String, Long> counts = new TreeMap<>();
        refusals.forEach((reason, count) -> counts.put(reason, count.sum()));
        return counts;
    }
}
