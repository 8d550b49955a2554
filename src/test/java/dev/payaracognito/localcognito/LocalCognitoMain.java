package dev.payaracognito.localcognito;

import java.io.IOException;
import java.nio.file.Path;
import java.util.concurrent.CountDownLatch;

/**
 * Runs the local Cognito standalone: {@code ./mvnw -Plocal-cognito [-Dlocal-cognito.port=…]
 * [-Dlocal-cognito.pool=pool.json] [-Dlocal-cognito.issuer-format=original|updated]}; or prints a password hash for
 * a pool file with {@code --hash-password}. A pool in a CloudFormation template ({@code .yaml}, {@code .yml}:
 * {@code -Dlocal-cognito.pool=docker/cognito-pool.yaml}) is made as a stack of {@code -Dlocal-cognito.stack-name}
 * in the pool's region with {@code -Dlocal-cognito.parameters=Key=value,…}, and its outputs are printed as the
 * app's settings.
 */
public final class LocalCognitoMain {

    private LocalCognitoMain() {}

    public static void main(String[] args) throws IOException, InterruptedException {
        int port = LocalCognito.DEFAULT_PORT;
        String poolFile = "";
        String stackName = "payara-cognito";
        String region = "eu-west-1";
        String parameters = "";
        boolean updatedIssuer = false;
        for (int i = 0; i < args.length; i++) {
            switch (args[i]) {
                case "--port" -> port = Integer.parseInt(args[++i]);
                case "--pool" -> poolFile = i + 1 < args.length ? args[++i] : "";
                case "--stack-name" -> stackName = args[++i];
                case "--region" -> region = args[++i];
                case "--parameters" -> parameters = i + 1 < args.length ? args[++i] : "";
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
        PoolTemplate template = poolFile.matches(".*\\.ya?ml") ? PoolTemplate.read(Path.of(poolFile), stackName, region,
                PoolTemplate.parameters(parameters)) : null;
        UserPool pool = template != null ? template.pool()
                : poolFile.isBlank() ? UserPool.demo() : UserPool.fromJson(Path.of(poolFile));
        LocalCognito cognito = new LocalCognito(pool, "localhost", port);
        cognito.issuing(updatedIssuer ? IssuerConfiguration.updated(pool.userPoolId())
                : IssuerConfiguration.original(pool.userPoolId()));
        cognito.start();
        Runtime.getRuntime().addShutdownHook(new Thread(cognito::stop));
        printBanner(cognito, poolFile.isBlank());
        if (template != null) {
            printSettings(cognito, template);
        }
        new CountDownLatch(1).await();
    }

    private static boolean usage() {
        System.err.println("usage: LocalCognitoMain [--port N] [--pool pool.json|template.yaml] [--stack-name NAME]"
                + " [--region REGION] [--parameters Key=value,...] [--issuer-format original|updated] | --hash-password");
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

    /** The stack's outputs, the app's settings, and what a run on this machine adds to them. */
    private static void printSettings(LocalCognito cognito, PoolTemplate template) {
        System.out.println("  the template's outputs, the app's settings (users: alice / Alice-Passw0rd!, bob /"
                + " Bob-Passw0rd! in admins if the template has that group):");
        template.outputs().forEach((setting, value) -> System.out.println("    " + setting + "=" + value));
        String clientId = template.outputs().get("COGNITO_CLIENT_ID");
        cognito.pool().client(clientId == null ? "" : clientId).ifPresent(client -> System.out.println(
                "    COGNITO_CLIENT_SECRET=" + client.clientSecret() + " (describe-user-pool-client, not an output)"));
        System.out.println("    COGNITO_EMULATOR_URL=" + cognito.emulatorUrl() + " APP_DEVELOPMENT_MODE=true"
                + " (this machine only)");
    }
}
