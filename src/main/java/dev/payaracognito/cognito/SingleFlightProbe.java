package dev.payaracognito.cognito;

import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.function.BooleanSupplier;
import java.util.function.LongSupplier;

/**
 * A yes-or-no answer that costs a call to Cognito: kept for a while, and when it is stale, asked once, by one
 * caller, while every other caller that needs it meanwhile waits for that one answer (single flight). A probe that
 * throws answers no.
 */
final class SingleFlightProbe {

    private record Answer(boolean value, long at) {}

    private final BooleanSupplier probe;
    private final long keptNanos;
    private final LongSupplier nanoTime;
    private volatile Answer last;
    private CompletableFuture<Boolean> inFlight; // guarded by this

    SingleFlightProbe(BooleanSupplier probe, Duration kept, LongSupplier nanoTime) {
        this.probe = probe;
        this.keptNanos = kept.toNanos();
        this.nanoTime = nanoTime;
    }

    boolean answer() {
        Answer known = last;
        if (fresh(known)) {
            return known.value();
        }
        CompletableFuture<Boolean> flight;
        synchronized (this) {
            known = last;
            if (fresh(known)) {
                return known.value();
            }
            if (inFlight != null) {
                flight = inFlight;
            } else {
                inFlight = new CompletableFuture<>();
                flight = null;
            }
        }
        return flight != null ? flight.join() : ask();
    }

    private boolean ask() {
        boolean value;
        try {
            value = probe.getAsBoolean();
        } catch (RuntimeException e) {
            value = false;
        }
        CompletableFuture<Boolean> flight;
        synchronized (this) {
            last = new Answer(value, nanoTime.getAsLong());
            flight = inFlight;
            inFlight = null;
        }
        flight.complete(value);
        return value;
    }

    private boolean fresh(Answer answer) {
        return answer != null && nanoTime.getAsLong() - answer.at() < keptNanos;
    }
}
