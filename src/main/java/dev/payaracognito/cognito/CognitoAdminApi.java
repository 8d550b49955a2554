package dev.payaracognito.cognito;

import dev.payaracognito.audit.AuditLog;
import dev.payaracognito.telemetry.Traced;
import dev.payaracognito.telemetry.Tracing;
import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonReaderFactory;
import jakarta.json.JsonString;
import java.io.ByteArrayInputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.AwsCredentialsProvider;
import software.amazon.awssdk.auth.credentials.DefaultCredentialsProvider;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.http.ContentStreamProvider;
import software.amazon.awssdk.http.SdkHttpMethod;
import software.amazon.awssdk.http.SdkHttpRequest;
import software.amazon.awssdk.http.auth.aws.signer.AwsV4HttpSigner;

/**
 * Cognito's API, as the AWS SDK calls it: AWS JSON 1.1 ({@code POST /} of {@code cognito-idp.{region}.amazonaws.com},
 * the operation in {@code X-Amz-Target}, the input as JSON, an error as its {@code __type}), signed with SigV4 by the
 * SDK's own signer with credentials from the SDK's default chain (the environment, a profile, an ECS task's role, EKS
 * Pod Identity, the instance's role; not IRSA's web identity, which needs the SDK's STS client), sent with the JDK's
 * HTTP client. Not the SDK's Cognito client: its 2,150 classes and its protocol jars were half of the classes in the
 * WAR, and Payara reads every class of every jar in {@code WEB-INF/lib} at each deployment, about 0.4 s of each
 * start, for one admin call (docs/operating.md, "Start-up"). The endpoint is AWS's regional one (FIPS and dual-stack
 * endpoints and {@code AWS_ENDPOINT_URL} are not read), or the local Cognito in development mode.
 */
@ApplicationScoped
public class CognitoAdminApi {

    /** What Cognito answered: its status and request id, the error it named; status 0 when nothing answered. */
    public record Answer(int status, String requestId, String error) {

        public boolean succeeded() {
            return status == 200;
        }

        /** For the log: the status, the error's name and Cognito's request id, never its message (it may quote the input). */
        public String describe() {
            return status == 0 ? "no answer (" + error + ")"
                    : "HTTP " + status + (error == null ? "" : " " + error)
                            + (requestId == null ? "" : ", Cognito's request id " + requestId);
        }

        boolean worthRetrying() {
            return status == 0 || status >= 500 || "TooManyRequestsException".equals(error)
                    || "ThrottlingException".equals(error);
        }
    }

    private static final String SERVICE = "CognitoIdentityProvider";
    private static final String TARGET_PREFIX = "AWSCognitoIdentityProviderService.";
    private static final String SIGNING_NAME = "cognito-idp";
    private static final String JSON_1_1 = "application/x-amz-json-1.1";
    /** Cognito's id of the request (its {@code x-amzn-RequestId}), under OpenTelemetry's name for it. */
    private static final String AWS_REQUEST_ID = "aws.request_id";
    /** The JDK's client sets these itself from the request: the signer's values are the same. */
    private static final Set<String> SET_BY_THE_CLIENT = Set.of("host", "content-length");
    private static final Duration CALL_TIMEOUT = Duration.ofSeconds(10);
    private static final JsonReaderFactory JSON = Json.createReaderFactory(Map.of());
    private static final AwsV4HttpSigner SIGNER = AwsV4HttpSigner.create();

    private final Tracing tracing;
    private final HttpClient http;
    private volatile DefaultCredentialsProvider defaultChain;

    @Inject
    public CognitoAdminApi(Tracing tracing) {
        this.tracing = tracing;
        // HTTP/1.1, as the SDK's clients speak to AWS's APIs
        this.http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
                .connectTimeout(Duration.ofSeconds(2)).build();
    }

    /** For CDI's proxy only. */
    protected CognitoAdminApi() {
        this.tracing = null;
        this.http = null;
    }

    /**
     * One call, and one more after a short random pause if Cognito did not answer, failed (5xx) or throttled, as the
     * SDK's client would retry it (the operations called here can be repeated); the whole answer, body included,
     * within {@link #CALL_TIMEOUT} per attempt.
     */
    public Answer call(PoolSettings.AdminApi api, String operation, JsonObject input) throws InterruptedException {
        URI endpoint = api.localEndpoint() != null ? api.localEndpoint()
                : URI.create("https://cognito-idp." + api.region() + ".amazonaws.com/");
        byte[] body = input.toString().getBytes(StandardCharsets.UTF_8);
        try (Traced call = tracing.awsCall(SERVICE, operation, api.region())) {
            Answer answer = attempt(api, endpoint, operation, body);
            if (answer.worthRetrying()) {
                Thread.sleep(ThreadLocalRandom.current().nextLong(100, 400));
                answer = attempt(api, endpoint, operation, body);
            }
            call.attribute(AWS_REQUEST_ID, answer.requestId());
            if (!answer.succeeded()) {
                call.failed(answer.error());
            }
            return answer;
        }
    }

