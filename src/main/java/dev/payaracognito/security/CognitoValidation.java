package dev.payaracognito.security;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.net.MalformedURLException;
import java.net.URI;
import java.time.Clock;
import java.util.Set;

/** The app's one {@link CognitoTokenValidator}, built from the settings when it is first needed. */
@ApplicationScoped
public class CognitoValidation {

    @Inject
    private CognitoSettings settings;

    private volatile CognitoTokenValidator validator;

    public CognitoTokenValidator validator() {
        CognitoTokenValidator built = validator;
        if (built == null) {
            synchronized (this) {
                if (validator == null) {
                    validator = build();
                }
                built = validator;
            }
        }
        return built;
    }

    private CognitoTokenValidator build() {
        if (!settings.problems().isEmpty()) {
            throw new IllegalStateException("Cognito is not configured: " + settings.problems());
        }
        try {
            CognitoKeys keys = new CognitoKeys(URI.create(settings.getJwksUri()).toURL(), CognitoKeys.Policy.defaults());
            return new CognitoTokenValidator(settings.getIssuer(), settings.getClientId(),
                    Set.copyOf(settings.accessTokenClients()), keys, Clock.systemUTC());
        } catch (MalformedURLException e) {
            throw new IllegalStateException("the JWKS URL is not a URL", e);
        }
    }
}
