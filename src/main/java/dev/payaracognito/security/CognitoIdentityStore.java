package dev.payaracognito.security;

import static jakarta.security.enterprise.identitystore.CredentialValidationResult.INVALID_RESULT;
import static jakarta.security.enterprise.identitystore.CredentialValidationResult.NOT_VALIDATED_RESULT;

import dev.payaracognito.security.token.CognitoToken;
import dev.payaracognito.security.token.CognitoTokenValidator;
import dev.payaracognito.security.token.TokenRejected;
import dev.payaracognito.telemetry.Traced;
import dev.payaracognito.telemetry.Tracing;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.security.enterprise.credential.Credential;
import jakarta.security.enterprise.identitystore.CredentialValidationResult;
import jakarta.security.enterprise.identitystore.IdentityStore;

/**
 * Validates Cognito's tokens with {@link CognitoTokenValidator}: the ID and access tokens of a sign-in, or an
 * API call's access token. The caller is the token's user (or, on the API, a machine client), a
 * {@link CognitoPrincipal}; a sign-in's groups are {@code cognito:groups} of the signature-checked access token,
 * an API call's roles are a user's groups or a machine client's granted scopes ({@link CognitoToken#apiRoles()}). Other credentials are not ours. Refusals are recorded on the credential, for
 * the mechanism to log and answer, and each validation is a span of the request's trace (its refusal's reason as
 * {@code error.type}, the token cache's hit or miss).
 */
@ApplicationScoped
public class CognitoIdentityStore implements IdentityStore {

    @Inject
    private CognitoValidation validation;

    @Inject
    private Tracing tracing;

    @Override
    public CredentialValidationResult validate(Credential credential) {
        if (credential instanceof SignInTokensCredential signIn) {
            return validate(signIn);
        }
        if (credential instanceof BearerTokenCredential bearer) {
            return validate(bearer);
        }
        return NOT_VALIDATED_RESULT;
    }

    private CredentialValidationResult validate(SignInTokensCredential credential) {
        try (Traced traced = tracing.step("validate tokens").attribute("cognito.token.kind", "sign-in")) {
            try {
                CognitoToken access = validation.validator().validateSignIn(credential.idToken(),
                        credential.accessToken());
                return new CredentialValidationResult(new CognitoPrincipal(access), access.groups());
            } catch (TokenRejected rejected) {
                traced.failed(rejected.reason().name());
                credential.refuse(rejected);
                return INVALID_RESULT;
            }
        }
    }

    /** An API call's access token, through the cache of tokens already validated. */
    private CredentialValidationResult validate(BearerTokenCredential credential) {
        try (Traced traced = tracing.step("validate tokens").attribute("cognito.token.kind", "bearer")) {
            try {
                CognitoToken token = validation.accessTokens().validate(credential.token());
                return new CredentialValidationResult(new CognitoPrincipal(token), token.apiRoles());
            } catch (TokenRejected rejected) {
                traced.failed(rejected.reason().name());
                credential.refuse(rejected);
                return INVALID_RESULT;
            }
        }
    }
}
