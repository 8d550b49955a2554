package dev.payaracognito.security.browser;

import static jakarta.security.enterprise.AuthenticationStatus.SUCCESS;

import dev.payaracognito.audit.AuditLog;
import dev.payaracognito.audit.SecurityStats;
import dev.payaracognito.cluster.DataGrid;
import dev.payaracognito.cluster.SharedIndex;
import dev.payaracognito.cluster.Turns;
import dev.payaracognito.cognito.CognitoSettings;
import dev.payaracognito.cognito.ProviderFailure;
import dev.payaracognito.security.CognitoPrincipal;
import dev.payaracognito.security.SignInTokensCredential;
import dev.payaracognito.sessions.RefreshTokens;
import dev.payaracognito.telemetry.Traced;
import dev.payaracognito.telemetry.Tracing;
import jakarta.annotation.PostConstruct;
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
import jakarta.servlet.http.HttpSession;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.Optional;

/**
 * A signed-in session's tokens past their life: refreshed by the OpenID mechanism with the refresh token, then
 * validated by our identity store like the first ones and required to name the same user (a refused refresh ends
 * the session and sends the user to sign in again, with no error page); or, while Cognito is down, not refreshed
 * at all for now. One refresh of a sign-in's tokens at a time across the cluster: when Cognito rotates refresh
 * tokens (the app client's {@code RefreshTokenRotation}), the refresh token is spent by its first use, so two nodes
 * serving two requests of one session at the moment the tokens fall due would have one of them refused and the
 * user signed out. The refresh takes the turn of the tokens it replaces ({@link Turns}, a lock of the data grid); the
 * node that has it refreshes with the session's refresh token ({@link RefreshTokens}) and leaves the new tokens,
 * sealed, for the others, which wait and take them.
 */
@ApplicationScoped
class SessionRefresh {

    /** The refresh span's outcome: refreshed, taken from another node, deferred (Cognito down), ended. */
    private static final String OUTCOME = "cognito.refresh.outcome";
    private static final String REFRESH_DEFERRED = SessionRefresh.class.getName() + ".refreshDeferred";
    /** Longer than a refresh takes (Cognito's connect and read timeouts), short enough for a page to wait. */
    private static final Duration TURN_WAIT = Duration.ofSeconds(10);

    @Inject
    private SignedInSession signedInSession;

    @Inject
    private SessionEnd sessionEnd;

    @Inject
    private CognitoSettings settings;

    @Inject
    private OpenIdContext openIdContext;

    @Inject
    private IdentityStoreHandler identityStores;

    @Inject
    private OpenIdContextReplica replica;

    @Inject
    private SecurityStats stats;

    @Inject
    private DataGrid grid;

    @Inject
    private RefreshTokens refreshTokens;

    @Inject
    private Tracing tracing;

    private Turns turns;

    /**
     * The key of the turn to refresh these tokens: their digest (never a token itself). It names one generation of
     * the session's tokens, so that a later refresh (the same refresh token, when Cognito does not rotate) is a new
     * turn and never takes an older generation's result.
     */
    private static String turnOf(SessionTokens tokens) {
        try {
            return Base64.getUrlEncoder().withoutPadding()
                    .encodeToString(MessageDigest.getInstance("SHA-256").digest(tokens.bytes()));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is not available", e);
        }
    }

    @PostConstruct
    void shareTurns() {
        turns = grid.turns("payara-cognito.refreshes", settings.sessions().keys());
    }

    /**
     * The request's tokens are due: refreshed once for the whole cluster. The node whose turn it is asks the OpenID
     * mechanism to refresh them; a node that waited takes the tokens it left. A failure of the refresh itself while
     * Cognito is down lets the session wait; any other ends it.
     */
    AuthenticationStatus refresh(HttpAuthenticationMechanism openId, HttpServletRequest request,
            HttpServletResponse response, HttpMessageContext context, SignInRecord signIn)
            throws AuthenticationException {
        try (Traced traced = tracing.step("refresh tokens")) {
            AuthenticationStatus answer = refreshInTurn(openId, request, response, context, signIn);
            if (answer != SUCCESS) {
                traced.attribute(OUTCOME, "ended"); // the session ended: refused, or the tokens would not do
            }
            return answer;
        }
    }

