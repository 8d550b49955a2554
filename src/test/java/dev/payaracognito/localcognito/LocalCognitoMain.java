package dev.payaracognito.localcognito;

import java.io.IOException;
import java.nio.file.Path;
import java.util.concurrent.CountDownLatch;

/**
 * Runs the local Cognito standalone: {@code ./mvnw -Plocal-cognito [-Dlocal-cognito.port=…]
 * [-Dlocal-cognito.pool=pool.json] [-Dlocal-cognito.issuer-format=original|updated]}; or prints a password hash for
 * a pool file with {@code --hash-password}.
 */
public final class LocalCognitoMain {

    private LocalCognitoMain() {}

    public static void main(String[] args) throws IOException, InterruptedException {
        int port = LocalCognito.DEFAULT_PORT;
        String poolFile = "";
        boolean updatedIssuer = false;
        for (int i = 0; i < args.length; i++) {
            switch (args[i]) {
                case "--port" -> port = Integer.parseInt(args[++i]);
                case "--pool" -> poolFile = i + 1 < args.length ? args[++i] : "";
                case "--issuer-format" -> updatedIssuer = switch (i + 1 < args.length ? args[++i] : "") {
                    case "", "original" -> false;
                    case "updated" -> true;
                    default -> usage();
                };
                case "--hash-password" -> {
                    System.out.println(PasswordHash.of(new String(System.console() != null
                            ? System.console().readPassword("password: ")
                            : new java.util.Scanner(System.in).nextLine().toCharArray())));
                    return;
                }
                default -> usage();
            }
        }
        UserPool pool = poolFile.isBlank() ? UserPool.demo() : UserPool.fromJson(Path.of(poolFile));
        LocalCognito cognito = new LocalCognito(pool, "localhost", port);
        cognito.issuing(updatedIssuer ? IssuerConfiguration.updated(pool.userPoolId())
                : IssuerConfiguration.original(pool.userPoolId()));
        cognito.start();
        Runtime.getRuntime().addShutdownHook(new Thread(cognito::stop));
        printBanner(cognito, poolFile.isBlank());
        new CountDownLatch(1).await();
    }

    private static boolean usage() {
        System.err.println("usage: LocalCognitoMain [--port N] [--pool pool.json] [--issuer-format original|updated]"
                + " | --hash-password");
        System.exit(2);
        return false;
    }

    static void printBanner(LocalCognito cognito, boolean demo) {
        String poolId = cognito.pool().userPoolId();
        System.out.println("Local Cognito is running.");
        System.out.println("  issuer:    " + cognito.issuer());
        System.out.println("  discovery: " + cognito.issuer() + "/.well-known/openid-configuration");
        System.out.println("  hosted UI: " + cognito.domain() + "/login");
        System.out.println("  the app:   COGNITO_ISSUER=" + cognito.issuer());
        System.out.println("             or COGNITO_REGION=" + IssuerConfiguration.primaryRegion(poolId)
                + " COGNITO_USER_POOL_ID=" + poolId + " COGNITO_EMULATOR_URL=" + cognito.emulatorUrl());
        if (demo) {
            System.out.println("  demo client id:     " + UserPool.DEMO_CLIENT_ID);
            System.out.println("  demo client secret: " + UserPool.DEMO_CLIENT_SECRET);
            System.out.println("  demo users: alice / Alice-Passw0rd!   bob / Bob-Passw0rd! (group admins)");
            System.out.println("  machine clients (client_credentials, resource server " + UserPool.DEMO_RESOURCE_SERVER
                    + "):");
            System.out.println("    " + UserPool.DEMO_MACHINE_CLIENT_ID + " / " + UserPool.DEMO_MACHINE_CLIENT_SECRET
                    + " (" + UserPool.DEMO_READ_SCOPE + ", " + UserPool.DEMO_ADMIN_SCOPE + ")");
            System.out.println("    " + UserPool.DEMO_READ_ONLY_MACHINE_CLIENT_ID + " / "
                    + UserPool.DEMO_READ_ONLY_MACHINE_CLIENT_SECRET + " (" + UserPool.DEMO_READ_SCOPE + ")");
            System.out.println("  identity providers: " + UserPool.DEMO_GOOGLE_PROVIDER + ", "
                    + UserPool.DEMO_SAML_PROVIDER + " (identity_provider=… or the sign-in form's links)");
        }
    }
}
