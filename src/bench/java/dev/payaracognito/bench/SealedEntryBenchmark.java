package dev.payaracognito.bench;

import dev.payaracognito.cluster.SessionKeys;
import java.security.SecureRandom;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * Opening and sealing one entry of the data grid as the app does: the profile page opens every index entry of its
 * user, an admin's search every entry of the cluster. An entry the size of an index entry with the local Cognito's
 * refresh token (about 700 bytes): {@code ./mvnw -Pbench -Dbench.args="SealedEntryBenchmark"}.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(2)
public class SealedEntryBenchmark {

    private static final String PURPOSE = "benchmark entry";

    private SessionKeys keys;
    private byte[] plaintext;
    private byte[] sealed;

    @Setup
    public void sealOne() {
        SecureRandom random = new SecureRandom();
        keys = SessionKeys.ofThisNode(random);
        plaintext = new byte[700];
        random.nextBytes(plaintext);
        sealed = keys.seal(PURPOSE, plaintext);
    }

    @Benchmark
    public byte[] open() throws SessionKeys.Unopened {
        return keys.open(PURPOSE, sealed);
    }

    @Benchmark
    public byte[] seal() {
        return keys.seal(PURPOSE, plaintext);
    }
}
