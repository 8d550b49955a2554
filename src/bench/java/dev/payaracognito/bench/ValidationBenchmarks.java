package dev.payaracognito.bench;

import java.util.Collection;
import java.util.Map;
import java.util.TreeMap;
import org.openjdk.jmh.results.RunResult;
import org.openjdk.jmh.runner.Runner;
import org.openjdk.jmh.runner.options.CommandLineOptions;
import org.openjdk.jmh.runner.options.OptionsBuilder;

/** Runs {@link TokenValidationBenchmark} (JMH options as arguments) and prints each result as a ratio to the floor. */
public final class ValidationBenchmarks {

    private ValidationBenchmarks() {}

    public static void main(String[] args) throws Exception {
        Collection<RunResult> results = new Runner(new OptionsBuilder()
                .parent(new CommandLineOptions(args))
                .include(TokenValidationBenchmark.class.getSimpleName())
                .build()).run();
        Map<String, Double> score = new TreeMap<>();
        for (RunResult result : results) {
            String label = result.getParams().getBenchmark();
            score.put(label.substring(label.lastIndexOf('.') + 1), result.getPrimaryResult().getScore());
        }
        double floor = score.get("rsaVerifyFloor");
        System.out.printf("%n| benchmark | ops/s | ratio to the RSA floor |%n|---|---:|---:|%n");
        score.forEach((name, opsPerSecond) -> System.out.printf("| %s | %,.0f | %.2f× |%n", name, opsPerSecond,
                opsPerSecond / floor));
    }
}
