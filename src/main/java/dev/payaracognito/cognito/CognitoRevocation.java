package dev.payaracognito.cognito;

import dev.payaracognito.telemetry.Traced;
import dev.payaracognito.telemetry.Tracing;
import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.logging.Logger;

/**
 * Revokes a refresh token at Cognito's {@code /oauth2/revoke} (which also revokes the access tokens issued from
 * it), so that a sign-out ends the grant and not only the session. Short timeouts: sign-out must not hang.
 */
@ApplicationScoped
public class CognitoRevocation {

    private static final Logger LOG = Logger.getLogger(CognitoRevocation.class.getName());

    private final CognitoSettings settings;
    private final CognitoEndpoints endpoints;
    private final Tracing tracing;
    private final HttpClient http;

    @Inject
    public CognitoRevocation(CognitoSettings settings, CognitoEndpoints endpoints, Tracing tracing) {
        this.settings = settings;
        this.endpoints = endpoints;
        this.tracing = tracing;
        this.http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
    }

    /**
     * For CDI's proxy only, which is made with this constructor and kept for the app's life: it builds no HTTP client
     * (a client built for the proxy kept a selector thread, and made the deployment build the JDK's TLS context).
     */
    protected CognitoRevocation() {
        this.settings = null;
        this.endpoints = null;
        this.tracing = null;
        this.http = null;
    }

    /** The client's selector thread ends with the app: a redeployment would otherwise leave one behind each time. */
    @PreDestroy
    void close() {
        http.close();
    }

    /** Whether Cognito answered; a refusal (4xx) is logged, an outage is reported as false. */
    public boolean revoke(String refreshToken) {
        URI revocation;
        try {
            revocation = URI.create(endpoints.revocationEndpoint());
        } catch (CognitoUnavailable e) {
            LOG.warning("refresh token not revoked: Cognito unreachable (" + e.getClass().getSimpleName() + ")");
            return false;
        }
        try (Traced call = tracing.call("POST revoke", "POST", revocation)) {
            HttpRequest.Builder request = HttpRequest.newBuilder(revocation)
                    .timeout(Duration.ofSeconds(3))
                    .header("Authorization", "Basic " + clientCredentials())
                    .header("Content-Type", "application/x-www-form-urlencoded")
                    .POST(HttpRequest.BodyPublishers.ofString("token=" + encode(refreshToken)));
            int status;
            try {
                status = tracing.send(http, call, request, HttpResponse.BodyHandlers.discarding()).statusCode();
            } catch (IOException e) {
                LOG.warning("refresh token not revoked: Cognito unreachable (" + e.getClass().getSimpleName() + ")");
                return false;
            }
            if (status >= 500) {
                LOG.warning("refresh token not revoked: Cognito answered " + status);
                return false;
            }
            if (status != 200) {
                LOG.warning("refresh token not revoked: Cognito refused it (" + status + ")");
            }
            return true;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    /** HTTP Basic client authentication, with id and secret form-encoded first (RFC 6749 section 2.3.1). */
    private String clientCredentials() {
        String pair = encode(settings.client().clientId()) + ":" + encode(settings.client().clientSecret());
        return Base64.getEncoder().encodeToString(pair.getBytes(StandardCharsets.UTF_8));
    }

    private static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }
}
