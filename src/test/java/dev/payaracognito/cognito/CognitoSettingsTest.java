package dev.payaracognito.cognito;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.payaracognito.testing.CapturedLog;
import dev.payaracognito.testing.MapSettings;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** Which issuers the settings give, and what they refuse with a problem rather than a guess. */
class CognitoSettingsTest {

    @RegisterExtension
    final CapturedLog settingsLog = new CapturedLog(CognitoSettings.class);
    @RegisterExtension
    final CapturedLog poolLog = new CapturedLog(PoolSettings.class);

    private static final String POOL = "eu-west-1_AbC123xyz";
    private static final String ORIGINAL = "https://cognito-idp.eu-west-1.amazonaws.com/" + POOL;
    private static final String UPDATED = "https://issuer-cognito-idp.eu-west-1.amazonaws.com/" + POOL;
    private static final String REPLICA = "https://cognito-idp.us-east-1.amazonaws.com/" + POOL;

    @Test
    void aPoolsIssuersAreBothFormatsAndReplicasNeverSignIn() throws Exception {
        CognitoSettings both = settings(Map.of("cognito.additional-regions", "us-east-1"));
        assertEquals(List.of(), both.problems());
        assertEquals(List.of(ORIGINAL, UPDATED, REPLICA), both.pool().issuers());
        assertEquals(List.of(ORIGINAL, UPDATED), both.pool().signInIssuers(), "sign-ins come through the home region");
        assertEquals(List.of(UPDATED), settings(Map.of("cognito.issuer-format", "updated")).pool().issuers());
    }

    @Test
    void anEmulatorOnThisMachineServesEveryIssuer() throws Exception {
        CognitoSettings emulated = settings(Map.of("cognito.emulator-url", "http://localhost:9229/",
                "cognito.issuer-format", "original", "cognito.additional-regions", "us-east-1",
                "app.development-mode", "true"));
        assertEquals(List.of(), emulated.problems());
        assertEquals(List.of("http://localhost:9229/cognito-idp.eu-west-1.amazonaws.com/" + POOL,
                "http://localhost:9229/cognito-idp.us-east-1.amazonaws.com/" + POOL), emulated.pool().issuers());
        assertEquals(1, poolLog.warnings().size(), poolLog.warnings().toString());
        assertTrue(poolLog.warnings().get(0).contains("emulator at http://localhost:9229")
                && poolLog.warnings().get(0).contains("Never set it in production"), poolLog.warnings().get(0));
    }

    @Test
    void withoutAnEmulatorNothingIsSaidOfOne() throws Exception {
        settings(Map.of());
        assertEquals(List.of(), poolLog.warnings());
    }

    @Test
    void missingSettingsAreSaidInTheLogOnceWithAllTheirProblems() throws Exception {
        CognitoSettings settings = settings(Map.of("cognito.client-secret", "", "app.session.idle-timeout", "soon"));
        for (int page = 0; page < 3; page++) {
            assertEquals(2, settings.problems().size(), settings.problems().toString());
        }
        assertEquals(1, settingsLog.warnings().size(), "one line, however often the problems are read");
        String line = settingsLog.warnings().get(0);
        for (String problem : settings.problems()) {
            assertTrue(line.contains(problem), line);
        }
    }

    @Test
    void anEmulatorElsewhereOrBesideAnIssuerIsAProblemAndNoIssuerIsTrusted() throws Exception {
        for (String elsewhere : List.of("https://cognito.example.com", "https://localhost.example.com",
                "http://192.0.2.1:9229", "http://localhost:9229/?x=1", "ftp://localhost")) {
            CognitoSettings settings = settings(Map.of("cognito.emulator-url", elsewhere, "app.development-mode", "true"));
            assertTrue(settings.problems().stream().anyMatch(p -> p.startsWith("COGNITO_EMULATOR_URL")), elsewhere);
            assertEquals(List.of(), settings.pool().issuers(), elsewhere + ": neither AWS's issuers nor the emulator's");
        }
        CognitoSettings withIssuer = settings(Map.of("cognito.issuer", "http://localhost:9229/x",
                "cognito.emulator-url", "http://localhost:9229", "app.development-mode", "true"));
        assertTrue(withIssuer.problems().stream().anyMatch(p -> p.contains("COGNITO_EMULATOR_URL")),
                withIssuer.problems().toString());
    }

    @Test
    void settingsThatContradictCognitoAreProblems() throws Exception {
        assertTrue(settings(Map.of("cognito.issuer-format", "newest")).problems().stream()
                .anyMatch(p -> p.startsWith("COGNITO_ISSUER_FORMAT")));
        assertTrue(settings(Map.of("cognito.issuer-format", "updated", "cognito.additional-regions", "us-east-1"))
                .problems().stream().anyMatch(p -> p.contains("original issuer format")));
        assertTrue(settings(Map.of("cognito.additional-regions", "eu-west-1")).problems().stream()
                .anyMatch(p -> p.startsWith("COGNITO_ADDITIONAL_REGIONS")), "the home region is not a replica");
    }

