package dev.payaracognito.localcognito;

import com.nimbusds.jose.util.JSONObjectUtils;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.text.ParseException;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Users, groups, app clients, resource servers and identity providers of one pool: the built-in demo pool, or one
 * read from a JSON file (which has no identity providers).
 */
public record UserPool(String userPoolId, Map<String, PoolUser> users, Map<String, AppClient> clients,
        Map<String, ResourceServer> resourceServers, Map<String, IdentityProvider> identityProviders) {

    public static final String DEMO_POOL_ID = "eu-west-1_LocalDemo";
    /** Cognito app client ids are 26 lowercase alphanumerics. */
    public static final String DEMO_CLIENT_ID = "localcognitodemoclient0001";
    /** Cognito client secrets are long base36 strings. This one is public: it only opens the demo pool. */
    public static final String DEMO_CLIENT_SECRET = "1x8demo0local0cognito0secret0not0for0production0q7k";
    public static final String DEMO_CALLBACK_URL = "http://localhost:8080/callback";
    public static final String DEMO_SIGN_OUT_URL = "http://localhost:8080/";

    /** The demo pool's resource server, the app's API, and its two scopes. */
    public static final String DEMO_RESOURCE_SERVER = "payara-api";
    public static final String DEMO_READ_SCOPE = "payara-api/read";
    public static final String DEMO_ADMIN_SCOPE = "payara-api/admin";
    /** A machine client (client credentials) allowed both scopes of {@code payara-api}. */
    public static final String DEMO_MACHINE_CLIENT_ID = "localcognitomachineclient1";
    /** Public like the demo client's: it only opens the local demo pool. */
    public static final String DEMO_MACHINE_CLIENT_SECRET = "4m2demo0local0machine0secret0not0for0production0z8";
    /** A machine client allowed only {@code payara-api/read}. */
    public static final String DEMO_READ_ONLY_MACHINE_CLIENT_ID = "localcognitomachineclient2";
    /** Public like the demo client's: it only opens the local demo pool. */
    public static final String DEMO_READ_ONLY_MACHINE_CLIENT_SECRET =
            "7r5demo0local0reader0secret0not0for0production0k3w";

    /** The demo pool's identity providers: a social one and a SAML one, each with one user. */
    public static final String DEMO_GOOGLE_PROVIDER = "Google";
    public static final String DEMO_SAML_PROVIDER = "Okta-SAML";
    /** {@code idp_identifier=example.org} finds the SAML provider, as an email domain does in Cognito. */
    public static final String DEMO_SAML_IDP_IDENTIFIER = "example.org";
    /** Google's user ids are 21 digits; this user is {@code Google_104020000000000000001} in the pool. */
    public static final String DEMO_GOOGLE_USER_ID = "104020000000000000001";
    /** A SAML NameID; this user is {@code Okta-SAML_sam@example.org} in the pool, and in the group admins. */
    public static final String DEMO_SAML_USER_ID = "sam@example.org";
    /** When Cognito first linked the demo's federated users ({@code dateCreated} of their identities). */
    public static final Instant DEMO_FEDERATED_SINCE = Instant.parse("2026-01-01T00:00:00Z");

    /** Cognito's own scopes; every other scope a client may get is a resource server's. */
    private static final Set<String> STANDARD_SCOPES = Set.of("openid", "email", "phone", "profile",
            "aws.cognito.signin.user.admin");

    private static final String POOL_ID_PATTERN = "^[a-z]{2}-(gov-)?[a-z]+-\\d_[a-zA-Z0-9]+$";

    public UserPool {
        if (!userPoolId.matches(POOL_ID_PATTERN)) {
            throw new IllegalArgumentException("userPoolId must look like eu-west-1_AbC123xyz: " + userPoolId);
        }
        users = Map.copyOf(users);
        clients = Map.copyOf(clients);
        resourceServers = Map.copyOf(resourceServers);
        identityProviders = Map.copyOf(identityProviders);
        requireKnownScopes(clients.values(), resourceServers.values());
        for (PoolUser user : users.values()) {
            if (user.isFederated() && !identityProviders.containsValue(user.identity().provider())) {
                throw new IllegalArgumentException(user.username() + " comes from a provider the pool does not have");
            }
        }
    }

    /**
     * The demo pool of the README's quick start: alice (no group) and bob (group admins); one user client for localhost:8080,
     * which may also ask for {@code payara-api/read}; the resource server {@code payara-api} (scopes {@code read},
     * {@code admin}) and two machine clients of it; the identity providers Google and Okta-SAML with one user each.
     */
    public static UserPool demo() {
        IdentityProvider google = new IdentityProvider(DEMO_GOOGLE_PROVIDER, IdentityProvider.Type.GOOGLE, null,
                List.of());
        IdentityProvider saml = new IdentityProvider(DEMO_SAML_PROVIDER, IdentityProvider.Type.SAML,
                "http://www.okta.com/exk0localcognitodemo", List.of(DEMO_SAML_IDP_IDENTIFIER));
        List<AppClient> clients = List.of(
                new AppClient(DEMO_CLIENT_ID, DEMO_CLIENT_SECRET, List.of(DEMO_CALLBACK_URL),
                        List.of(DEMO_SIGN_OUT_URL), Set.of("openid", "email", "profile", DEMO_READ_SCOPE), false),
                AppClient.machine(DEMO_MACHINE_CLIENT_ID, DEMO_MACHINE_CLIENT_SECRET,
                        Set.of(DEMO_READ_SCOPE, DEMO_ADMIN_SCOPE)),
                AppClient.machine(DEMO_READ_ONLY_MACHINE_CLIENT_ID, DEMO_READ_ONLY_MACHINE_CLIENT_SECRET,
                        Set.of(DEMO_READ_SCOPE)));
        return new UserPool(DEMO_POOL_ID,
                byUsername(List.of(
                        demoUser(DEMO_POOL_ID, "alice", "Alice-Passw0rd!", "alice@example.com", List.of()),
                        demoUser(DEMO_POOL_ID, "bob", "Bob-Passw0rd!", "bob@example.com", List.of("admins")),
                        PoolUser.federated(DEMO_POOL_ID, google, DEMO_GOOGLE_USER_ID, "grace@example.com", List.of(),
                                DEMO_FEDERATED_SINCE),
                        PoolUser.federated(DEMO_POOL_ID, saml, DEMO_SAML_USER_ID, DEMO_SAML_USER_ID,
                                List.of("admins"), DEMO_FEDERATED_SINCE))),
                byClientId(clients),
                byIdentifier(List.of(new ResourceServer(DEMO_RESOURCE_SERVER, Set.of("read", "admin")))),
                Map.of(google.providerName(), google, saml.providerName(), saml));
    }

    /** Cognito usernames are case-insensitive by default. */
    public Optional<PoolUser> user(String username) {
        return Optional.ofNullable(users.get(username.toLowerCase(Locale.ROOT)));
    }

    public Optional<AppClient> client(String clientId) {
        return Optional.ofNullable(clients.get(clientId));
    }

    /** The provider {@code identity_provider} names; without one, the provider {@code idp_identifier} names. */
    public Optional<IdentityProvider> identityProvider(String providerName, String idpIdentifier) {
        if (providerName != null || idpIdentifier == null) {
            return Optional.ofNullable(providerName).map(identityProviders::get);
        }
        return identityProviders.values().stream().filter(p -> p.idpIdentifiers().contains(idpIdentifier))
                .findFirst();
    }

    /** The pool's users who sign in at this provider. */
    public List<PoolUser> federatedUsers(IdentityProvider provider) {
        return users.values().stream().filter(u -> u.isFederated() && u.identity().provider().equals(provider))
                .toList();
    }

    /** A copy of this pool whose client is replaced, e.g. to require PKCE or to add callback URLs. */
    public UserPool withClient(AppClient client) {
        Map<String, AppClient> changed = new LinkedHashMap<>(clients);
        changed.put(client.clientId(), client);
        return new UserPool(userPoolId, users, changed, resourceServers, identityProviders);
    }

    /**
     * Reads a pool file: {@code {"userPoolId", "groups": [names], "resourceServers": [{"identifier", "scopes":
     * [names]}], "identityProviders": [{"providerName", "providerType" (Google, SAML, …), "issuer",
     * "idpIdentifiers"}], "clients": [{"clientId", "clientSecret", "callbackUrls", "signOutUrls", "scopes",
     * "requirePkce", "allowedOAuthFlows": ["code" (the default) or "client_credentials"], "refreshTokenRotation":
     * {"feature": "ENABLED" or "DISABLED", "retryGracePeriodSeconds": 0 to 60}}], "users": [{"username",
     * "passwordHash", "email", "emailVerified", "groups", "sub"} or, for a provider's user, {"identityProvider",
     * "userId", "email", "groups"}]}}; see {@code src/test/resources/local-cognito/pool.example.json}.
     */
    public static UserPool fromJson(Path file) throws IOException {
        try {
            Map<String, Object> json = JSONObjectUtils.parse(Files.readString(file, StandardCharsets.UTF_8));
            String poolId = required(JSONObjectUtils.getString(json, "userPoolId"), "userPoolId");
            List<String> groups = strings(json, "groups");
            List<ResourceServer> resourceServers = new ArrayList<>();
            for (Map<String, Object> r : objects(json, "resourceServers")) {
                resourceServers.add(new ResourceServer(required(JSONObjectUtils.getString(r, "identifier"),
                        "identifier"), Set.copyOf(strings(r, "scopes"))));
            }
            List<AppClient> clients = new ArrayList<>();
            for (Map<String, Object> c : objects(json, "clients")) {
                List<String> flows = strings(c, "allowedOAuthFlows");
                clients.add(new AppClient(required(JSONObjectUtils.getString(c, "clientId"), "clientId"),
                        JSONObjectUtils.getString(c, "clientSecret"), strings(c, "callbackUrls"),
                        strings(c, "signOutUrls"), Set.copyOf(strings(c, "scopes")),
                        Boolean.TRUE.equals(c.get("requirePkce")), flows.isEmpty() ? Set.of(OAuthFlow.CODE)
                                : flows.stream().map(OAuthFlow::named).collect(Collectors.toSet()),
                        rotation(JSONObjectUtils.getJSONObject(c, "refreshTokenRotation"))));
            }
            // A provider's user is linked to the pool when it first signs in; here, when the file is read.
            Instant loaded = Instant.now().truncatedTo(ChronoUnit.MILLIS);
            Map<String, IdentityProvider> providers = new LinkedHashMap<>();
            for (Map<String, Object> p : objects(json, "identityProviders")) {
                IdentityProvider provider = new IdentityProvider(required(JSONObjectUtils.getString(p,
                        "providerName"), "providerName"), IdentityProvider.Type.named(required(
                        JSONObjectUtils.getString(p, "providerType"), "providerType")),
                        JSONObjectUtils.getString(p, "issuer"), strings(p, "idpIdentifiers"));
                providers.put(provider.providerName(), provider);
            }
            List<PoolUser> users = new ArrayList<>();
            for (Map<String, Object> u : objects(json, "users")) {
                List<String> memberOf = strings(u, "groups");
                String providerName = JSONObjectUtils.getString(u, "identityProvider");
                if (providerName != null) {
                    IdentityProvider provider = providers.get(providerName);
                    if (provider == null || !groups.containsAll(memberOf)) {
                        throw new IllegalArgumentException("a user of " + providerName
                                + " names a provider or a group the pool does not list");
                    }
                    users.add(PoolUser.federated(poolId, provider, required(JSONObjectUtils.getString(u, "userId"),
                            "userId"), JSONObjectUtils.getString(u, "email"), memberOf, loaded));
                    continue;
                }
                String username = required(JSONObjectUtils.getString(u, "username"), "username");
                if (!groups.containsAll(memberOf)) {
                    throw new IllegalArgumentException(username + " is in a group the pool does not list");
                }
                String sub = Optional.ofNullable(JSONObjectUtils.getString(u, "sub"))
                        .orElseGet(() -> PoolUser.stableSub(poolId, username));
                users.add(new PoolUser(username, sub, required(JSONObjectUtils.getString(u, "passwordHash"),
                        "passwordHash"), JSONObjectUtils.getString(u, "email"),
                        Boolean.TRUE.equals(u.get("emailVerified")), memberOf));
            }
            return new UserPool(poolId, byUsername(users), byClientId(clients), byIdentifier(resourceServers),
                    providers);
        } catch (ParseException e) {
            throw new IOException(file + " is not a valid pool file: " + e.getMessage(), e);
        }
    }

    /** A user of the demo's, with a verified email, in pool {@code poolId}. */
    static PoolUser demoUser(String poolId, String username, String password, String email, List<String> groups) {
        return new PoolUser(username, PoolUser.stableSub(poolId, username), PasswordHash.ofPublished(password), email,
                true, groups);
    }

    /** A pool without identity providers. */
    static UserPool of(String poolId, List<PoolUser> users, List<AppClient> clients, List<ResourceServer> servers) {
        return new UserPool(poolId, byUsername(users), byClientId(clients), byIdentifier(servers), Map.of());
    }

    /**
     * Cognito refuses an app client whose scope is neither one of its own nor a resource server's, and a
     * client-credentials client with anything but resource servers' scopes.
     */
    private static void requireKnownScopes(Collection<AppClient> clients, Collection<ResourceServer> servers) {
        Set<String> custom = servers.stream().flatMap(s -> s.scopes().stream()).collect(Collectors.toSet());
        for (AppClient client : clients) {
            for (String scope : client.scopes()) {
                boolean standardAllowed = !client.allows(OAuthFlow.CLIENT_CREDENTIALS);
                if (!custom.contains(scope) && !(standardAllowed && STANDARD_SCOPES.contains(scope))) {
                    throw new IllegalArgumentException(client.clientId() + " may not have the scope " + scope);
                }
            }
        }
    }

    private static Map<String, AppClient> byClientId(List<AppClient> clients) {
        Map<String, AppClient> map = new LinkedHashMap<>();
        clients.forEach(c -> map.put(c.clientId(), c));
        return map;
    }

    private static Map<String, ResourceServer> byIdentifier(List<ResourceServer> servers) {
        Map<String, ResourceServer> map = new LinkedHashMap<>();
        servers.forEach(s -> map.put(s.identifier(), s));
        return map;
    }

    private static Map<String, PoolUser> byUsername(List<PoolUser> users) {
        Map<String, PoolUser> map = new LinkedHashMap<>();
        users.forEach(u -> map.put(u.username().toLowerCase(Locale.ROOT), u));
        return map;
    }

    /** Cognito's {@code RefreshTokenRotation} of an app client: {@code Feature}, {@code RetryGracePeriodSeconds}. */
    private static RefreshTokenRotation rotation(Map<String, Object> rotation) throws ParseException {
        if (rotation == null || !"ENABLED".equals(JSONObjectUtils.getString(rotation, "feature"))) {
            return RefreshTokenRotation.DISABLED;
        }
        Number grace = rotation.get("retryGracePeriodSeconds") instanceof Number seconds ? seconds : 0;
        return RefreshTokenRotation.enabled(Duration.ofSeconds(grace.longValue()));
    }

    private static List<String> strings(Map<String, Object> json, String key) throws ParseException {
        String[] values = JSONObjectUtils.getStringArray(json, key);
        return values == null ? List.of() : List.of(values);
    }

    private static List<Map<String, Object>> objects(Map<String, Object> json, String key) throws ParseException {
        Map<String, Object>[] values = JSONObjectUtils.getJSONObjectArray(json, key);
        return values == null ? List.of() : List.of(values);
    }

    private static String required(String value, String name) {
        if (value == null || value.isBlank()) {
            throw new IllegalArgumentException("the pool file needs " + name);
        }
        return value;
    }
}
