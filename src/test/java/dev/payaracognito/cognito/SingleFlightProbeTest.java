package dev.payaracognito.cognito;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

class SingleFlightProbeTest {

    private final AtomicLong now = new AtomicLong();
    private final AtomicInteger probes = new AtomicInteger();

    @Test
    void whenTheAnswerIsStaleConcurrentCallersShareOneProbe() throws Exception {
        CountDownLatch probing = new CountDownLatch(1);
        CountDownLatch release = new CountDownLatch(1);
        SingleFlightProbe probe = new SingleFlightProbe(() -> {
            probes.incrementAndGet();
            probing.countDown();
            await(release);
            return true;
        }, Duration.ofSeconds(5), now::get);
        List<Thread> waiting = new ArrayList<>();
        ExecutorService callers = Executors.newFixedThreadPool(20, task -> {
            Thread thread = new Thread(task);
            waiting.add(thread);
            return thread;
        });
        try {
            List<Future<Boolean>> answers = new ArrayList<>();
            answers.add(callers.submit(probe::answer));
            assertTrue(probing.await(5, TimeUnit.SECONDS), "the first caller probes");
            for (int i = 0; i < 19; i++) {
                answers.add(callers.submit(probe::answer));
            }
            // every caller is parked: nineteen on the probe in flight (or, were it not single-flight, in probes)
            awaitParked(waiting);
            release.countDown();
            for (Future<Boolean> answer : answers) {
                assertTrue(answer.get(5, TimeUnit.SECONDS));
            }
            assertEquals(1, probes.get(), "one probe for twenty callers");
        } finally {
            callers.shutdownNow();
        }
    }

    private static void awaitParked(List<Thread> threads) throws InterruptedException {
        for (int tries = 0; tries < 500; tries++) {
            if (threads.size() == 20 && threads.stream().allMatch(t -> t.getState() == Thread.State.WAITING
                    || t.getState() == Thread.State.TIMED_WAITING)) {
                return;
            }
            Thread.sleep(10);
        }
        throw new AssertionError("the callers did not all wait");
    }

    @Test
    void anAnswerIsKeptForItsTimeThenAskedAgain() {
        SingleFlightProbe probe = new SingleFlightProbe(() -> probes.incrementAndGet() % 2 == 1, Duration.ofSeconds(5),
                now::get);
        assertTrue(probe.answer());
        now.addAndGet(Duration.ofSeconds(4).toNanos());
        assertTrue(probe.answer());
        assertEquals(1, probes.get());
        now.addAndGet(Duration.ofSeconds(2).toNanos());
        assertFalse(probe.answer());
        assertEquals(2, probes.get());
    }

    @Test
    void aProbeThatFailsAnswersNoAndIsAskedAgainLater() {
        SingleFlightProbe probe = new SingleFlightProbe(() -> {
            if (probes.incrementAndGet() == 1) {
                throw new CognitoUnavailable("down", null);
            }
            return true;
        }, Duration.ofSeconds(5), now::get);
        assertFalse(probe.answer());
        now.addAndGet(Duration.ofSeconds(6).toNanos());
        assertTrue(probe.answer());
    }

    private static void await(CountDownLatch latch) {
        try {
            latch.await(10, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
