package dev.payaracognito.security.browser;

import static jakarta.security.enterprise.AuthenticationStatus.SEND_FAILURE;
import static jakarta.security.enterprise.AuthenticationStatus.SUCCESS;

import dev.payaracognito.audit.AuditLog;
import dev.payaracognito.audit.SecurityStats;
import dev.payaracognito.cluster.SessionKeys;
import dev.payaracognito.cognito.CodeVerifier;
import dev.payaracognito.cognito.CognitoEndpoints;
import dev.payaracognito.cognito.CognitoSettings;
import dev.payaracognito.cognito.CognitoTrouble;
import dev.payaracognito.cognito.ProviderFailure;
import dev.payaracognito.errors.ErrorPage;
import dev.payaracognito.errors.Failure;
import dev.payaracognito.security.CognitoPrincipal;
import dev.payaracognito.security.RequestPath;
import dev.payaracognito.security.SignInTokensCredential;
import dev.payaracognito.security.token.TokenRejected;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.security.enterprise.AuthenticationException;
import jakarta.security.enterprise.AuthenticationStatus;
import jakarta.security.enterprise.authentication.mechanism.http.HttpAuthenticationMechanism;
import jakarta.security.enterprise.authentication.mechanism.http.HttpMessageContext;
import jakarta.security.enterprise.identitystore.CredentialValidationResult;
import jakarta.security.enterprise.identitystore.IdentityStoreHandler;
import jakarta.security.enterprise.identitystore.openid.OpenIdContext;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.util.Set;

/**
 * The return from Cognito to {@code /callback}, made authoritative. Only the answer to a sign-in this session
 * started ({@link PendingSignIn}) is acted upon: any other request here (a link or an image on another site, a
 * replay) gets a 400 and leaves the session as it was, signed in or not. The OpenID mechanism checks the state
 * and exchanges the code; then our identity store re-validates both tokens the Cognito way (Soteria accepts an ID
 * token with {@code token_use=access} and takes groups from an access token whose signature it never checks).
 * Any failure, Soteria's exceptions included, ends with no session and a clear page: never a 500.
 */
@ApplicationScoped
public class SignInCallback {

    static final String PATH = "/callback";
    /** The error codes Cognito sends to the callback (RFC 6749 section 4.1.2.1); anything else is "other". */
    private static final Set<String> ERROR_CODES = Set.of("access_denied", "invalid_request", "unauthorized_client",
            "unsupported_response_type", "invalid_scope", "server_error", "temporarily_unavailable");

    @Inject
    private OpenIdContext openIdContext;

    @Inject
    private IdentityStoreHandler identityStoreHandler;

    @Inject
    private SecurityStats stats;

    @Inject
    private SignedInSession signedInSession;

    @Inject
    private OpenIdContextReplica replica;

    @Inject
    private CognitoEndpoints endpoints;

    @Inject
    private CognitoSettings settings;

    boolean isCallback(HttpServletRequest request) {
        return PATH.equals(RequestPath.of(request));
    }

