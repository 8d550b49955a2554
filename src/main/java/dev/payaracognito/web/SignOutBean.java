package dev.payaracognito.web;

import dev.payaracognito.security.CognitoSettings;
import dev.payaracognito.security.AuditLog;
import dev.payaracognito.security.CognitoUnavailable;
import jakarta.enterprise.context.RequestScoped;
import jakarta.faces.context.ExternalContext;
import jakarta.faces.context.FacesContext;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpSession;
import java.io.IOException;
import java.util.logging.Logger;

/**
 * The Sign out button: a POST from a Faces form (its view state is the CSRF token). It ends the local session,
 * then sends the browser through Cognito's {@code /logout}, which ends Cognito's own session so that the next
 * sign-in asks for the password again, and comes back to our home page.
 */
@Named
@RequestScoped
public class SignOutBean {

    private static final Logger LOG = Logger.getLogger(SignOutBean.class.getName());

    @Inject
    private CognitoSettings settings;

    @Inject
    private HttpServletRequest request;

    public void signOut() throws ServletException, IOException {
        String user = request.getRemoteUser();
        String next = cognitoLogout();
        request.logout();
        HttpSession session = request.getSession(false);
        if (session != null) {
            session.invalidate();
        }
        AuditLog.signOut(request, user);
        ExternalContext external = FacesContext.getCurrentInstance().getExternalContext();
        external.redirect(next);
    }

    /** Cognito's logout URL; if Cognito cannot be reached, the local sign-out still happens. */
    private String cognitoLogout() {
        try {
            return settings.logoutUrl(request);
        } catch (CognitoUnavailable e) {
            LOG.warning("sign-out: Cognito's logout URL is unknown (" + e.getMessage() + "); signing out locally");
            return request.getContextPath() + "/";
        }
    }
}