    private Answer attempt(PoolSettings.AdminApi api, URI endpoint, String operation, byte[] body)
            throws InterruptedException {
        HttpRequest request;
        try {
            request = signed(api, endpoint, operation, body);
        } catch (RuntimeException unsigned) {
            // the default chain found no credentials or could not read them (SdkClientException): nothing was sent
            return new Answer(0, null, AuditLog.describe(unsigned));
        }
        CompletableFuture<HttpResponse<byte[]>> sent = http.sendAsync(request, HttpResponse.BodyHandlers.ofByteArray());
        HttpResponse<byte[]> response;
        try {
            // the request's own timeout ends when the headers arrive: this one covers the body too
            response = sent.get(CALL_TIMEOUT.toMillis(), TimeUnit.MILLISECONDS);
        } catch (TimeoutException late) {
            sent.cancel(true);
            return new Answer(0, null, "HttpTimeoutException");
        } catch (ExecutionException failed) {
            return new Answer(0, null, AuditLog.describe(failed.getCause()));
        } catch (InterruptedException interrupted) {
            sent.cancel(true);
            throw interrupted;
        }
        String requestId = response.headers().firstValue("x-amzn-RequestId").orElse(null);
        return new Answer(response.statusCode(), requestId,
                response.statusCode() == 200 ? null : errorName(response, response.body()));
    }

    private HttpRequest signed(PoolSettings.AdminApi api, URI endpoint, String operation, byte[] body) {
        SdkHttpRequest unsigned = SdkHttpRequest.builder().method(SdkHttpMethod.POST).uri(endpoint)
                .putHeader("Content-Type", JSON_1_1)
                .putHeader("X-Amz-Target", TARGET_PREFIX + operation)
                .build();
        SdkHttpRequest signed = SIGNER.sign(sign -> sign
                .identity(credentials(api).resolveCredentials())
                .request(unsigned)
                .payload(ContentStreamProvider.fromByteArray(body))
                .putProperty(AwsV4HttpSigner.SERVICE_SIGNING_NAME, SIGNING_NAME)
                .putProperty(AwsV4HttpSigner.REGION_NAME, api.region())).request();
        HttpRequest.Builder request = HttpRequest.newBuilder(endpoint).timeout(CALL_TIMEOUT)
                .POST(HttpRequest.BodyPublishers.ofByteArray(body));
        signed.forEachHeader((name, values) -> {
            if (!SET_BY_THE_CLIENT.contains(name.toLowerCase())) {
                values.forEach(value -> request.header(name, value));
            }
        });
        return request.build();
    }

    /**
     * The SDK's default chain, made at the first call (an app that never calls never looks for credentials); against
     * the local Cognito (development mode), static ones, as it checks the signature against those.
     */
    private AwsCredentialsProvider credentials(PoolSettings.AdminApi api) {
        if (api.localEndpoint() != null) {
            return StaticCredentialsProvider.create(AwsBasicCredentials.create("local", "local"));
        }
        DefaultCredentialsProvider chain = defaultChain;
        if (chain == null) {
            synchronized (this) {
                if (defaultChain == null) {
                    defaultChain = DefaultCredentialsProvider.builder().build();
                }
                chain = defaultChain;
            }
        }
        return chain;
    }

    @PreDestroy
    void close() {
        http.close();
        Optional.ofNullable(defaultChain).ifPresent(DefaultCredentialsProvider::close);
    }

    /**
     * The error's name as the SDK reads it from an AWS JSON answer: the {@code x-amzn-ErrorType} header up to its
     * first colon, else the body's {@code __type} after its namespace ({@code com.amazon…#Name}); kept only if it
     * looks like a name, as it goes to the log and the trace.
     */
    private static String errorName(HttpResponse<?> response, byte[] body) {
        String name = response.headers().firstValue("x-amzn-ErrorType").map(type -> type.split(":", 2)[0])
                .orElseGet(() -> typeInBody(body));
        return name != null && name.matches("[A-Za-z0-9]{1,100}") ? name : "unnamed";
    }

    private static String typeInBody(byte[] body) {
        try {
            JsonObject error = JSON.createReader(new ByteArrayInputStream(body)).readObject();
            return error.get("__type") instanceof JsonString type
                    ? type.getString().substring(type.getString().indexOf('#') + 1) : null;
        } catch (RuntimeException notJson) {
            return null;
        }
    }
}
