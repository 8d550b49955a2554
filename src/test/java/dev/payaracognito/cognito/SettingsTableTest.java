package dev.payaracognito.cognito;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.payaracognito.security.token.CognitoKeys;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * The defaults the settings table of docs/configuration.md promises are the ones the code applies when a setting is absent:
 * read from the table's rows (a row names its properties, {@code .x} continuing the first one's prefix, and says
 * "default" or "defaults" followed by one value per property), compared with the code's.
 */
class DocumentedDefaultsTest {

    private static final Pattern PROPERTY = Pattern.compile("`([a-z.-]+)`");
    private static final Pattern DEFAULTS = Pattern.compile("defaults? ((?:`?[A-Z0-9]+`?(?:, )?)+)");

    @Test
    void theReadmesDefaultsAreTheCodes() throws IOException {
        CognitoKeys.Policy jwks = CognitoKeys.Policy.defaults();
        Map<String, Object> code = Map.ofEntries(
                Map.entry("app.session.idle-timeout", CognitoSettings.DEFAULT_IDLE_TIMEOUT),
                Map.entry("app.session.max-lifetime", CognitoSettings.DEFAULT_MAX_LIFETIME),
                Map.entry("app.session.pending-lifetime", CognitoSettings.DEFAULT_PENDING_LIFETIME),
                Map.entry("cognito.jwks.cache-ttl", jwks.cacheTimeToLive()),
                Map.entry("cognito.jwks.min-refetch-interval", jwks.minTimeBetweenFetches()),
                Map.entry("cognito.jwks.connect-timeout", jwks.connectTimeout()),
                Map.entry("cognito.jwks.read-timeout", jwks.readTimeout()),
                Map.entry("cognito.jwks.outage-tolerance", jwks.outageTolerance()),
                Map.entry("cognito.jwks.size-limit", jwks.sizeLimitBytes()),
                Map.entry("cognito.token-cache.size", CognitoSettings.DEFAULT_TOKEN_CACHE_SIZE),
                Map.entry("cognito.revoked-sign-ins.size", CognitoSettings.DEFAULT_REVOKED_SIGN_INS_SIZE));
        Map<String, String> documented = documentedDefaults(Files.readAllLines(Path.of("docs", "configuration.md")));
        assertEquals(code.keySet(), documented.keySet(), "every documented default is checked, and only those");
        code.forEach((name, value) -> assertEquals(value.toString(), value instanceof Integer
                ? documented.get(name) : Duration.parse(documented.get(name)).toString(), name));
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
