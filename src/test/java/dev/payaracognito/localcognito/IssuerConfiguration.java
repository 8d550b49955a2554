package dev.payaracognito.localcognito;

import java.util.LinkedHashSet;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * The pool's issuer configuration (Cognito's {@code IssuerConfigurationType}) and the region whose endpoints issue
 * its tokens. Cognito's issuers are {@code https://cognito-idp.{region}.amazonaws.com/{poolId}} (original) and
 * {@code https://issuer-cognito-idp.{primaryRegion}.amazonaws.com/{poolId}} (updated); locally the issuer path stays
 * on the local Cognito's port with AWS's issuer host as its first segment,
 * {@code http://localhost:9229/cognito-idp.eu-west-1.amazonaws.com/eu-west-1_LocalDemo}, so that each issuer keeps
 * its own documents, as on AWS (the app's {@code COGNITO_EMULATOR_URL} names that port).
 *
 * @param updated whether the pool has the updated issuer format
 * @param issuingRegion the region whose endpoints issue tokens: the pool's own, or a replica's (multi-Region
 *     replication). With the original format {@code iss} names it; with the updated format always the primary.
 */
public record IssuerConfiguration(boolean updated, String issuingRegion) {

    private static final Pattern REGION = Pattern.compile("[a-z]{2}-(gov-)?[a-z]+-\\d");

    public IssuerConfiguration {
        if (!REGION.matcher(issuingRegion).matches()) {
            throw new IllegalArgumentException("not an AWS region: " + issuingRegion);
        }
    }

    /** A pool's usual configuration: the original format, tokens from its own region. */
    public static IssuerConfiguration original(String userPoolId) {
        return new IssuerConfiguration(false, primaryRegion(userPoolId));
    }

    /** The updated format (tokens name the primary region, wherever they are issued). */
    public static IssuerConfiguration updated(String userPoolId) {
        return new IssuerConfiguration(true, primaryRegion(userPoolId));
    }

    /** Cognito: a pool's id starts with its primary region, {@code eu-west-1_AbC123xyz}. */
    public static String primaryRegion(String userPoolId) {
        return userPoolId.substring(0, userPoolId.indexOf('_'));
    }

    /** The issuer path of the tokens issued now: {@code /{AWS issuer host}/{poolId}}. */
    String issuerPath(String userPoolId) {
        return updated
                ? path("issuer-cognito-idp." + primaryRegion(userPoolId), userPoolId)
                : path("cognito-idp." + issuingRegion, userPoolId);
    }

    /**
     * The issuer paths whose discovery document and JWKS are served: the issuing one and, with the original format
     * from a replica, the primary region's too. An issuer of the other format is not served (the stricter reading:
     * AWS does not say that a pool serves the documents of the format it does not use).
     */
    Set<String> servedIssuerPaths(String userPoolId) {
        Set<String> served = new LinkedHashSet<>();
        served.add(issuerPath(userPoolId));
        if (!updated) {
            served.add(path("cognito-idp." + primaryRegion(userPoolId), userPoolId));
        }
        return served;
    }

    private static String path(String hostPrefix, String userPoolId) {
        return "/" + hostPrefix + ".amazonaws.com/" + userPoolId;
    }
}
