package dev.payaracognito.localcognito.endpoints;

import com.nimbusds.jose.util.JSONObjectUtils;
import dev.payaracognito.localcognito.PoolContext;
import java.io.IOException;
import java.lang.System.Logger.Level;
import java.text.ParseException;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/**
 * Cognito's API as the AWS SDK calls it ({@code POST /} of {@code cognito-idp.{region}.amazonaws.com}, AWS JSON 1.1:
 * the operation in {@code X-Amz-Target}, the input as JSON, errors as {@code __type} and {@code message}), for the
 * one operation the app uses: {@code AdminUserGlobalSignOut}, which revokes every refresh token of the user. A
 * request must be signed (SigV4, {@link SignatureCheck}) with the static credentials the app uses in development
 * mode, {@code local} and {@code local}. Every answer carries its request id ({@code x-amzn-RequestId}), as
 * Cognito's do.
 */
final class AdminApiEndpoint {

    private static final System.Logger LOG = System.getLogger(AdminApiEndpoint.class.getName());
    private static final String SERVICE = "AWSCognitoIdentityProviderService.";
    private static final String JSON_1_1 = "application/x-amz-json-1.1";

    private final PoolContext context;
    private final SignatureCheck signatures;

    AdminApiEndpoint(PoolContext context) {
        this.context = context;
        // a pool's id starts with its region (eu-west-1_AbC123), and the signature's scope must name that region
        String poolId = context.pool.userPoolId();
        this.signatures = new SignatureCheck(Map.of("local", "local"), poolId.substring(0, poolId.indexOf('_')));
    }

    void handle(Exchange exchange) throws IOException {
        // Cognito names each answer, errors too, for AWS support: the app logs it and puts it in its trace
        exchange.header("x-amzn-RequestId", UUID.randomUUID().toString());
        String body = exchange.text();
        Optional<SignatureCheck.Refusal> refusal = signatures.refusal(exchange::header, body);
        if (refusal.isPresent()) {
            LOG.log(Level.WARNING, "refused an unsigned or wrongly signed API call: {0}", refusal.get().type());
            error(exchange, refusal.get().type(), refusal.get().message());
            return;
        }
        if (!(SERVICE + "AdminUserGlobalSignOut").equals(exchange.header("X-Amz-Target"))) {
            error(exchange, "UnknownOperationException", null);
            return;
        }
        Map<String, Object> input;
        try {
            input = JSONObjectUtils.parse(body);
        } catch (ParseException e) {
            error(exchange, "SerializationException", "the request body is not JSON");
            return;
        }
        if (!(input.get("UserPoolId") instanceof String poolId) || !(input.get("Username") instanceof String user)) {
            error(exchange, "InvalidParameterException", "UserPoolId and Username are required");
            return;
        }
        if (!poolId.equals(context.pool.userPoolId())) {
            error(exchange, "ResourceNotFoundException", "User pool " + poolId + " does not exist.");
            return;
        }
        if (context.pool.user(user).isEmpty()) {
            error(exchange, "UserNotFoundException", "User does not exist.");
            return;
        }
        int revoked = context.grants.signOutEverywhere(user);
        LOG.log(Level.INFO, "signed {0} out everywhere: {1} sign-ins revoked", user, revoked);
        exchange.send(200, JSON_1_1, "{}");
    }

    private static void error(Exchange exchange, String type, String message) throws IOException {
        exchange.header("x-amzn-ErrorType", type);
        exchange.send(400, JSON_1_1, message == null ? "{\"__type\":\"" + type + "\"}"
                : "{\"__type\":\"" + type + "\",\"message\":\"" + message + "\"}");
    }
}
