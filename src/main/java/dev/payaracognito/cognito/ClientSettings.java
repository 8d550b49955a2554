package dev.payaracognito.cognito;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * The app's client of the pool and what its sign-in offers: {@code cognito.client-id}, {@code cognito.client-secret},
 * {@code cognito.domain}, {@code cognito.identity-providers}, and the other clients whose access tokens the API takes
 * ({@code cognito.api-client-ids}).
 */
public final class ClientSettings {

    /** Cognito app client ids: word characters and '+', 1 to 128. */
    private static final String CLIENT_ID = "[\\w+]{1,128}";
    /** Cognito's identity provider names: 1 to 32 letters, digits, marks, symbols or punctuation. */
    private static final String PROVIDER_NAME = "[\\p{L}\\p{M}\\p{S}\\p{N}\\p{P}&&[^,]]{1,32}";
    private static final String IDENTITY_PROVIDERS = "COGNITO_IDENTITY_PROVIDERS (cognito.identity-providers) must be "
            + "the names of the pool's identity providers as in Cognito (e.g. Google,Okta-SAML), comma-separated.";

    private final String clientId;
    private final String clientSecret;
    private final String configuredDomain;
    private final List<String> identityProviders;
    private final List<String> apiClientIds;

    private ClientSettings(String clientId, String clientSecret, String configuredDomain,
            List<String> identityProviders, List<String> apiClientIds) {
        this.clientId = clientId;
        this.clientSecret = clientSecret;
        this.configuredDomain = configuredDomain;
        this.identityProviders = identityProviders;
        this.apiClientIds = apiClientIds;
    }

    static ClientSettings read(TypedConfig settings, SettingUrls urls, List<String> problems) {
        String clientId = settings.text("cognito.client-id").orElse(null);
        if (clientId == null || !clientId.matches(CLIENT_ID)) {
            problems.add("Set COGNITO_CLIENT_ID (cognito.client-id) to the id of your user pool's app client.");
        }
        String clientSecret = settings.text("cognito.client-secret").orElse(null);
        if (clientSecret == null) {
            problems.add("Set COGNITO_CLIENT_SECRET (cognito.client-secret): the app client needs a secret.");
        }
        String domain = settings.text("cognito.domain").map(d -> urls.url(d, "COGNITO_DOMAIN (cognito.domain)"))
                .orElse(null);
        List<String> providers = Arrays.stream(settings.value("cognito.identity-providers", String[].class,
                        new String[0], IDENTITY_PROVIDERS)).map(String::strip).filter(name -> !name.isEmpty())
                .distinct().toList();
        if (providers.stream().anyMatch(name -> !name.matches(PROVIDER_NAME))) {
            problems.add(IDENTITY_PROVIDERS);
        }
        List<String> apiClientIds = Arrays.stream(settings.value("cognito.api-client-ids", String[].class,
                        new String[0], "COGNITO_API_CLIENT_IDS (cognito.api-client-ids) must be app client ids, "
                                + "comma-separated."))
                .map(String::strip).filter(id -> !id.isEmpty()).toList();
        return new ClientSettings(clientId, clientSecret, domain, providers, apiClientIds);
    }

    public String clientId() {
        return clientId;
    }

    public String clientSecret() {
        return clientSecret;
    }

    /** {@code cognito.domain}, or null: then the hosted-UI domain is read from the discovery document. */
    String configuredDomain() {
        return configuredDomain;
    }

    /**
     * The pool's identity providers offered on the home page, each a "Sign in with …" that goes straight to it
     * through the hosted UI: {@code cognito.identity-providers}, as named in Cognito; empty for the password form only.
     */
    public List<String> identityProviders() {
        return identityProviders;
    }

    /** Our client, and the other app clients of the pool whose access tokens the API accepts. */
    public List<String> accessTokenClients() {
        List<String> clients = new ArrayList<>(apiClientIds);
        clients.add(clientId);
        return clients;
    }
}
