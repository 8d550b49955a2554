package dev.payaracognito.web;

import dev.payaracognito.cognito.CognitoSettings;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.List;

/**
 * The signed-out visitor's ways to sign in: the hosted UI's own page, and one link per configured identity
 * provider ({@code COGNITO_IDENTITY_PROVIDERS}) that goes straight to it. Each is a plain link to a protected page:
 * no form, so no session for a visitor who only looks.
 */
@Named("signInOptions")
@ApplicationScoped
public class SignInOptions {

    private static final String PAGE = "/secure/profile.xhtml";

    @Inject
    private CognitoSettings settings;

    public List<String> getIdentityProviders() {
        return settings.client().identityProviders();
    }

    /** The link that signs in through {@code provider} (the parameter is Cognito's own name for it). */
    public String link(String provider) {
        return PAGE + "?identity_provider=" + URLEncoder.encode(provider, StandardCharsets.UTF_8);
    }
}
