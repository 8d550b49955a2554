package dev.payaracognito.testing;

import dev.payaracognito.localcognito.IssuerConfiguration;
import dev.payaracognito.localcognito.LocalCognito;
import dev.payaracognito.localcognito.UserPool;
import java.io.File;
import java.io.IOException;
import java.net.ServerSocket;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.jboss.shrinkwrap.api.ShrinkWrap;
import org.jboss.shrinkwrap.api.asset.StringAsset;
import org.jboss.shrinkwrap.api.importer.ZipImporter;
import org.jboss.shrinkwrap.api.spec.WebArchive;


/**
 * What the Arquillian tests deploy: the WAR this build packaged, configured for the run's local Cognito
 * ({@link SharedCognito}, in the test JVM on a free port) so that tests can bend it through its hooks.
 */
public final class AppDeployment {

    /** The app's public base URL in the tests: the demo pool's callback and sign-out URLs point here. */
    public static final String APP = "http://localhost:8080";


    private AppDeployment() {}

    /**
     * A Payara already on 8080 (the demo, say) would answer in place of the one under test. The previous test
     * class's Payara may still be stopping: wait for it a little.
     */
    private static void requireFreePort(int port) {
        for (int attempt = 0; attempt < 40; attempt++) {
            try (ServerSocket socket = new ServerSocket(port)) {
                socket.setReuseAddress(true);
                return;
            } catch (IOException inUse) {
                sleep(Duration.ofMillis(500));
            }
        }
        throw new IllegalStateException("port " + port + " is in use: stop whatever runs there (the demo?)"
                + " before running the tests");
    }

    private static void sleep(Duration duration) {
        try {
            Thread.sleep(duration);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
        }
    }

    /**
     * The WAR configured for the local Cognito and {@link #APP}, then {@code overrides} (MicroProfile Config
     * lines; a later line wins). The file outranks the environment (ordinal 500), so that COGNITO_* variables of
     * the machine running the tests cannot change what is tested.
     */
    public static WebArchive war(String... overrides) {
        return war(SharedCognito.cognito(), overrides);
    }

    /**
     * The WAR configured as for a real pool, by its region and id (the issuers derived as on AWS, in both formats
     * unless {@code overrides} say otherwise), with the local Cognito as the emulator serving AWS's issuer hosts
     * ({@code cognito.emulator-url}) in place of one {@code cognito.issuer}.
     */
    public static WebArchive warForPool(String... overrides) {
        LocalCognito cognito = SharedCognito.cognito();
        String poolId = cognito.pool().userPoolId();
        List<String> settings = new ArrayList<>(List.of("cognito.issuer=",
                "cognito.region=" + IssuerConfiguration.primaryRegion(poolId),
                "cognito.user-pool-id=" + poolId,
                "cognito.emulator-url=" + cognito.emulatorUrl()));
        settings.addAll(List.of(overrides));
        return war(cognito, settings.toArray(String[]::new));
    }

    /** {@code war} without web.xml's security constraint whose web resource is named {@code name}. */
    public static WebArchive withoutConstraint(WebArchive war, String name) {
        String webXml;
        try (java.io.InputStream in = war.get("WEB-INF/web.xml").getAsset().openStream()) {
            webXml = new String(in.readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
        String marker = "<web-resource-name>" + name + "</web-resource-name>";
        int start = webXml.lastIndexOf("<security-constraint>", webXml.indexOf(marker));
        int end = webXml.indexOf("</security-constraint>", start) + "</security-constraint>".length();
        if (webXml.indexOf(marker) < 0 || start < 0) {
            throw new IllegalArgumentException("no security constraint named " + name);
        }
        war.delete("WEB-INF/web.xml");
        return war.addAsWebInfResource(new StringAsset(webXml.substring(0, start) + webXml.substring(end)), "web.xml");
    }

    /** The WAR configured for {@code cognito}, then {@code overrides}. */
    public static WebArchive war(LocalCognito cognito, String... overrides) {
        requireFreePort(8080);
        String config = String.join("\n",
                "config_ordinal=500",
                "cognito.issuer=" + cognito.issuer(),
                "cognito.client-id=" + UserPool.DEMO_CLIENT_ID,
                "cognito.client-secret=" + UserPool.DEMO_CLIENT_SECRET,
                "app.base-url=" + APP,
                // the local Cognito and the app answer on this machine, in clear
                "app.development-mode=true",
                String.join("\n", overrides));
        return ShrinkWrap.create(ZipImporter.class, "payara-cognito.war")
                .importFrom(new File(System.getProperty("app.war", "target/payara-cognito.war")))
                .as(WebArchive.class)
                .addAsResource(new StringAsset(config), "META-INF/microprofile-config.properties");
    }
}
