package dev.payaracognito.web;

import dev.payaracognito.audit.AuditLog;
import dev.payaracognito.audit.SecurityStats;
import dev.payaracognito.cognito.CognitoEndpoints;
import dev.payaracognito.cognito.CognitoUnavailable;
import dev.payaracognito.security.browser.SessionEnd;
import dev.payaracognito.security.browser.SiteRedirects;
import dev.payaracognito.telemetry.Traced;
import dev.payaracognito.telemetry.Tracing;
import jakarta.enterprise.context.RequestScoped;
import jakarta.faces.context.ExternalContext;
import jakarta.faces.context.FacesContext;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;
import java.io.IOException;
import java.util.logging.Logger;

/**
 * The Sign out button: a POST from a Faces form (its view state is the CSRF token). It revokes the refresh token
 * at Cognito, makes the API refuse the sign-in's access tokens, ends the local session, then sends the browser
 * through Cognito's {@code /logout}, which ends Cognito's own session so that the next sign-in asks for the password
 * again, and comes back to our home page. With Cognito unreachable, the local sign-out still happens and the home
 * page says so.
 */
@Named
@RequestScoped
public class SignOutBean {

    private static final Logger LOG = Logger.getLogger(SignOutBean.class.getName());

    @Inject
    private CognitoEndpoints endpoints;

    @Inject
    private HttpServletRequest request;

    @Inject
    private Tracing tracing;

    @Inject
    private SessionEnd sessionEnd;

    @Inject
    private SiteRedirects redirects;

    @Inject
    private SecurityStats stats;

    public void signOut() throws ServletException, IOException {
        String next;
        try (Traced traced = tracing.step("sign out")) {
            String user = request.getRemoteUser();
            boolean cognitoReached = sessionEnd.revokeRefreshToken(request);
            traced.attribute("cognito.sign-out.revoked", cognitoReached);
            sessionEnd.signedOut(request, (HttpServletResponse) FacesContext.getCurrentInstance()
                    .getExternalContext().getResponse());
            // With Cognito unreachable, its /logout would be too: sign out here, and say so.
            next = cognitoReached ? cognitoLogout() : redirects.location(request, "/?signed-out=locally");
            request.logout();
            HttpSession session = request.getSession(false);
            if (session != null) {
                session.invalidate();
            }
            AuditLog.signOut(request, user);
            stats.signedOut();
        }
        ExternalContext external = FacesContext.getCurrentInstance().getExternalContext();
        external.redirect(next);
    }

    /** Cognito's logout URL; if Cognito cannot be reached, the local sign-out still happens. */
    private String cognitoLogout() {
        try {
            return endpoints.logoutUrl(request);
        } catch (CognitoUnavailable e) {
            LOG.warning("sign-out: Cognito's logout URL is unknown (" + e.getMessage() + "); signing out locally");
            return redirects.location(request, "/");
        }
    }
}
