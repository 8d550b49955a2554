package dev.payaracognito.security;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;

/**
 * Whether Cognito answers, asked before a browser is sent to its hosted UI: when it does not, a new sign-in
 * gets our "temporarily unavailable" page instead of a browser error on Cognito's host. The answer is kept a
 * few seconds, so an outage costs one probe per interval, and recovery needs no restart.
 */
@ApplicationScoped
public class CognitoHealth {

    private static final Duration KEPT = Duration.ofSeconds(5);

    @Inject
    private CognitoSettings settings;

    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(1)).build();
    private volatile Probe last = new Probe(true, 0);

    private record Probe(boolean reachable, long at) {}

    public boolean reachable() {
        Probe probe = last;
        if (System.nanoTime() - probe.at() < KEPT.toNanos() && probe.at() != 0) {
            return probe.reachable();
        }
        boolean reachable = probe();
        last = new Probe(reachable, System.nanoTime());
        return reachable;
    }

    /** The issuer's discovery document: small, and served by every user pool. */
    private boolean probe() {
        HttpRequest request = HttpRequest.newBuilder(URI.create(settings.getIssuer()
                + "/.well-known/openid-configuration")).timeout(Duration.ofSeconds(2)).build();
        try {
            return http.send(request, HttpResponse.BodyHandlers.discarding()).statusCode() == 200;
        } catch (IOException e) {
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }
}
