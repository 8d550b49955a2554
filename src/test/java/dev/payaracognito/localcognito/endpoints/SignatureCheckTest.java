package dev.payaracognito.localcognito.endpoints;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.function.UnaryOperator;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.http.ContentStreamProvider;
import software.amazon.awssdk.http.SdkHttpMethod;
import software.amazon.awssdk.http.SdkHttpRequest;
import software.amazon.awssdk.http.auth.aws.signer.AwsV4HttpSigner;

/** The local Cognito's SigV4 check, against requests the AWS SDK's own signer signed, and those altered after. */
class SignatureCheckTest {

    static final String BODY = "{\"UserPoolId\":\"eu-west-1_LocalDemo\",\"Username\":\"alice\"}";
    final SignatureCheck check = new SignatureCheck(Map.of("local", "local"), "eu-west-1");

    @Test
    void aRequestTheSdkSignedPasses() {
        assertEquals(Optional.empty(), check.refusal(signed("local", "local", "eu-west-1", Instant.now()), BODY));
    }

    @Test
    void aBodyChangedAfterSigningIsRefused() {
        assertRefused("InvalidSignatureException",
                check.refusal(signed("local", "local", "eu-west-1", Instant.now()), BODY.replace("alice", "bob")));
    }

    @Test
    void aSignedHeaderChangedAfterSigningIsRefused() {
        UnaryOperator<String> headers = signed("local", "local", "eu-west-1", Instant.now());
        UnaryOperator<String> otherTarget = name -> name.equalsIgnoreCase("X-Amz-Target")
                ? "AWSCognitoIdentityProviderService.AdminDeleteUser" : headers.apply(name);

        assertRefused("InvalidSignatureException", check.refusal(otherTarget, BODY));
    }

    @Test
    void aWrongSecretIsRefused() {
        assertRefused("InvalidSignatureException",
                check.refusal(signed("local", "guessed", "eu-west-1", Instant.now()), BODY));
    }

    @Test
    void anUnknownAccessKeyIsRefused() {
        assertRefused("UnrecognizedClientException",
                check.refusal(signed("AKIDEXAMPLE", "local", "eu-west-1", Instant.now()), BODY));
    }

    @Test
    void anotherRegionsScopeIsRefused() {
        assertRefused("InvalidSignatureException",
                check.refusal(signed("local", "local", "us-east-1", Instant.now()), BODY));
    }

    @Test
    void aSignatureOlderThanFiveMinutesIsRefused() {
        assertRefused("InvalidSignatureException",
                check.refusal(signed("local", "local", "eu-west-1", Instant.now().minus(Duration.ofMinutes(6))), BODY));
    }

    @Test
    void anUnsignedRequestIsRefused() {
        assertRefused("MissingAuthenticationTokenException", check.refusal(name -> null, BODY));
    }

    private static void assertRefused(String type, Optional<SignatureCheck.Refusal> refusal) {
        assertTrue(refusal.isPresent(), "accepted");
        assertEquals(type, refusal.get().type(), refusal.get().message());
    }

    /** The headers of a request the SDK signed, as the local Cognito reads them (by name, any case). */
    private static UnaryOperator<String> signed(String key, String secret, String region, Instant at) {
        SdkHttpRequest request = SdkHttpRequest.builder().method(SdkHttpMethod.POST)
                .uri(URI.create("http://localhost:9229/"))
                .putHeader("Content-Type", "application/x-amz-json-1.1")
                .putHeader("X-Amz-Target", "AWSCognitoIdentityProviderService.AdminUserGlobalSignOut").build();
        SdkHttpRequest signed = AwsV4HttpSigner.create().sign(sign -> sign
                .identity(AwsBasicCredentials.create(key, secret))
                .request(request)
                .payload(ContentStreamProvider.fromUtf8String(BODY))
                .putProperty(AwsV4HttpSigner.SERVICE_SIGNING_NAME, "cognito-idp")
                .putProperty(AwsV4HttpSigner.REGION_NAME, region)
                .putProperty(AwsV4HttpSigner.SIGNING_CLOCK, Clock.fixed(at, ZoneOffset.UTC))).request();
        Map<String, String> headers = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
        signed.forEachHeader((name, values) -> headers.put(name, values.get(0)));
        assertTrue(BODY.getBytes(StandardCharsets.UTF_8).length > 0);
        return headers::get;
    }
}
