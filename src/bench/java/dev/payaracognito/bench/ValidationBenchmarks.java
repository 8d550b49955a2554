package dev.payaracognito.bench;

import java.util.Collection;
import java.util.Map;
import java.util.TreeMap;
import org.openjdk.jmh.results.Result;
import org.openjdk.jmh.results.RunResult;
import org.openjdk.jmh.runner.Runner;
import org.openjdk.jmh.runner.options.ChainedOptionsBuilder;
import org.openjdk.jmh.runner.options.CommandLineOptions;
import org.openjdk.jmh.runner.options.OptionsBuilder;

/**
 * Runs the JMH benchmarks that the arguments name (JMH's options and patterns), {@link TokenValidationBenchmark}
 * when they name none, and prints each result as a Markdown row, with its ratio to the floor when the RSA floor
 * was among them: {@code ./mvnw -Pbench}, {@code ./mvnw -Pbench -Dbench.args="SealedEntryBenchmark"}.
 */
public final class ValidationBenchmarks {

    private ValidationBenchmarks() {}

    public static void main(String[] args) throws Exception {
        CommandLineOptions given = new CommandLineOptions(args);
        ChainedOptionsBuilder options = new OptionsBuilder().parent(given);
        if (given.getIncludes().isEmpty()) {
            options.include(TokenValidationBenchmark.class.getSimpleName());
        }
        Collection<RunResult> results = new Runner(options.build()).run();
        Map<String, Result<?>> score = new TreeMap<>();
        for (RunResult result : results) {
            String label = result.getParams().getBenchmark();
            score.put(label.substring(label.lastIndexOf('.') + 1), result.getPrimaryResult());
        }
        Result<?> floor = score.get("rsaVerifyFloor");
        System.out.printf("%n| benchmark | score |%s%n|---|---:|%s%n", floor == null ? "" : " ratio to the RSA floor |",
                floor == null ? "" : "---:|");
        score.forEach((name, result) -> System.out.printf("| %s | %,.0f %s |%s%n", name, result.getScore(),
                result.getScoreUnit(), floor == null ? ""
                        : String.format(" %.2f× |", result.getScore() / floor.getScore())));
    }
}
