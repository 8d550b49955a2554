package dev.payaracognito.audit;

import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.LongAdder;
import org.eclipse.microprofile.metrics.Counter;
import org.eclipse.microprofile.metrics.Metadata;
import org.eclipse.microprofile.metrics.MetricRegistry;
import org.eclipse.microprofile.metrics.Tag;
import org.eclipse.microprofile.metrics.annotation.RegistryScope;

/**
 * What the app's security did since it started, as MicroProfile Metrics (Prometheus text at
 * {@code /metrics?scope=application}, names starting {@code payara_cognito_}); {@code /api/admin/stats} reads the
 * same counters. Each counter is looked up once: counting is then one add, on the API's hot path too.
 */
@ApplicationScoped
public class SecurityStats {

    private static final String PREFIX = "payara_cognito_";

    @Inject
    @RegistryScope(scope = MetricRegistry.APPLICATION_SCOPE)
    private MetricRegistry registry;

    private Counter signIns;
    private Counter refreshes;
    private Counter refreshesDeferred;
    private Counter signOuts;
    private Counter revocations;
    private Counter revokedOverCapacity;
    private Counter apiAccepted;
    private Counter apiRefused;
    private Counter apiPublic;
    private Counter cacheHits;
    private Counter cacheMisses;
    private Counter jwksFetches;
    private Counter jwksFailures;
    private final LongAdder activeSessions = new LongAdder();
    private final Map<String, Counter> refusals = new ConcurrentHashMap<>();

    @PostConstruct
    void register() {
        signIns = counter("sign_ins", "Browser sign-ins that completed");
        refreshes = counter("token_refreshes", "Token refreshes, by outcome", new Tag("outcome", "refreshed"));
        refreshesDeferred = counter("token_refreshes", "Token refreshes, by outcome", new Tag("outcome", "deferred"));
        signOuts = counter("sign_outs", "Sign-outs");
        revocations = counter("revoked_sign_ins", "Sign-ins ended: their tokens refused from then on");
        revokedOverCapacity = counter("revoked_sign_ins_over_capacity",
                "Sign-ins ended while the list of ended sign-ins was full of live entries (it grew past its size)");
        apiAccepted = counter("api_calls", "REST API calls, by outcome", new Tag("outcome", "accepted"));
        apiRefused = counter("api_calls", "REST API calls, by outcome", new Tag("outcome", "refused"));
        apiPublic = counter("api_calls", "REST API calls, by outcome", new Tag("outcome", "public"));
        cacheHits = counter("token_cache_lookups", "Validated-token cache lookups", new Tag("result", "hit"));
        cacheMisses = counter("token_cache_lookups", "Validated-token cache lookups", new Tag("result", "miss"));
        jwksFetches = counter("jwks_fetches", "JWKS requests to Cognito, by outcome", new Tag("outcome", "fetched"));
        jwksFailures = counter("jwks_fetches", "JWKS requests to Cognito, by outcome", new Tag("outcome", "failed"));
        registry.gauge(Metadata.builder().withName(PREFIX + "active_sessions")
                .withDescription("HTTP sessions started on this node and not ended").build(), activeSessions,
                LongAdder::sum);
    }

    public void signedIn() {
        signIns.inc();
    }

    public void refreshed() {
        refreshes.inc();
    }

    public void refreshDeferred() {
        refreshesDeferred.inc();
    }

    public void signedOut() {
        signOuts.inc();
    }

    public void revoked() {
        revocations.inc();
    }

    public void revokedSignInsOverCapacity() {
        revokedOverCapacity.inc();
    }

    /** A refused sign-in or API call, by reason code ({@code sign-in:…}, {@code api:…}). */
    public void refused(String reason) {
        refusals.computeIfAbsent(reason, r -> counter("refusals", "Refused sign-ins and API calls, by reason",
                new Tag("reason", r))).inc();
    }

    public void apiAccepted() {
        apiAccepted.inc();
    }

    public void apiRefused() {
        apiRefused.inc();
    }

    /** An API call without a token to a public resource ({@code /api/status}). */
    public void apiPublic() {
        apiPublic.inc();
    }

    public void tokenCacheHit() {
        cacheHits.inc();
    }

    public void tokenCacheMiss() {
        cacheMisses.inc();
    }

    public void jwksFetched() {
        jwksFetches.inc();
    }

    public void jwksFetchFailed() {
        jwksFailures.inc();
    }

    public void sessionCreated() {
        activeSessions.increment();
    }

    public void sessionEnded() {
        activeSessions.decrement();
    }

    public long signIns() {
        return signIns.getCount();
    }

    public long refreshes() {
        return refreshes.getCount();
    }

    public long refreshesDeferred() {
        return refreshesDeferred.getCount();
    }

    public long signOuts() {
        return signOuts.getCount();
    }

    public long revocations() {
        return revocations.getCount();
    }

    public long apiCalls() {
        return apiAccepted.getCount() + apiRefused.getCount() + apiPublic.getCount();
    }

    public long activeSessions() {
        return activeSessions.sum();
    }

    public long jwksFetches() {
        return jwksFetches.getCount() + jwksFailures.getCount();
    }

    public long jwksFailures() {
        return jwksFailures.getCount();
    }

    /** Hits over lookups, 0 before the first lookup. */
    public double tokenCacheHitRatio() {
        long hits = cacheHits.getCount();
        long all = hits + cacheMisses.getCount();
        return all == 0 ? 0 : (double) hits / all;
    }

    public Map<String, Long> refusals() {
        Map<String, Long> counts = new TreeMap<>();
        refusals.forEach((reason, count) -> counts.put(reason, count.getCount()));
        return counts;
    }

    private Counter counter(String name, String description, Tag... tags) {
        return registry.counter(Metadata.builder().withName(PREFIX + name).withDescription(description).build(),
                tags);
    }
}