    /**
     * http, or any address of this machine, for Cognito or the app: only in development mode, and never with an
     * https public address (the production case). Otherwise a problem, and no issuer trusted.
     */
    @Test
    void httpAndThisMachineAreForDevelopmentModeOnly() throws Exception {
        for (String local : List.of("http://localhost:9229/pool", "https://localhost:9229/pool",
                "http://127.0.0.1:9229/pool", "https://127.0.0.2/pool", "https://app.localhost/pool",
                "https://[::1]:9229/pool", "https://0.0.0.0/pool", "https://[::ffff:127.0.0.1]/pool")) {
            CognitoSettings production = settings(Map.of("cognito.issuer", local));
            assertTrue(production.problems().stream().anyMatch(p -> p.contains("for development only")),
                    local + ": " + production.problems());
            assertEquals(List.of(), production.pool().issuers(), local);
            assertEquals(List.of(), settings(Map.of("cognito.issuer", local, "app.development-mode", "true"))
                    .problems(), local);
        }
        assertTrue(settings(Map.of("cognito.emulator-url", "http://localhost:9229")).problems().stream()
                .anyMatch(p -> p.startsWith("COGNITO_EMULATOR_URL (cognito.emulator-url) is for development only")));
        assertTrue(settings(Map.of("app.base-url", "http://localhost:8080")).problems().stream()
                .anyMatch(p -> p.contains("for development only")), "an app in clear");

        CognitoSettings developmentBehindHttps = settings(Map.of("cognito.issuer", "http://localhost:9229/pool",
                "app.development-mode", "true", "app.base-url", "https://app.example.com"));
        assertTrue(developmentBehindHttps.problems().stream().anyMatch(p -> p.startsWith("APP_DEVELOPMENT_MODE is for"
                + " a machine of your own")), developmentBehindHttps.problems().toString());
    }

    /**
     * Whoever reaches the data grid can write Payara's "Cluster" configuration source, above the environment: none of
     * the app's settings is taken from it.
     */
    @Test
    void aSettingFromTheDataGridsConfigSourceIsAProblemAndNotUsed() throws Exception {
        CognitoSettings issuerFromTheGrid = settings(Map.of("cognito.issuer", "https://evil.example.com/pool"),
                Set.of("cognito.issuer"));
        assertTrue(issuerFromTheGrid.problems().stream().anyMatch(p -> p.startsWith("cognito.issuer is set in the"
                + " data grid")), issuerFromTheGrid.problems().toString());
        assertEquals(List.of(ORIGINAL, UPDATED), issuerFromTheGrid.pool().issuers(), "the pool's issuers, not the grid's");

        CognitoSettings keyFromTheGrid = settings(Map.of("app.session.key", "k:" + "A".repeat(43) + "="),
                Set.of("app.session.key"));
        assertTrue(keyFromTheGrid.problems().stream().anyMatch(p -> p.startsWith("app.session.key is set in the"
                + " data grid")), keyFromTheGrid.problems().toString());
        assertTrue(keyFromTheGrid.sessions().keys().ofThisNode(), "not the grid's key");
    }

    @Test
    void aSessionKeyThatIsNotOneIsAProblemNeverQuoted() throws Exception {
        CognitoSettings settings = settings(Map.of("app.session.key", "k1:c2hvcnQ="));
        assertTrue(settings.problems().stream().anyMatch(p -> p.startsWith("APP_SESSION_KEY")),
                settings.problems().toString());
        assertTrue(settings.problems().stream().noneMatch(p -> p.contains("c2hvcnQ")));
        assertEquals(List.of(), settings(Map.of("app.session.key", "k1:" + "A".repeat(43) + "=")).problems());
    }

    /** The settings read from a pool's region and id, our client, and {@code more}. */
    private static CognitoSettings settings(Map<String, String> more) {
        return settings(more, Set.of());
    }

    /** The same, with the settings named {@code fromTheGrid} set in Payara's "Cluster" configuration source. */
    private static CognitoSettings settings(Map<String, String> more, Set<String> fromTheGrid) {
        Map<String, String> values = new HashMap<>(Map.of("cognito.region", "eu-west-1",
                "cognito.user-pool-id", POOL, "cognito.client-id", "client1", "cognito.client-secret", "secret"));
        values.putAll(more);
        return MapSettings.of(values, fromTheGrid);
    }
}
