package dev.payaracognito.security.bearer;

import static jakarta.security.enterprise.AuthenticationStatus.SEND_FAILURE;

import dev.payaracognito.audit.AuditLog;
import dev.payaracognito.audit.SecurityStats;
import dev.payaracognito.errors.ApiError;
import dev.payaracognito.security.BearerTokenCredential;
import dev.payaracognito.security.CognitoApi;
import dev.payaracognito.security.CognitoIdentityStore;
import dev.payaracognito.security.token.TokenRejected;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.security.enterprise.AuthenticationStatus;
import jakarta.security.enterprise.authentication.mechanism.http.HttpAuthenticationMechanism;
import jakarta.security.enterprise.authentication.mechanism.http.HttpMessageContext;
import jakarta.security.enterprise.identitystore.CredentialValidationResult;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.util.Enumeration;

/**
 * The REST API's authentication: a Cognito access token in {@code Authorization: Bearer}, validated by our
 * identity store, for this request only. It never redirects, never creates a session, and never looks at one:
 * a session cookie alone signs nobody in here. Refusals follow RFC 6750.
 */
@CognitoApi
@ApplicationScoped
public class BearerTokenMechanism implements HttpAuthenticationMechanism {

    private static final String BEARER = "Bearer ";

    /** Asked directly: it is the one store that knows Bearer credentials, and the API's hot path. */
    @Inject
    private CognitoIdentityStore identityStore;

    @Inject
    private SecurityStats stats;

    @Override
    public AuthenticationStatus validateRequest(HttpServletRequest request, HttpServletResponse response,
            HttpMessageContext context) {
        Enumeration<String> headers = request.getHeaders("Authorization");
        String authorization = headers.hasMoreElements() ? headers.nextElement() : null;
        if (headers.hasMoreElements()) {
            return refuse(request, response, "INVALID_REQUEST", "more than one Authorization header", 400,
                    "invalid_request");
        }
        String token = authorization == null ? null : bearerToken(authorization);
        if (token == null) {
            if (!context.isProtected()) {
                stats.apiPublic();
                return context.doNothing();
            }
            return refuse(request, response, "NO_TOKEN", "no bearer token", 401, null);
        }
        BearerTokenCredential credential = new BearerTokenCredential(token);
        CredentialValidationResult result = identityStore.validate(credential);
        if (result.getStatus() == CredentialValidationResult.Status.VALID) {
            stats.apiAccepted();
            return context.notifyContainerAboutLogin(result);
        }
        TokenRejected rejection = credential.rejection();
        if (rejection != null && rejection.reason() == TokenRejected.Reason.KEYS_UNAVAILABLE) {
            return refuse(request, response, rejection.reason().name(), rejection.getMessage(), 503,
                    "temporarily_unavailable");
        }
        return refuse(request, response, rejection == null ? "INVALID" : rejection.reason().name(),
                rejection == null ? "invalid token" : rejection.getMessage(), 401, "invalid_token");
    }

    /** The token of a Bearer header (scheme case-insensitive), or null for no header or another scheme. */
    private static String bearerToken(String authorization) {
        String header = authorization.strip();
        if (header.equalsIgnoreCase(BEARER.strip())) {
            return ""; // the scheme without a token: an invalid token, not a missing one
        }
        if (!header.regionMatches(true, 0, BEARER, 0, BEARER.length())) {
            return null;
        }
        return header.substring(BEARER.length()).strip();
    }

    private AuthenticationStatus refuse(HttpServletRequest request, HttpServletResponse response, String reason,
            String detail, int status, String error) {
        stats.apiRefused();
        stats.refused("api:" + reason);
        AuditLog.refusal(request, "api:" + reason, detail);
        if (status == 401) {
            if (error == null) {
                ApiError.noToken(response);
            } else {
                ApiError.invalidToken(response);
            }
        } else {
            ApiError.send(response, status, null, error);
        }
        return SEND_FAILURE;
    }
}