    AuthenticationStatus handle(HttpAuthenticationMechanism openId, HttpServletRequest request,
            HttpServletResponse response, HttpMessageContext context) throws AuthenticationException {
        String error = request.getParameter("error");
        boolean pending = !signedInSession.isSignedIn(request) && PendingSignIn.isPending(request);
        if (!pending || error != null && !PendingSignIn.isAnsweredBy(request, request.getParameter("state"))) {
            // Not the answer to a sign-in of this session (an error must name its state): whoever sent it, the
            // session is not theirs to end.
            AuditLog.refusal(request, "sign-in:NOT_PENDING", "a callback that answers no sign-in of this session");
            stats.refused("sign-in:NOT_PENDING");
            ErrorPage.send(response, Failure.BAD_REQUEST);
            return SEND_FAILURE;
        }
        if (error != null) {
            return refuse(context, Failure.SIGN_IN_CANCELLED, "Cognito answered error="
                    + (ERROR_CODES.contains(error) ? error : "other"));
        }
        if (request.getParameter("code") == null || request.getParameter("state") == null) {
            return refuse(context, Failure.BAD_REQUEST, "callback without code or state");
        }
        String verifier;
        try {
            verifier = PendingSignIn.codeVerifier(request, signedInSession.keys(), settings.site().isHttps());
        } catch (SessionKeys.Unopened unopened) {
            // another browser with this session's id, a verifier copied from another session, or one written by
            // someone on the data grid: the code is not exchanged
            return refuse(context, Failure.SIGN_IN_FAILED, "the pending sign-in's PKCE verifier was "
                    + unopened.getMessage() + " for this session and browser");
        }
        replica.discard();
        AuthenticationStatus status;
        CodeVerifier.answering(verifier); // the code exchange sends it (PKCE)
        try {
            status = openId.validateRequest(endpoints.registeredCallback()
                    .<HttpServletRequest>map(url -> new CallbackAsRegistered(request, url)).orElse(request),
                    response, context);
        } catch (RuntimeException e) {
            return refuse(context, failureOf(ProviderFailure.of(e)), "the OpenID mechanism failed: "
                    + AuditLog.describe(e) + causedBy(e));
        } finally {
            CodeVerifier.answered();
        }
        if (status != SUCCESS) {
            return refuse(context, Failure.SIGN_IN_FAILED,
                    "state, code or token response refused by the OpenID mechanism (" + status + ")");
        }
        return validateTokens(context);
    }

    private AuthenticationStatus validateTokens(HttpMessageContext context) {
        SignInTokensCredential tokens = SignInTokensCredential.of(openIdContext);
        CredentialValidationResult ours = identityStoreHandler.validate(tokens);
        if (ours.getStatus() != CredentialValidationResult.Status.VALID
                || !(ours.getCallerPrincipal() instanceof CognitoPrincipal principal)) {
            boolean providerDown = tokens.rejection() != null
                    && tokens.rejection().reason() == TokenRejected.Reason.KEYS_UNAVAILABLE;
            return refuse(context, providerDown ? Failure.UNAVAILABLE : Failure.SIGN_IN_FAILED,
                    "tokens refused: " + tokens.refusal());
        }
        String caller = principal.getName();
        Set<String> groups = ours.getCallerGroups();
        if (context.getCallerPrincipal() == null || !caller.equals(context.getCallerPrincipal().getName())
                || !groups.equals(context.getGroups())) {
            return refuse(context, Failure.SIGN_IN_FAILED, "the mechanism's caller or groups differ from the tokens'");
        }
        signedInSession.started(context.getRequest(), context.getResponse(), principal.token());
        AuditLog.signIn(context.getRequest(), caller);
        stats.signedIn();
        return SUCCESS;
    }

    /**
     * Nothing half signed in: no session, no caller, nothing registered (BrowserAuthentication withdraws any
     * registration); the user gets the failure's page.
     */
    private AuthenticationStatus refuse(HttpMessageContext context, Failure failure, String reason) {
        AuditLog.refusal(context.getRequest(), "sign-in:" + failure, reason);
        stats.refused("sign-in:" + failure);
        SessionEnd.forget(context);
        ErrorPage.send(context.getResponse(), failure);
        return SEND_FAILURE;
    }

    /** Cognito unreachable is a 503; an error status or a malformed answer from it a 502; anything else, ours. */
    private static Failure failureOf(ProviderFailure failure) {
        return switch (failure) {
            case UNREACHABLE -> Failure.UNAVAILABLE;
            case ERROR_STATUS, MALFORMED -> Failure.PROVIDER_ERROR;
            case NONE -> Failure.SIGN_IN_FAILED;
        };
    }

    /** What Cognito's trouble was, in the words of this app ({@link CognitoTrouble}'s message), if it was that. */
    private static String causedBy(Throwable error) {
        for (Throwable cause = error; cause != null; cause = cause.getCause()) {
            if (cause instanceof CognitoTrouble trouble) {
                return ": " + trouble.getMessage();
            }
        }
        return "";
    }
}