    private AuthenticationStatus refreshInTurn(HttpAuthenticationMechanism openId, HttpServletRequest request,
            HttpServletResponse response, HttpMessageContext context, SignInRecord signIn)
            throws AuthenticationException {
        Optional<Turns.Turn> turn;
        try {
            turn = turns.await(turnOf(signIn.tokens()), TURN_WAIT);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return withoutRefresh(request, context, signIn, "interrupted while another node refreshed");
        }
        if (turn.isEmpty()) {
            // Another node's refresh did not finish, or the grid could not give the turn: refreshing without it
            // could spend a rotated refresh token twice and sign the user out, so the session waits for a later turn.
            return withoutRefresh(request, context, signIn, "no turn to refresh: another node's refresh of this"
                    + " session did not finish, or the data grid did not answer");
        }
        try (Turns.Turn held = turn.get()) {
            try {
                return refreshHolding(held, openId, request, response, context, signIn);
            } finally {
                // within the turn: the next request of this session to take it makes the context anew
                if (request.getSession(false) != null) { // an ended session's context went with it
                    replica.discard();
                }
            }
        } catch (SharedIndex.Unanswered unanswered) {
            return withoutRefresh(request, context, signIn, "the data grid did not give the session's refresh token");
        } catch (RuntimeException e) {
            // The mechanism's refresh failed before it touched the session: the session waits for Cognito only if
            // Cognito is down; a malformed answer or any other failure ends it.
            String failure = "the token refresh failed: " + AuditLog.describe(e);
            return ProviderFailure.of(e).cognitoDown()
                    ? withoutRefresh(request, context, signIn, failure)
                    : sessionEnd.end(request, context, failure);
        }
    }

    /** In the turn: the tokens another node left, or a refresh here with the session's refresh token. */
    private AuthenticationStatus refreshHolding(Turns.Turn held, HttpAuthenticationMechanism openId,
            HttpServletRequest request, HttpServletResponse response, HttpMessageContext context, SignInRecord signIn)
            throws AuthenticationException, SharedIndex.Unanswered {
        Optional<SessionTokens> done = held.result().flatMap(SessionTokens::read);
        if (done.isPresent()) {
            replica.restore(done.get()); // another node refreshed them: these are the session's tokens now
            tracing.annotate(OUTCOME, "taken from another node");
            return accepted(request, context, false);
        }
        Optional<String> refreshToken = refreshTokens.of(signIn.sessionId());
        if (refreshToken.isEmpty()) {
            return sessionEnd.end(request, context, "the session has no refresh token (Cognito gave none, or the"
                    + " data grid did not take it)");
        }
        return refreshWith(refreshToken.get(), held, openId, request, response, context, signIn);
    }

    /**
     * The mechanism refreshes the record's tokens (put back into its context, which lives only for this work) with
     * the session's refresh token, lent to the context for this request, and the new tokens are left for the other
     * nodes. Whatever happens after Cognito answered, a refresh token other than the
     * one lent is Cognito's rotation of it (the lent one is spent): it is the session's from now on, unless the
     * session ended meanwhile, kept before the turn is left, for the next refresh wherever it runs.
     */
    private AuthenticationStatus refreshWith(String lent, Turns.Turn held, HttpAuthenticationMechanism openId,
            HttpServletRequest request, HttpServletResponse response, HttpMessageContext context, SignInRecord signIn)
            throws AuthenticationException {
        replica.restore(signIn.tokens());
        replica.lendRefreshToken(lent);
        try {
            AuthenticationStatus answer = afterMechanism(
                    openId.validateRequest(new SignedInRequest(request, signIn.username()), response, context),
                    request, context);
            SignInRecord refreshed = signedInSession.record(request);
            if (answer == SUCCESS && refreshed != null && !refreshed.tokens().equals(signIn.tokens())) {
                held.leave(refreshed.tokens().bytes());
                tracing.annotate(OUTCOME, "refreshed");
            }
            return answer;
        } finally {
            if (signedInSession.record(request) != null
                    && replica.refreshToken().filter(token -> !token.equals(lent)).isPresent()) {
                signedInSession.keepRefreshToken(signIn);
            }
        }
    }

