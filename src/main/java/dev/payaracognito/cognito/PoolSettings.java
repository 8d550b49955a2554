package dev.payaracognito.cognito;

import java.net.URI;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.function.UnaryOperator;
import java.util.logging.Logger;

/**
 * The user pool, as the issuers its tokens may carry: {@code cognito.issuer} alone, or {@code cognito.region} and
 * {@code cognito.user-pool-id} with {@code cognito.issuer-format}, {@code cognito.additional-regions} and, in
 * development, {@code cognito.emulator-url}. Never an issuer taken from a token.
 */
public final class PoolSettings {

    private static final Logger LOG = Logger.getLogger(PoolSettings.class.getName());
    private static final String POOL_ID = "[a-z]{2}-(gov-)?[a-z]+-\\d_[a-zA-Z0-9]+";
    private static final String REGION = "[a-z]{2}-(gov-)?[a-z]+-\\d";
    private static final String ADDITIONAL_REGIONS = "COGNITO_ADDITIONAL_REGIONS (cognito.additional-regions) must be "
            + "the regions, other than COGNITO_REGION, to which the pool is replicated, comma-separated.";

    /**
     * Where Cognito's API for the pool answers (the admin's global sign-out): the pool's region and id, and the
     * endpoint that stands in for AWS's regional one in development (the local Cognito), else null.
     */
    public record AdminApi(String region, String userPoolId, URI localEndpoint) {}

    private final String issuer;
    private final List<String> issuers;
    private final List<String> signInIssuers;
    private final AdminApi adminApi;

    /** No pool yet: no issuer is trusted. */
    private static final PoolSettings NONE = new PoolSettings(null, List.of(), List.of(), null);

    private PoolSettings(String issuer, List<String> issuers, List<String> signInIssuers, AdminApi adminApi) {
        this.issuer = issuer;
        this.issuers = issuers;
        this.signInIssuers = signInIssuers;
        this.adminApi = adminApi;
    }

    static PoolSettings read(TypedConfig settings, SettingUrls urls, List<String> problems) {
        Optional<String> explicit = settings.text("cognito.issuer");
        if (explicit.isPresent()) {
            if (settings.text("cognito.issuer-format").isPresent()
                    || settings.text("cognito.additional-regions").isPresent()
                    || settings.text("cognito.emulator-url").isPresent()) {
                problems.add("COGNITO_ISSUER names the one issuer accepted: COGNITO_ISSUER_FORMAT, "
                        + "COGNITO_ADDITIONAL_REGIONS and COGNITO_EMULATOR_URL go with COGNITO_REGION and "
                        + "COGNITO_USER_POOL_ID instead.");
            }
            String given = urls.url(explicit.get(), "COGNITO_ISSUER (cognito.issuer)");
            return given == null ? NONE : new PoolSettings(given, List.of(given), List.of(given), adminApiOf(given));
        }
        Optional<String> region = settings.text("cognito.region");
        Optional<String> pool = settings.text("cognito.user-pool-id");
        if (region.isEmpty() || pool.isEmpty()) {
            problems.add("Set COGNITO_REGION and COGNITO_USER_POOL_ID (or COGNITO_ISSUER) to your user pool.");
            return NONE;
        }
        if (!region.get().matches(REGION) || !pool.get().matches(POOL_ID)
                || !pool.get().startsWith(region.get() + "_")) {
            problems.add("COGNITO_USER_POOL_ID must look like eu-west-1_AbC123xyz, in COGNITO_REGION.");
            return NONE;
        }
        IssuerFormat format = settings.text("cognito.issuer-format").map(name -> IssuerFormat.named(name).orElseGet(
                () -> {
                    problems.add("COGNITO_ISSUER_FORMAT (cognito.issuer-format) must be original, updated or both.");
                    return IssuerFormat.BOTH;
                })).orElse(IssuerFormat.BOTH);
        List<String> replicas = Arrays.stream(settings.value("cognito.additional-regions", String[].class,
                        new String[0], ADDITIONAL_REGIONS)).map(String::strip).filter(r -> !r.isEmpty()).toList();
        if (replicas.stream().anyMatch(replica -> !replica.matches(REGION) || replica.equals(region.get()))) {
            problems.add(ADDITIONAL_REGIONS);
        }
        if (!replicas.isEmpty() && format == IssuerFormat.UPDATED) {
            // Cognito: the updated issuer always names the primary region, replicas included
            problems.add("COGNITO_ADDITIONAL_REGIONS is for the original issuer format: with the updated one every "
                    + "region's tokens name the primary region.");
        }
        UnaryOperator<String> servedAt = UnaryOperator.identity();
        URI localEndpoint = null;
        Optional<String> emulatorSetting = settings.text("cognito.emulator-url");
        if (emulatorSetting.isPresent()) {
            String emulator = emulatorUrl(emulatorSetting.get(), urls, problems);
            if (emulator == null) {
                return NONE;
            }
            servedAt = aws -> IssuerFormat.onEmulator(emulator, aws);
            localEndpoint = URI.create(emulator);
        }
        // Sign-ins come through the hosted UI of the pool's own region: a replica region's issuer never signs in.
        List<String> signInIssuers = format.issuers(region.get(), pool.get(), List.of()).stream().map(servedAt).toList();
        List<String> issuers = format.issuers(region.get(), pool.get(), replicas).stream().map(servedAt).toList();
        return new PoolSettings(issuers.get(0), issuers, signInIssuers,
                new AdminApi(region.get(), pool.get(), localEndpoint));
    }

