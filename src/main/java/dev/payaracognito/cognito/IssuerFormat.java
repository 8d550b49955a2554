package dev.payaracognito.cognito;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * Which of Cognito's issuer formats the app accepts ({@code COGNITO_ISSUER_FORMAT}). A user pool's issuer
 * configuration (API {@code IssuerConfigurationType}) is {@code ORIGINAL},
 * {@code https://cognito-idp.{region}.amazonaws.com/{poolId}}, or {@code UPDATED},
 * {@code https://issuer-cognito-idp.{region}.amazonaws.com/{poolId}}, which AWS recommends for every pool;
 * {@code BOTH}, the default, accepts either for the configured pool, as AWS's own verifier does.
 */
public enum IssuerFormat {
    ORIGINAL,
    UPDATED,
    BOTH;

    /** {@code original}, {@code updated} or {@code both}, in any case; empty for anything else. */
    static Optional<IssuerFormat> named(String name) {
        for (IssuerFormat format : values()) {
            if (format.name().equals(name.strip().toUpperCase(Locale.ROOT))) {
                return Optional.of(format);
            }
        }
        return Optional.empty();
    }

    /**
     * Every issuer the pool's tokens may carry, the pool's home issuer first. With multi-Region replication and the
     * original format, Cognito names the region of the endpoint that issued the token (a replica region) in
     * {@code iss}; the updated format always names the primary region. So additional regions add original-format
     * issuers only.
     */
    public List<String> issuers(String region, String poolId, List<String> additionalRegions) {
        List<String> issuers = new ArrayList<>();
        if (this != UPDATED) {
            issuers.add("https://cognito-idp." + region + ".amazonaws.com/" + poolId);
        }
        if (this != ORIGINAL) {
            issuers.add("https://issuer-cognito-idp." + region + ".amazonaws.com/" + poolId);
        }
        if (this != UPDATED) {
            additionalRegions.forEach(replica -> issuers.add("https://cognito-idp." + replica + ".amazonaws.com/"
                    + poolId));
        }
        return List.copyOf(issuers);
    }

    /**
     * Where a Cognito emulator ({@code COGNITO_EMULATOR_URL}, such as this project's local Cognito) serves one of
     * AWS's issuers: under its own URL, with AWS's issuer host as the first path segment, so that each issuer keeps
     * its own documents and keys: {@code https://cognito-idp.eu-west-1.amazonaws.com/eu-west-1_Ab1} on
     * {@code http://localhost:9229} is {@code http://localhost:9229/cognito-idp.eu-west-1.amazonaws.com/eu-west-1_Ab1}.
     */
    public static String onEmulator(String emulatorUrl, String awsIssuer) {
        return emulatorUrl + "/" + awsIssuer.substring("https://".length());
    }
}
