package dev.payaracognito.cognito;

import java.util.List;
import java.util.Optional;
import org.eclipse.microprofile.config.Config;

/**
 * Settings read as the types they are, converted by MicroProfile Config ({@code Duration.parse} for ISO-8601
 * durations, numbers, string arrays for comma-separated lists): a value it cannot convert is a problem to report,
 * and the app starts anyway. Not {@code @ConfigProperties} groups: Payara 7.2026.11 fills a group's field whose
 * value cannot be converted with its default, silently, so a mistyped {@code APP_SESSION_IDLE_TIMEOUT} would be
 * ignored without a word (tried: "thirty minutes" became PT30M).
 */
final class TypedConfig {

    /**
     * Payara's configuration source kept in the data grid (the map {@code payara.microprofile.config}, read on every
     * node, its ordinal a key of the same map): whoever reaches the grid could set any of the app's settings, the
     * issuer and the session key included, above the environment. The app reads none of its settings from there.
     */
    private static final String GRID_SOURCE = "Cluster";

    private final Config config;
    private final List<String> problems;

    TypedConfig(Config config, List<String> problems) {
        this.config = config;
        this.problems = problems;
    }

    /** The value, or empty when missing or blank (MicroProfile Config treats an empty value as missing). */
    Optional<String> text(String name) {
        if (fromTheGrid(name)) {
            return Optional.empty();
        }
        return config.getOptionalValue(name, String.class).map(String::strip).filter(value -> !value.isEmpty());
    }

    /** The value as {@code type}, or {@code fallback} when it is missing, or cannot be converted ({@code problem}). */
    <T> T value(String name, Class<T> type, T fallback, String problem) {
        if (fromTheGrid(name)) {
            return fallback;
        }
        try {
            return config.getOptionalValue(name, type).orElse(fallback);
        } catch (IllegalArgumentException unconvertible) {
            problems.add(problem);
            return fallback;
        }
    }

    /** Whether the value in force comes from the data grid: then it is a problem, and not used. */
    private boolean fromTheGrid(String name) {
        if (!GRID_SOURCE.equals(config.getConfigValue(name).getSourceName())) {
            return false;
        }
        problems.add(name + " is set in the data grid's configuration source (Payara's \"Cluster\" source), which"
                + " this app does not trust: set it in the environment, and remove it from the grid.");
        return true;
    }
}
