package dev.payaracognito.localcognito.endpoints;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.HexFormat;
import java.util.Map;
import java.util.Optional;
import java.util.function.UnaryOperator;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * AWS's Signature Version 4, checked as AWS checks it on a {@code POST /} (the only request Cognito's API takes):
 * the credential's scope names the service and the pool's region, the date is within five minutes, and the
 * signature is the one the request's signed headers and body give under the secret of its access key. Written
 * here from AWS's description, not with the SDK, so that the app's signing (with the SDK's signer) is checked by
 * something other than itself. The refusals are Cognito's error types.
 */
final class SignatureCheck {

    /** A refusal: Cognito's error type and message. */
    record Refusal(String type, String message) {}

    private static final Pattern AUTHORIZATION = Pattern.compile("AWS4-HMAC-SHA256 Credential=([^/,]+)/(\\d{8})/"
            + "([a-z0-9-]+)/([a-z0-9-]+)/aws4_request, ?SignedHeaders=([a-z0-9;-]+), ?Signature=([0-9a-f]{64})");
    private static final DateTimeFormatter AMZ_DATE = DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmmss'Z'")
            .withZone(ZoneOffset.UTC);
    private static final Duration SKEW = Duration.ofMinutes(5);

    private final Map<String, String> secrets;
    private final String region;

    /** Checks against these secrets by access key id, for a pool in {@code region}. */
    SignatureCheck(Map<String, String> secrets, String region) {
        this.secrets = secrets;
        this.region = region;
    }

    Optional<Refusal> refusal(UnaryOperator<String> headers, String body) {
        String authorization = headers.apply("Authorization");
        if (authorization == null) {
            return refuse("MissingAuthenticationTokenException", "Missing Authentication Token");
        }
        Matcher signature = AUTHORIZATION.matcher(authorization);
        if (!signature.matches()) {
            return refuse("IncompleteSignatureException", "Authorization header requires Credential, SignedHeaders "
                    + "and Signature, signed with AWS4-HMAC-SHA256.");
        }
        String secret = secrets.get(signature.group(1));
        if (secret == null) {
            return refuse("UnrecognizedClientException", "The security token included in the request is invalid.");
        }
        if (!signature.group(3).equals(region) || !signature.group(4).equals("cognito-idp")) {
            return refuse("InvalidSignatureException", "Credential should be scoped to a valid region and the "
                    + "service cognito-idp.");
        }
        String signedHeaders = signature.group(5);
        if (!(";" + signedHeaders + ";").contains(";host;") || !(";" + signedHeaders + ";").contains(";x-amz-date;")) {
            return refuse("IncompleteSignatureException", "host and x-amz-date must be signed.");
        }
        String date = headers.apply("X-Amz-Date");
        try {
            Instant signedAt = AMZ_DATE.parse(date, Instant::from);
            if (!date.startsWith(signature.group(2))
                    || Duration.between(signedAt, Instant.now()).abs().compareTo(SKEW) > 0) {
                return refuse("InvalidSignatureException", "Signature expired or not yet valid: " + date);
            }
        } catch (DateTimeParseException | NullPointerException unreadable) {
            return refuse("IncompleteSignatureException", "X-Amz-Date is missing or unreadable.");
        }
        StringBuilder canonical = new StringBuilder("POST\n/\n\n");
        for (String name : signedHeaders.split(";")) {
            String value = headers.apply(name);
            if (value == null) {
                return refuse("InvalidSignatureException", "Signed header " + name + " is missing.");
            }
            canonical.append(name).append(':').append(value.trim().replaceAll(" +", " ")).append('\n');
        }
        canonical.append('\n').append(signedHeaders).append('\n').append(sha256(body));
        String scope = signature.group(2) + "/" + region + "/cognito-idp/aws4_request";
        String stringToSign = "AWS4-HMAC-SHA256\n" + date + "\n" + scope + "\n" + sha256(canonical.toString());
        byte[] key = ("AWS4" + secret).getBytes(StandardCharsets.UTF_8);
        for (String part : scope.split("/")) {
            key = hmac(key, part);
        }
        byte[] expected = hmac(key, stringToSign);
        if (!MessageDigest.isEqual(expected, HexFormat.of().parseHex(signature.group(6)))) {
            return refuse("InvalidSignatureException", "The request signature we calculated does not match the "
                    + "signature you provided.");
        }
        return Optional.empty();
    }

    private static Optional<Refusal> refuse(String type, String message) {
        return Optional.of(new Refusal(type, message));
    }

    private static String sha256(String text) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
                    .digest(text.getBytes(StandardCharsets.UTF_8)));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    private static byte[] hmac(byte[] key, String text) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(key, "HmacSHA256"));
            return mac.doFinal(text.getBytes(StandardCharsets.UTF_8));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }
}
