package dev.payaracognito.security.browser;

import com.nimbusds.jwt.JWTParser;
import dev.payaracognito.cluster.SessionKeys;
import dev.payaracognito.cognito.CognitoSettings;
import dev.payaracognito.security.CognitoSecurityConfiguration;
import dev.payaracognito.security.TokenRevocation;
import dev.payaracognito.security.token.CognitoToken;
import dev.payaracognito.sessions.IndexedSession;
import dev.payaracognito.sessions.RefreshTokens;
import dev.payaracognito.sessions.SessionIndex;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.security.auth.message.callback.GroupPrincipalCallback;
import jakarta.security.enterprise.AuthenticationStatus;
import jakarta.security.enterprise.authentication.mechanism.http.HttpMessageContext;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;
import java.io.IOException;
import java.text.ParseException;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.logging.Logger;
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

    private static final Logger LOG = Logger.getLogger(SignedInSession.class.getName());

    /**
     * When the session last served a request the check found sound. Payara's own idle time counts every request
     * that names the session, turned away or not (a session id read from the grid would keep a session alive), and
     * its timeout is an attribute of the stored session: the app's idle timeout counts from this instead.
     */
    private static final String LAST_SOUND = SignedInSession.class.getName() + ".lastSound";
    private static final Duration MAX_LAST_SOUND_STEP = Duration.ofMinutes(1);

    @Inject
    private CognitoSettings settings;

    @Inject
    private OpenIdContextReplica replica;

    @Inject
    private TokenRevocation tokenRevocation;

    @Inject
    private SessionIndex sessionIndex;

    @Inject
    private RefreshTokens refreshTokens;

    /**
     * At sign-in, with the access token our identity store has just accepted: the browser gets its binding cookie,
     * the session the sealed record, and from now on a signed-in session's idle timeout. The mechanism's context,
     * which holds the tokens parsed, has done its work and goes ({@link OpenIdContextReplica#discard}).
     */
    void started(HttpServletRequest request, HttpServletResponse response, CognitoToken access) {
        tokenRevocation.signedIn(access);
        String binding = SessionBinding.issue(response, settings.site().isHttps());
        HttpSession session = request.getSession();
        // no session fixation: the signed-in session gets an id the browser never had before it signed in (the
        // container no longer does this for us, as it keeps no caller in the session: BrowserAuthentication)
        request.changeSessionId();
        SignInRecord signIn = SignInRecord.of(access, replica.tokens(), Instant.now(), binding);
        SealedSignIn.put(session, signIn, keys());
        // Payara's own timeout one step later than the app's: the grid's copy of the session learns of requests
        // once a step at most ({@link #served}), and the app's check ({@link #idle}) is the exact one
        session.setMaxInactiveInterval((int) settings.sessions().idleTimeout().plus(lastSoundStep()).toSeconds());
        session.setAttribute(LAST_SOUND, Instant.now());
        keepRefreshToken(signIn);
        sessionIndex.save(request, indexed(signIn));
        replica.discard();
    }

    /**
     * The refresh token the mechanism's context holds now (Cognito's, at sign-in or from a rotating refresh) is the
     * session's, kept in the data grid for whichever node needs it next.
     */
    void keepRefreshToken(SignInRecord signIn) {
        if (!refreshTokens.keep(signIn.sessionId(), replica.refreshToken().orElse(null), signIn.signedInAt())) {
            LOG.warning("The data grid did not take the refresh token of a session of " + signIn.username()
                    + ": the session asks to sign in again when its tokens expire");
        }
    }

    /**
     * Whether the request's session claims a sign-in, to be checked ({@link SessionCheck}): it holds a sealed record,
     * or the container read a caller from its stored copy (which only the data grid's other writers, or a node of an
     * earlier version, put there).
     */
    boolean isSignedIn(HttpServletRequest request) {
        return request.getUserPrincipal() != null || SealedSignIn.of(request) != null;
    }

    /** The id of the request's session in the index of sessions, if it is signed in; null otherwise. */
    public String sessionId(HttpServletRequest request) {
        SignInRecord signIn = record(request);
        return signIn == null ? null : signIn.sessionId();
    }

    /** The sign-in as the index of sessions keeps it. */
    IndexedSession.SignedIn indexed(SignInRecord signIn) {
        return new IndexedSession.SignedIn(signIn.sessionId(), signIn.username(), email(signIn), signIn.signedInAt(),
                signIn.originJti(), signIn.usableUntil(settings.sessions().maxLifetime()));
    }

    /** The e-mail of the ID token our identity store accepted, for people to recognise the user by. */
    private static String email(SignInRecord signIn) {
        try {
            return JWTParser.parse(signIn.tokens().idToken()).getJWTClaimsSet().getStringClaim("email");
        } catch (ParseException unreadable) {
            return null;
        }
    }

    /** The record of the request's session, once {@link SessionCheck} has found it sound; null otherwise. */
    SignInRecord record(HttpServletRequest request) {
        SealedSignIn sealed = SealedSignIn.of(request);
        try {
            return sealed == null ? null : sealed.open(keys(), request);
        } catch (SessionKeys.Unopened | IOException unsound) {
            return null;
        }
    }

    /** The session's record, if it has one that opens; null otherwise (for a session ending outside a request). */
    SignInRecord record(HttpSession session) {
        SealedSignIn sealed = SealedSignIn.of(session);
        try {
            return sealed == null ? null : sealed.open(keys());
        } catch (SessionKeys.Unopened | IOException unsound) {
            return null;
        }
    }

    /**
     * Whether the session has gone without a sound request for longer than {@code app.session.idle-timeout}: the
     * last sound request is known to a {@link #lastSoundStep} (it ends between the timeout and one step later).
     */
    boolean idle(HttpSession session) {
        return session != null && session.getAttribute(LAST_SOUND) instanceof Instant last
                && Instant.now().isAfter(last.plus(settings.sessions().idleTimeout()).plus(lastSoundStep()));
    }

    /**
     * A sound request: the session's idle time starts again, and the index hears of it (once a minute). The time is
     * written once a {@link #lastSoundStep} at most: each write of an attribute makes Payara store the whole session
     * in the data grid again (persistence scope modified-session), and keeps the replaced value among the values it
     * has checked for serializability (a cache of the last 16 per session, {@code BoundedSerializableChecks}; Payara's
     * own kept them all): a write per request cost a grid write for every request, a stylesheet's too, and an Instant
     * kept per request (docs/performance.md, heap per session).
     */
    void served(HttpServletRequest request, SignInRecord signIn) {
        HttpSession session = request.getSession();
        Instant now = Instant.now();
        if (!(session.getAttribute(LAST_SOUND) instanceof Instant last) || now.isAfter(last.plus(lastSoundStep()))) {
            session.setAttribute(LAST_SOUND, now);
        }
        sessionIndex.touch(request, () -> indexed(signIn));
    }

    /** How far the recorded last sound request may lag: a twentieth of the idle timeout, a minute at most. */
    private Duration lastSoundStep() {
        Duration twentieth = settings.sessions().idleTimeout().dividedBy(20);
        return twentieth.compareTo(MAX_LAST_SOUND_STEP) < 0 ? twentieth : MAX_LAST_SOUND_STEP;
    }

    /** Refreshed tokens: the index hears of them (the e-mail, and until when the tokens are usable, may change). */
    void refreshed(HttpServletRequest request, SignInRecord signIn) {
        sessionIndex.save(request, indexed(signIn));
    }

    SessionKeys keys() {
        return settings.sessions().keys();
    }


    /** Whether the session has outlived {@code app.session.max-lifetime} since sign-in. */
    boolean outlived(SignInRecord signIn) {
        return Instant.now().isAfter(signIn.signedInAt().plus(settings.sessions().maxLifetime()));
    }

    /** Whether the mechanism would refresh the tokens on this request (it does so a little before they expire). */
    boolean tokensDue(SignInRecord signIn) {
        return signIn.tokensDue(Instant.now(), Duration.ofMillis(CognitoSecurityConfiguration.TOKEN_MIN_VALIDITY_MILLIS));
    }

    /** What the request's signed-in user's page shows of the sign-in; empty when the request is not signed in. */
    public Optional<SignInSummary> summary(HttpServletRequest request) {
        SignInRecord signIn = record(request);
        return signIn == null ? Optional.empty()
                : Optional.of(new SignInSummary(email(signIn), List.copyOf(signIn.groups()), signIn.tokensExpireAt()));
    }

    /**
     * The caller of a signed-in request: the record's user in the record's groups. Given by name, so the container
     * makes this request's caller of them rather than of a principal it found in the stored session (it keeps none
     * there itself: one there is the data grid's doing): what the grid says of a caller never decides anything.
     * Groups an earlier callback of this request gave (the mechanism's, on a refresh) are cleared first: the
     * container adds groups up.
     */
    AuthenticationStatus continued(HttpMessageContext context, SignInRecord signIn) {
        try {
            context.getHandler().handle(new Callback[] {new GroupPrincipalCallback(context.getClientSubject(), null)});
        } catch (IOException | UnsupportedCallbackException e) {
            throw new IllegalStateException("the container refused to clear the caller's groups", e);
        }
        return context.notifyContainerAboutLogin(signIn.username(), signIn.groups());
    }
}
