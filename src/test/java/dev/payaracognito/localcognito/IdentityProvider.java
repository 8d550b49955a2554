package dev.payaracognito.localcognito;

import java.util.List;

/**
 * An identity provider of the pool, which {@code /oauth2/authorize?identity_provider={providerName}} (or
 * {@code idp_identifier} = one of its {@code idpIdentifiers}) goes straight to. The local Cognito stands in for the
 * provider itself with a page that signs in one of the pool's users of that provider. {@code issuer} is what the
 * {@code identities} claim names (Cognito: null for social providers, the IdP's entity id for SAML).
 */
public record IdentityProvider(String providerName, Type providerType, String issuer, List<String> idpIdentifiers) {

    /** Cognito's provider types, as the {@code identities} claim spells them. */
    public enum Type {
        GOOGLE("Google"),
        FACEBOOK("Facebook"),
        LOGIN_WITH_AMAZON("LoginWithAmazon"),
        SIGN_IN_WITH_APPLE("SignInWithApple"),
        OIDC("OIDC"),
        SAML("SAML");

        private final String typeName;

        Type(String typeName) {
            this.typeName = typeName;
        }

        public String typeName() {
            return typeName;
        }

        /** The type Cognito spells {@code typeName} ({@code Google}, {@code SAML}, …). */
        public static Type named(String typeName) {
            for (Type type : values()) {
                if (type.typeName.equals(typeName)) {
                    return type;
                }
            }
            throw new IllegalArgumentException("not a Cognito provider type: " + typeName);
        }
    }

    public IdentityProvider {
        // Cognito reserves COGNITO for its own users; a federated username is {providerName}_{userId}.
        if (providerName.isBlank() || providerName.equalsIgnoreCase("COGNITO") || providerName.contains("_")) {
            throw new IllegalArgumentException("not a provider name Cognito accepts: " + providerName);
        }
        idpIdentifiers = List.copyOf(idpIdentifiers);
    }
}