    /**
     * The tokens are due but Cognito is down (unreachable, or answering 5xx): the user keeps working on the
     * session, which still ends at its idle timeout and maximum lifetime, and a later request tries the refresh
     * again. Staying up rather than locking everyone out while Cognito is down is the trade-off: during the outage
     * a user disabled in Cognito keeps the session, and nobody else gets one. Any other failed refresh ends it.
     */
    AuthenticationStatus withoutRefresh(HttpServletRequest request, HttpMessageContext context, SignInRecord signIn,
            String reason) {
        tracing.annotate(OUTCOME, "deferred");
        HttpSession session = request.getSession(false);
        if (session != null && session.getAttribute(REFRESH_DEFERRED) == null) {
            session.setAttribute(REFRESH_DEFERRED, Instant.now()); // logged once per session and outage
            AuditLog.refreshDeferred(request, signIn.username(), reason);
            stats.refreshDeferred();
        }
        return signedInSession.continued(context, signIn);
    }

    /**
     * After the OpenID mechanism refreshed a signed-in request's tokens: validate them; if it could not refresh
     * them (it has then ended the session), or they are refused, sign in again.
     */
    private AuthenticationStatus afterMechanism(AuthenticationStatus status, HttpServletRequest request,
            HttpMessageContext context) {
        if (status != SUCCESS) {
            if (context.getResponse().isCommitted()) {
                // The mechanism has ended the session and already sent the browser to sign in again (through
                // AuthorizationRedirect: the sign-in is pending, with PKCE).
                AuditLog.refusal(request, "session", "refresh refused by Cognito");
                return status;
            }
            return sessionEnd.end(request, context, "refresh refused by Cognito");
        }
        return accepted(request, context, true);
    }

    /**
     * The tokens the mechanism's context holds now, refreshed here or elsewhere: validated, and the session's. The
     * refresh is audited and counted once, by the node that {@code refreshedHere}.
     */
    private AuthenticationStatus accepted(HttpServletRequest request, HttpMessageContext context,
            boolean refreshedHere) {
        SignInRecord signIn = signedInSession.record(request);
        if (signIn == null) {
            return sessionEnd.end(request, context, "the session lost its sign-in during the refresh");
        }
        if (signIn.validated(openIdContext.getAccessToken().getToken())) {
            // another request of this session, on this node, refreshed them a moment ago
            return signedInSession.continued(context, signIn);
        }
        SignInTokensCredential tokens = SignInTokensCredential.of(openIdContext);
        CredentialValidationResult refreshed = identityStores.validate(tokens);
        if (refreshed.getStatus() != CredentialValidationResult.Status.VALID
                || !(refreshed.getCallerPrincipal() instanceof CognitoPrincipal principal)) {
            return sessionEnd.end(request, context, "refreshed tokens refused: " + tokens.refusal());
        }
        if (!signIn.sameUser(principal.token())) {
            return sessionEnd.end(request, context, "refreshed tokens name another user");
        }
        SignInRecord refreshedSignIn = signIn.refreshed(principal.token(), replica.tokens());
        HttpSession session = request.getSession();
        SealedSignIn.put(session, refreshedSignIn, signedInSession.keys());
        signedInSession.refreshed(request, refreshedSignIn);
        session.removeAttribute(REFRESH_DEFERRED);
        if (refreshedHere) {
            AuditLog.refresh(request, signIn.username());
            stats.refreshed();
        }
        return signedInSession.continued(context, refreshedSignIn);
    }
}
