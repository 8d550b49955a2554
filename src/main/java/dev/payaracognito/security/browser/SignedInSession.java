package dev.payaracognito.security.browser;

import dev.payaracognito.audit.AuditLog;
import dev.payaracognito.audit.SecurityStats;
import dev.payaracognito.cluster.SessionKeys;
import dev.payaracognito.cognito.CognitoSettings;
import dev.payaracognito.security.CognitoValidation;
import dev.payaracognito.security.TokenRevocation;
import dev.payaracognito.security.token.CognitoToken;
import dev.payaracognito.security.token.CognitoTokenValidator;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.security.auth.message.callback.GroupPrincipalCallback;
import jakarta.security.enterprise.AuthenticationStatus;
import jakarta.security.enterprise.authentication.mechanism.http.HttpMessageContext;
import jakarta.security.enterprise.identitystore.openid.AccessToken;
import jakarta.security.enterprise.identitystore.openid.IdentityToken;
import jakarta.security.enterprise.identitystore.openid.OpenIdContext;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;
import java.io.IOException;
import java.time.Instant;
import javax.security.auth.callback.Callback;
import javax.security.auth.callback.UnsupportedCallbackException;

/**
 * A browser's signed-in session after sign-in: it ends at its idle timeout and its absolute lifetime whatever the
 * activity, and lives on past the tokens' life ({@link SessionRefresh}). What the session keeps of its sign-in is a
 * {@link SignInRecord}, sealed ({@link SealedSignIn}), which travels with the session to whichever node of a cluster
 * serves it; {@link SessionCheck} opens and checks it before anything else of a request is trusted, and the
 * container's caller on every request is the record's ({@link #continued}).
 */
@ApplicationScoped
public class SignedInSession {

    /** The MessageInfo key through which a mechanism asks the container to remember the caller. */
    private static final String REGISTER_SESSION = "jakarta.servlet.http.registerSession";
    /**
     * When the session last served a request the check found sound. Payara's own idle time counts every request
     * that names the session, turned away or not (a session id read from the grid would keep a session alive), and
     * its timeout is an attribute of the stored session: the app's idle timeout counts from this instead.
     */
    private static final String LAST_SOUND = SignedInSession.class.getName() + ".lastSound";

    @Inject
    private CognitoSettings settings;

    @Inject
    private OpenIdContext openIdContext;

    @Inject
    private SiteRedirects redirects;

    @Inject
    private CognitoValidation validation;

    @Inject
    private OpenIdContextReplica replica;

    @Inject
    private SecurityStats stats;

    @Inject
    private TokenRevocation tokenRevocation;

    /**
     * At sign-in, with the access token our identity store has just accepted: the browser gets its binding cookie,
     * the session the sealed record, and from now on a signed-in session's idle timeout.
     */
    void started(HttpServletRequest request, HttpServletResponse response, CognitoToken access) {
        tokenRevocation.signedIn(access);
        String binding = SessionBinding.issue(response, settings.site().isHttps());
        HttpSession session = request.getSession();
        SealedSignIn.put(session, SignInRecord.of(access, replica.tokens(), Instant.now(), binding), keys());
        session.setMaxInactiveInterval((int) settings.sessions().idleTimeout().toSeconds());
        session.setAttribute(LAST_SOUND, Instant.now());
    }

    /** The record of the request's session, once {@link SessionCheck} has found it sound; null otherwise. */
    SignInRecord record(HttpServletRequest request) {
        HttpSession session = request.getSession(false);
        return session == null ? null : record(session);
    }

    /** The session's record, if it has one that opens; null otherwise. */
    SignInRecord record(HttpSession session) {
        SealedSignIn sealed = SealedSignIn.of(session);
        try {
            return sealed == null ? null : sealed.open(keys());
        } catch (SessionKeys.Unopened | IOException unsound) {
            return null;
        }
    }

    /** Whether the session has gone without a sound request for longer than {@code app.session.idle-timeout}. */
    boolean idle(HttpSession session) {
        return session != null && session.getAttribute(LAST_SOUND) instanceof Instant last
                && Instant.now().isAfter(last.plus(settings.sessions().idleTimeout()));
    }

