package dev.payaracognito.security;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.security.enterprise.authentication.mechanism.http.OpenIdAuthenticationMechanismDefinition;
import jakarta.security.enterprise.authentication.mechanism.http.openid.ClaimsDefinition;
import jakarta.security.enterprise.authentication.mechanism.http.openid.OpenIdProviderMetadata;

/**
 * Browser sign-in through Cognito's hosted UI: the authorization-code flow of Jakarta Security's OpenID Connect
 * mechanism, every value from {@link CognitoEndpoints}.
 */
@OpenIdAuthenticationMechanismDefinition(
        // No providerURI: Cognito's endpoints are fixed paths on its two hosts, so we give them all and Soteria
        // fetches no discovery document (it would on every configuration build).
        providerMetadata = @OpenIdProviderMetadata(
                issuer = "${cognitoEndpoints.issuer}",
                jwksURI = "${cognitoEndpoints.jwksUri}",
                authorizationEndpoint = "${cognitoEndpoints.authorizationEndpoint}",
                tokenEndpoint = "${cognitoEndpoints.tokenEndpoint}",
                userinfoEndpoint = "${cognitoEndpoints.userinfoEndpoint}",
                endSessionEndpoint = "${cognitoEndpoints.endSessionEndpoint}",
                responseTypeSupported = "code",
                subjectTypeSupported = "public",
                idTokenSigningAlgorithmsSupported = "RS256"),
        clientId = "${cognitoEndpoints.clientId}",
        clientSecret = "${cognitoEndpoints.clientSecret}",
        redirectURI = "${cognitoEndpoints.redirectUri}",
        // Only scopes Cognito lists in scopes_supported.
        scope = {"openid", "email", "profile"},
        // Cognito: the caller's name and groups are cognito:username and cognito:groups, not the defaults.
        claimsDefinition = @ClaimsDefinition(callerNameClaim = "cognito:username", callerGroupsClaim = "cognito:groups"),
        useNonce = true,
        // Soteria's default, stated: the tokens are refreshed this long before they expire (SignInRecord.tokensDue
        // tells when with the same margin, and OpenIdContextReplica builds the mechanism's tokens with it).
        tokenMinValidity = CognitoSecurityConfiguration.TOKEN_MIN_VALIDITY_MILLIS,

        redirectToOriginalResource = false,
        // Stay signed in past the tokens' life: refresh them with the refresh token (SignedInSession checks them).
        tokenAutoRefresh = true,
        jwksConnectTimeout = 2000,
        jwksReadTimeout = 3000,
        qualifiers = CognitoSignIn.class)
@ApplicationScoped
public class CognitoSecurityConfiguration {

    public static final int TOKEN_MIN_VALIDITY_MILLIS = 10_000;
}