    /**
     * The admin API of the pool that {@code issuer} names ({@code …/{poolId}}): AWS's, or, for an issuer on this
     * machine (development mode, the local Cognito), at the issuer's origin, as AWS's answers at its host's root.
     */
    private static AdminApi adminApiOf(String issuer) {
        URI uri = URI.create(issuer);
        String poolId = uri.getPath().substring(uri.getPath().lastIndexOf('/') + 1);
        if (!poolId.matches(POOL_ID)) {
            return null;
        }
        URI local = SettingUrls.isOnThisMachine(uri.getHost()) ? uri.resolve("/") : null;
        return new AdminApi(poolId.substring(0, poolId.indexOf('_')), poolId, local);
    }

    /**
     * {@code cognito.emulator-url}: in development mode, on this machine only, since the app trusts the tokens of the
     * issuers it serves as it would trust Cognito's; said in the log, as it must never be set in production.
     */
    private static String emulatorUrl(String value, SettingUrls urls, List<String> problems) {
        String name = "COGNITO_EMULATOR_URL (cognito.emulator-url)";
        if (!urls.developmentMode()) {
            problems.add(name + " is for development only: set APP_DEVELOPMENT_MODE=true with it.");
            return null;
        }
        String url = urls.url(value, name);
        if (url == null) {
            return null;
        }
        URI uri = URI.create(url);
        if (!SettingUrls.isOnThisMachine(uri.getHost()) || uri.getRawQuery() != null || uri.getRawFragment() != null) {
            problems.add(name + " must be a URL on this machine (localhost, 127.x), without query: the app "
                    + "trusts the tokens of the issuers it serves.");
            return null;
        }
        LOG.warning("COGNITO_EMULATOR_URL is set: the pool's issuers are served by the Cognito emulator at " + url
                + ", not by AWS. Never set it in production.");
        return url;
    }

    /**
     * The pool's home issuer, whose discovery document the app reads: {@code cognito.issuer} as given, or the first
     * of {@link #issuers()}.
     */
    public String issuer() {
        return issuer;
    }

    /**
     * Every issuer the app accepts in tokens: {@code cognito.issuer} alone, or those of the configured pool in
     * {@code cognito.issuer-format} (default both) and {@code cognito.additional-regions}; never one from a token.
     */
    public List<String> issuers() {
        return issuers;
    }

    /**
     * The issuers a browser sign-in's tokens may carry: those of {@link #issuers()} in the pool's own region (one
     * per accepted format), since sign-ins come through the hosted UI of the configured domain.
     */
    public List<String> signInIssuers() {
        return signInIssuers;
    }

    /** Cognito's API for the pool, if the settings name a pool. */
    public Optional<AdminApi> adminApi() {
        return Optional.ofNullable(adminApi);
    }
}