    /** A sound request: the session's idle time starts again. */
    void served(HttpServletRequest request) {
        request.getSession().setAttribute(LAST_SOUND, Instant.now());
    }

    SessionKeys keys() {
        return settings.sessions().keys();
    }

    /** Gives the OpenID mechanism the record's tokens on this node (they do not travel in its own context). */
    void restoreTokens(SignInRecord signIn) {
        replica.restore(signIn.tokens());
    }

    /** Whether the session has outlived {@code app.session.max-lifetime} since sign-in. */
    boolean outlived(SignInRecord signIn) {
        return Instant.now().isAfter(signIn.signedInAt().plus(settings.sessions().maxLifetime()));
    }

    /** Whether the mechanism would refresh the tokens on this request (it does so a little before they expire). */
    boolean tokensDue() {
        AccessToken access = openIdContext.getAccessToken();
        IdentityToken identity = openIdContext.getIdentityToken();
        return access != null && identity != null && (access.isExpired() || identity.isExpired());
    }

    /**
     * The caller of a signed-in request: the record's user in the record's groups. Given by name, so the container
     * makes this request's caller of them rather than reuse the principal it stored in the session, which the data
     * grid holds unsealed: what the grid says of a caller never decides anything. Groups an earlier callback of this
     * request gave (the mechanism's, on a refresh) are cleared first: the container adds groups up.
     */
    AuthenticationStatus continued(HttpMessageContext context, SignInRecord signIn) {
        try {
            context.getHandler().handle(new Callback[] {new GroupPrincipalCallback(context.getClientSubject(), null)});
        } catch (IOException | UnsupportedCallbackException e) {
            throw new IllegalStateException("the container refused to clear the caller's groups", e);
        }
        return context.notifyContainerAboutLogin(signIn.username(), signIn.groups());
    }

    /**
     * The user signs out: from now on the API refuses the access tokens of this sign-in too (Cognito revokes them
     * with the refresh token, but they still verify offline until they expire).
     */
    public void signedOut(HttpServletRequest request, HttpServletResponse response) {
        SignInRecord signIn = record(request);
        if (signIn != null) {
            endSignIn(signIn);
        }
        SessionBinding.expire(response, settings.site().isHttps());
    }

    /** Whether the sign-in was ended already (on any node): its tokens are refused. */
    boolean signInEnded(SignInRecord signIn) {
        return signIn.originJti() != null && validation.revokedSignIns().isRevoked(signIn.originJti());
    }

    /**
     * From now on, on every node, the API refuses the access tokens of this sign-in (they verify until they expire),
     * and any copy of one of its sessions ends, for as long as such a session could live: a copy kept by a node, or
     * put back into the grid, could otherwise refresh its tokens again should the revocation at Cognito have failed.
     */
    void endSignIn(SignInRecord signIn) {
        if (signIn.originJti() != null) {
            Instant tokensExpire = signIn.accessTokenExpiresAt().plus(CognitoTokenValidator.MAX_SKEW);
            Instant sessionsEnd = signIn.signedInAt().plus(settings.sessions().maxLifetime());
            validation.revokedSignIns().revoke(signIn.originJti(),
                    tokensExpire.isAfter(sessionsEnd) ? tokensExpire : sessionsEnd);
            stats.revoked();
        }
    }

    /** Ends the session and sends the browser back to the page (on this site), which asks it to sign in again. */
    AuthenticationStatus end(HttpServletRequest request, HttpMessageContext context, String reason) {
        AuditLog.refusal(request, "session", reason);
        return close(request, context);
    }

    /** {@link #end} without its audit line, for a caller that writes its own. */
    AuthenticationStatus close(HttpServletRequest request, HttpMessageContext context) {
        String page = SiteRedirects.thisPage(request);
        forget(context);
        SessionBinding.expire(context.getResponse(), settings.site().isHttps());
        return context.redirect(redirects.location(request, page));
    }

    /** Nothing half signed in: no session, no caller, nothing the container was asked to remember. */
    static void forget(HttpMessageContext context) {
        HttpSession session = context.getRequest().getSession(false);
        if (session != null) {
            session.invalidate();
        }
        context.cleanClientSubject();
        context.getMessageInfo().getMap().remove(REGISTER_SESSION);
    }
}
