package dev.payaracognito.security;

import static jakarta.security.enterprise.identitystore.CredentialValidationResult.INVALID_RESULT;
import static jakarta.security.enterprise.identitystore.CredentialValidationResult.NOT_VALIDATED_RESULT;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.security.enterprise.credential.Credential;
import jakarta.security.enterprise.identitystore.CredentialValidationResult;
import jakarta.security.enterprise.identitystore.IdentityStore;
import java.util.logging.Logger;

/**
 * Validates Cognito's tokens with {@link CognitoTokenValidator}: the caller is {@code cognito:username}, the
 * groups are {@code cognito:groups} of the signature-checked access token. Other credentials are not ours.
 */
@ApplicationScoped
public class CognitoIdentityStore implements IdentityStore {

    private static final Logger LOG = Logger.getLogger(CognitoIdentityStore.class.getName());

    @Inject
    private CognitoValidation validation;

    @Override
    public CredentialValidationResult validate(Credential credential) {
        if (credential instanceof SignInTokensCredential signIn) {
            return validate(signIn);
        }
        return NOT_VALIDATED_RESULT;
    }

    private CredentialValidationResult validate(SignInTokensCredential credential) {
        try {
            CognitoTokenValidator validator = validation.validator();
            CognitoToken id = validator.validateIdToken(credential.idToken());
            CognitoToken access = validator.validateAccessToken(credential.accessToken());
            if (!id.subject().equals(access.subject()) || !id.username().equals(access.username())) {
                throw new TokenRejected(TokenRejected.Reason.CLIENT, "ID and access token name different users");
            }
            return new CredentialValidationResult(id.username(), access.groups());
        } catch (TokenRejected rejected) {
            LOG.warning("sign-in tokens refused: " + rejected.getMessage());
            credential.refuse(rejected);
            return INVALID_RESULT;
        }
    }
}
