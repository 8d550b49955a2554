package dev.payaracognito.security.browser;

import static jakarta.security.enterprise.AuthenticationStatus.SEND_FAILURE;

import dev.payaracognito.audit.AuditLog;
import dev.payaracognito.audit.SecurityStats;
import dev.payaracognito.cluster.SessionKeys;
import dev.payaracognito.cognito.CognitoSettings;
import dev.payaracognito.errors.ErrorPage;
import dev.payaracognito.errors.Failure;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.security.enterprise.AuthenticationStatus;
import jakarta.security.enterprise.authentication.mechanism.http.HttpMessageContext;
import jakarta.servlet.http.HttpServletRequest;
import java.io.IOException;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.logging.Logger;

/**
 * What a signed-in request's session is worth, before anything of it is trusted. The session comes from the data
 * grid, which whoever reaches it can read and write, so: its {@link SealedSignIn} must open with our key (else it
 * was forged: the session ends), the browser must hold the session's binding cookie (else the session id was
 * learnt elsewhere: this request is turned away and the session left alone), a caller the container read from the
 * grid must be the record's user (else the grid's principal was changed: the session ends), and the sign-in must be
 * neither past its lifetime nor ended elsewhere. A session sealed under a key this node was not given is not ended:
 * the node is misconfigured (the nodes of a cluster need the same {@code APP_SESSION_KEY}), and the log says so.
 */
@ApplicationScoped
class SessionCheck {

    private static final Logger LOG = Logger.getLogger(SessionCheck.class.getName());
    /** Key ids already reported; bounded, since a forged record names whatever id it likes. */
    private static final int MAX_REPORTED_KEYS = 16;

    @Inject
    private SignedInSession signedInSession;

    @Inject
    private SessionEnd sessionEnd;

    @Inject
    private CognitoSettings settings;

    @Inject
    private SiteRedirects redirects;

    @Inject
    private SecurityStats stats;

    private final Set<String> reportedKeys = ConcurrentHashMap.newKeySet();

    /** A signed-in request's session, checked: its sound record, or how the request was answered instead. */
    record Checked(SignInRecord signIn, AuthenticationStatus answer) {

        boolean isSound() {
            return signIn != null;
        }

        private static Checked answered(AuthenticationStatus answer) {
            return new Checked(null, answer);
        }
    }

    Checked check(HttpServletRequest request, HttpMessageContext context) {
        if (signedInSession.idle(request.getSession(false))) {
            return Checked.answered(sessionEnd.end(request, context, "the session was idle past its timeout"));
        }
        SealedSignIn sealed = SealedSignIn.of(request);
        if (sealed == null) {
            return Checked.answered(sessionEnd.end(request, context, "a signed-in session without its sign-in"));
        }
        SignInRecord signIn;
        try {
            signIn = sealed.open(signedInSession.keys(), request);
        } catch (SessionKeys.Unopened unopened) {
            return Checked.answered(unopened.reason() == SessionKeys.Unopened.Reason.UNKNOWN_KEY
                    ? unreadable(request, context, unopened.keyId())
                    : forged(request, context, "its sign-in record is not sealed by this app"));
        } catch (IOException otherLayout) {
            // it opened with our key, so this app sealed it: a node of another version (an earlier layout), not a
            // forger; the session ends and the user signs in again (docs/scaling-out.md: replace every node at once)
            return Checked.answered(sessionEnd.end(request, context,
                    "its sign-in record is of a layout this version does not read (sealed by another version)"));
        }
        if (!SessionBinding.presented(request, settings.site().isHttps(), signIn.bindingDigest())) {
            return Checked.answered(otherBrowser(request, context));
        }
        // the container keeps no caller in the session (BrowserAuthentication): one it read from the grid's copy was
        // put there by someone else, or by a node of an earlier version, and must then be the record's user
        if (request.getUserPrincipal() != null && !signIn.username().equals(request.getUserPrincipal().getName())) {
            return Checked.answered(forged(request, context, "the session's caller is not its sign-in's user"));
        }
        if (signedInSession.outlived(signIn)) {
            return Checked.answered(sessionEnd.end(request, context, "the session reached its maximum lifetime"));
        }
        if (sessionEnd.endedFromElsewhere(signIn)) {
            return Checked.answered(sessionEnd.endEverywhere(request, context));
        }
        if (sessionEnd.signInEnded(signIn)) {
            return Checked.answered(sessionEnd.end(request, context, "the sign-in was ended (signed out elsewhere)"));
        }
        signedInSession.served(request, signIn);
        return new Checked(signIn, null);
    }

    /** Only the grid could have made it: the session ends, and the audit log says so. */
    private AuthenticationStatus forged(HttpServletRequest request, HttpMessageContext context, String why) {
        AuditLog.sessionForged(request, why);
        stats.refused("session:FORGED");
        return sessionEnd.close(request, context);
    }

    /**
     * The session id without the binding cookie: read from the grid, or the cookie was lost. The session is not
     * this request's to end; the browser is told to forget the id and sent to the page, which signs it in afresh.
     */
    private AuthenticationStatus otherBrowser(HttpServletRequest request, HttpMessageContext context) {
        AuditLog.refusal(request, "session:OTHER_BROWSER", "a session id without the session's binding cookie");
        stats.refused("session:OTHER_BROWSER");
        context.cleanClientSubject();
        SessionBinding.forgetSession(request, context.getResponse(), settings.site().isHttps());
        return context.redirect(redirects.location(request, SiteRedirects.thisPage(request)));
    }

    /** Sealed under a key this node lacks: said once per key, the user asked to try again; the session lives on. */
    private AuthenticationStatus unreadable(HttpServletRequest request, HttpMessageContext context, String keyId) {
        String key = "the key " + keyId;
        if (reportedKeys.size() < MAX_REPORTED_KEYS && reportedKeys.add(keyId)) {
            LOG.severe("A session sealed under " + key + ", which this node was not given: the nodes of a cluster"
                    + " need the same " + SessionKeys.SETTING + " (this node seals under "
                    + signedInSession.keys().sealingId() + "). Such sessions are answered 503 here, not ended.");
        }
        AuditLog.refusal(request, "session:KEY_UNKNOWN", "a session sealed under " + key);
        stats.refused("session:KEY_UNKNOWN");
        context.cleanClientSubject();
        ErrorPage.send(context.getResponse(), Failure.SESSION_UNREADABLE);
        return SEND_FAILURE;
    }
}
