package dev.payaracognito.cognito;

import dev.payaracognito.audit.AuditLog;
import dev.payaracognito.telemetry.Traced;
import dev.payaracognito.telemetry.Tracing;
import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.json.Json;
import jakarta.json.JsonException;
import jakarta.json.JsonObject;
import jakarta.json.JsonReader;
import jakarta.json.JsonReaderFactory;
import jakarta.json.JsonString;
import java.io.IOException;
import java.io.StringReader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicReference;
import java.util.logging.Logger;

/**
 * The pool's discovery document: the hosted-UI domain is read from it, once, when it is not configured; and
 * {@link CognitoHealth} asks for it to learn whether Cognito answers.
 */
@ApplicationScoped
public class CognitoDiscovery {

    private static final Logger LOG = Logger.getLogger(CognitoDiscovery.class.getName());
    /** One factory: {@code Json.createReader} looks the JSON provider up (a search of the class path) each call. */
    private static final JsonReaderFactory JSON = Json.createReaderFactory(Map.of());

    private static final String AUTHORIZE_PATH = "/oauth2/authorize";

    private final HttpClient http;
    private final Tracing tracing;
    private final AtomicReference<String> domain = new AtomicReference<>();
    private final AtomicReference<String> announcedIssuer = new AtomicReference<>();
    private final AtomicBoolean formatChangeSaid = new AtomicBoolean();

    @Inject
    public CognitoDiscovery(Tracing tracing) {
        this.tracing = tracing;
        this.http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
    }

    /**
     * For CDI's proxy only, which is made with this constructor and kept for the app's life: it builds no HTTP client
     * (a client built for the proxy kept a selector thread, and made the deployment build the JDK's TLS context).
     */
    protected CognitoDiscovery() {
        this.tracing = null;
        this.http = null;
    }

    /** The client's selector thread ends with the app: a redeployment would otherwise leave one behind each time. */
    @PreDestroy
    void close() {
        http.close();
    }

    String domain(String issuer) {
        String known = domain.get();
        if (known != null) {
            return known;
        }
        String endpoint = authorizationEndpoint(issuer);
        // Cognito: a pool without a domain advertises "" for its hosted-UI endpoints.
        if (!endpoint.endsWith(AUTHORIZE_PATH)) {
            throw new CognitoUnavailable("the user pool has no hosted-UI domain: set COGNITO_DOMAIN", null);
        }
        String discovered = endpoint.substring(0, endpoint.length() - AUTHORIZE_PATH.length());
        domain.compareAndSet(null, discovered);
        return discovered;
    }

    /**
     * The issuer of the pool's sign-ins, among {@code accepted} (the home region's, the original format first): the
     * issuer named by the discovery document of the first of them whose document is served, when it is one of
     * {@code accepted}, else that issuer itself. Cognito serves a pool's discovery under the issuers of its issuer
     * configuration; an issuer whose document Cognito says is not there (404) is passed over, but an outage, a
     * throttle or any other answer is not (no guess). Read once and kept.
     *
     * @throws CognitoUnavailable while Cognito cannot be reached, or serves no document: no guess, as the OpenID
     *     mechanism keeps the issuer it is first given for as long as the app runs (its configuration is built
     *     once); a sign-in that cannot start now gets the "try again" page and the next one asks again
     */
    String announcedIssuer(List<String> accepted) {
        String known = announcedIssuer.get();
        if (known != null) {
            return known;
        }
        for (String issuer : accepted) {
            Optional<JsonObject> document = documentIfServed(issuer);
            if (document.isPresent()) {
                String announced = document.get().get("issuer") instanceof JsonString named ? named.getString() : "";
                announcedIssuer.compareAndSet(null, accepted.contains(announced) ? announced : issuer);
                return announcedIssuer.get();
            }
        }
        throw new CognitoUnavailable("no discovery document is served under the pool's issuers " + accepted, null);
    }

    /** The issuer {@link #announcedIssuer} found, if it has. */
    Optional<String> knownIssuer() {
        return Optional.ofNullable(announcedIssuer.get());
    }

    /**
     * Whether Cognito answers under {@code issuer}: with its document, or with a 404 (then the pool's issuer
     * configuration changed since the app started; an outage it is not, and refreshes go on).
     */
    boolean answers(String issuer) {
        try {
            if (documentIfServed(issuer).isEmpty() && formatChangeSaid.compareAndSet(false, true)) {
                LOG.warning("Cognito serves no discovery document under the sign-ins' issuer " + issuer + " any more:"
                        + " has the pool's issuer format changed? New sign-ins fail until the app is restarted.");
            }
            return true;
        } catch (CognitoUnavailable e) {
            return false;
        }
    }

    private String authorizationEndpoint(String issuer) {
        return document(issuer).getString("authorization_endpoint", "");
    }

    /** The discovery document, fetched now (2 s to connect, 3 s in all). */
    JsonObject document(String issuer) {
        return documentIfServed(issuer).orElseThrow(
                () -> new CognitoUnavailable("no discovery document is served under " + issuer, null));
    }

    /** The discovery document, or empty when Cognito answers that there is none here (404). */
    private Optional<JsonObject> documentIfServed(String issuer) {
        URI document = URI.create(issuer + "/.well-known/openid-configuration");
        try (Traced call = tracing.call("GET discovery", "GET", document)) {
            HttpResponse<String> response = tracing.send(http, call, HttpRequest.newBuilder(document)
                    .timeout(Duration.ofSeconds(3)), HttpResponse.BodyHandlers.ofString());
            if (response.statusCode() == 404) {
                return Optional.empty();
            }
            if (response.statusCode() != 200) {
                throw new CognitoUnavailable("discovery answered " + response.statusCode(), null);
            }
            try (JsonReader reader = JSON.createReader(new StringReader(response.body()))) {
                return Optional.of(reader.readObject());
            }
        } catch (IOException | JsonException | ClassCastException e) {
            throw new CognitoUnavailable("discovery document unavailable: " + AuditLog.describe(e), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new CognitoUnavailable("interrupted while reading the discovery document", e);
        }
    }
}
