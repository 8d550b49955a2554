package dev.payaracognito.sessions;

import dev.payaracognito.audit.AuditLog;
import dev.payaracognito.cognito.CognitoSettings;
import dev.payaracognito.cognito.PoolSettings;
import dev.payaracognito.telemetry.Traced;
import dev.payaracognito.telemetry.Tracing;
import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.Optional;
import java.util.logging.Logger;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.awscore.exception.AwsServiceException;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.cognitoidentityprovider.CognitoIdentityProviderClient;
import software.amazon.awssdk.services.cognitoidentityprovider.CognitoIdentityProviderClientBuilder;
import software.amazon.awssdk.services.cognitoidentityprovider.model.UserNotFoundException;

/**
 * Cognito's {@code AdminUserGlobalSignOut} for a user, through the AWS SDK for Java v2, when the operator turned it
 * on ({@code APP_ADMIN_GLOBAL_SIGN_OUT=true}): Cognito then refuses every refresh token of the user, those that
 * apps other than this one hold (a mobile app on the same pool), and its own session cookie. Access and ID tokens
 * already issued still verify offline until they expire; this app's ended sessions refuse theirs itself. The
 * credentials are the SDK's default chain (environment, the pod's or the instance's role); against the local
 * Cognito (development mode), any static ones, as it checks only that a request is signed.
 */
@ApplicationScoped
public class GlobalSignOut {

    private static final Logger LOG = Logger.getLogger(GlobalSignOut.class.getName());
    /** Cognito's id of the request (its {@code x-amzn-RequestId}), under OpenTelemetry's name for it. */
    private static final String AWS_REQUEST_ID = "aws.request_id";

    /** What became of a global sign-out, as the admin page says it. */
    public enum Outcome {
        OFF("not asked: Cognito's global sign-out is off (APP_ADMIN_GLOBAL_SIGN_OUT)"),
        DONE("Cognito signed the user out of every app: their refresh tokens no longer work"),
        NO_SUCH_USER("Cognito knows no such user (a federated user's name may differ)"),
        FAILED("Cognito could not be asked (see the log): the user's other apps keep their tokens");

        private final String description;

        Outcome(String description) {
            this.description = description;
        }

        public String description() {
            return description;
        }
    }

    @Inject
    private CognitoSettings settings;

    @Inject
    private Tracing tracing;

    private volatile CognitoIdentityProviderClient client;

    /** Whether the operator turned it on, and the settings name a pool it can be asked of. */
    public boolean enabled() {
        return settings.sessions().adminGlobalSignOut() && settings.pool().adminApi().isPresent();
    }

    public Outcome signOut(String username) {
        if (!enabled()) {
            return Outcome.OFF;
        }
        PoolSettings.AdminApi api = settings.pool().adminApi().orElseThrow();
        try (Traced call = tracing.awsCall("CognitoIdentityProvider", "AdminUserGlobalSignOut", api.region())) {
            try {
                call.attribute(AWS_REQUEST_ID, client(api).adminUserGlobalSignOut(request -> request
                        .userPoolId(api.userPoolId()).username(username)).responseMetadata().requestId());
                return Outcome.DONE;
            } catch (UserNotFoundException unknown) {
                call.attribute(AWS_REQUEST_ID, unknown.requestId()).failed(unknown.getClass().getSimpleName());
                return Outcome.NO_SUCH_USER;
            } catch (SdkException failed) {
                if (failed instanceof AwsServiceException answered) {
                    call.attribute(AWS_REQUEST_ID, answered.requestId());
                }
                call.failed(failed.getClass().getSimpleName());
                // the SDK's messages may quote Cognito's answer: the log says which failure, not what it said
                LOG.warning("AdminUserGlobalSignOut failed: " + AuditLog.describe(failed));
                return Outcome.FAILED;
            }
        }
    }

    @PreDestroy
    void close() {
        Optional.ofNullable(client).ifPresent(CognitoIdentityProviderClient::close);
    }

    /** Built at the first use: an app that never ends a user's access never loads the SDK. */
    private CognitoIdentityProviderClient client(PoolSettings.AdminApi api) {
        CognitoIdentityProviderClient built = client;
        if (built == null) {
            synchronized (this) {
                if (client == null) {
                    CognitoIdentityProviderClientBuilder builder = CognitoIdentityProviderClient.builder()
                            .region(Region.of(api.region()))
                            .httpClient(UrlConnectionHttpClient.builder().connectionTimeout(Duration.ofSeconds(2))
                                    .socketTimeout(Duration.ofSeconds(5)).build())
                            .overrideConfiguration(call -> call.apiCallTimeout(Duration.ofSeconds(10)));
                    if (api.localEndpoint() != null) {
                        builder.endpointOverride(api.localEndpoint()).credentialsProvider(
                                StaticCredentialsProvider.create(AwsBasicCredentials.create("local", "local")));
                    }
                    client = builder.build();
                }
                built = client;
            }
        }
        return built;
    }
}
