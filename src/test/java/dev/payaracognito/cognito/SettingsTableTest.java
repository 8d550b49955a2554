package dev.payaracognito.cognito;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.payaracognito.security.token.CognitoKeys;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * The settings table of docs/configuration.md is the app's: every setting the settings classes read, and its
 * defaults the ones the code applies when a setting is absent:
 * read from the table's rows (a row names its properties, {@code .x} continuing the first one's prefix, and says
 * "default" or "defaults" followed by one value per property), compared with the code's.
 */
class SettingsTableTest {

    private static final Path TABLE = Path.of("docs", "configuration.md");
    /** A setting's name, as a whole string literal of a settings class. */
    private static final Pattern READ = Pattern.compile("\"((?:app|cognito)\\.[a-z][a-z.-]*)\"");
    private static final Pattern PROPERTY = Pattern.compile("`([a-z.-]+)`");
    private static final Pattern DEFAULTS = Pattern.compile("defaults? ((?:`?[A-Z0-9]+`?(?:, )?)+)");

    @Test
    void theReadmesDefaultsAreTheCodes() throws IOException {
        CognitoKeys.Policy jwks = CognitoKeys.Policy.defaults();
        Map<String, Object> code = Map.ofEntries(
                Map.entry("app.session.idle-timeout", SessionSettings.DEFAULT_IDLE_TIMEOUT),
                Map.entry("app.session.max-lifetime", SessionSettings.DEFAULT_MAX_LIFETIME),
                Map.entry("app.session.pending-lifetime", SessionSettings.DEFAULT_PENDING_LIFETIME),
                Map.entry("cognito.jwks.cache-ttl", jwks.cacheTimeToLive()),
                Map.entry("cognito.jwks.min-refetch-interval", jwks.minTimeBetweenFetches()),
                Map.entry("cognito.jwks.connect-timeout", jwks.connectTimeout()),
                Map.entry("cognito.jwks.read-timeout", jwks.readTimeout()),
                Map.entry("cognito.jwks.outage-tolerance", jwks.outageTolerance()),
                Map.entry("cognito.jwks.size-limit", jwks.sizeLimitBytes()),
                Map.entry("cognito.token-cache.size", TokenSettings.DEFAULT_TOKEN_CACHE_SIZE),
                Map.entry("cognito.revoked-sign-ins.size", TokenSettings.DEFAULT_REVOKED_SIGN_INS_SIZE));
        Map<String, String> documented = documentedDefaults(Files.readAllLines(TABLE));
        assertEquals(code.keySet(), documented.keySet(), "every documented default is checked, and only those");
        code.forEach((name, value) -> assertEquals(value.toString(), value instanceof Integer
                ? documented.get(name) : Duration.parse(documented.get(name)).toString(), name));
    }

    /** The table names every setting the settings classes read, and no other. */
    @Test
    void theTableIsEverySettingTheAppReads() throws IOException {
        Set<String> read = new TreeSet<>();
        try (Stream<Path> sources = Files.list(Path.of("src/main/java/dev/payaracognito/cognito"))) {
            for (Path source : sources.filter(path -> path.toString().endsWith("Settings.java")).toList()) {
                READ.matcher(Files.readString(source)).results().forEach(match -> read.add(match.group(1)));
            }
        }
        assertTrue(read.contains("cognito.client-id") && read.contains("app.session.key"), "settings found: " + read);
        Set<String> documented = new TreeSet<>();
        for (String line : Files.readAllLines(TABLE)) {
            if (line.startsWith("| `")) {
                documented.addAll(properties(line.split("\\|")[1]));
            }
        }
        assertEquals(read, documented);
    }

    /** Property name to the default the settings table gives it. */
    private static Map<String, String> documentedDefaults(List<String> readme) {
        Map<String, String> defaults = new HashMap<>();
        for (String line : readme) {
            String[] columns = line.split("\\|");
            if (!line.startsWith("| `") || columns.length < 4) {
                continue;
            }
            Matcher values = DEFAULTS.matcher(columns[3]);
            if (!values.find()) {
                continue;
            }
            List<String> names = properties(columns[1]);
            String[] given = values.group(1).replace("`", "").split(", ");
            assertEquals(names.size(), given.length, "one default per property: " + line);
            for (int i = 0; i < given.length; i++) {
                defaults.put(names.get(i), given[i]);
            }
        }
        return defaults;
    }

    /** {@code `cognito.jwks.cache-ttl`, `.read-timeout`}: the second is {@code cognito.jwks.read-timeout}. */
    private static List<String> properties(String column) {
        List<String> names = PROPERTY.matcher(column).results().map(match -> match.group(1)).toList();
        String prefix = names.get(0).substring(0, names.get(0).lastIndexOf('.'));
        return names.stream().map(name -> name.startsWith(".") ? prefix + name : name).toList();
    }
}
