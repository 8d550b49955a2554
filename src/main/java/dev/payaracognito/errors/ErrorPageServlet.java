package dev.payaracognito.errors;

import jakarta.faces.FacesException;
import jakarta.faces.application.ViewExpiredException;
import jakarta.servlet.RequestDispatcher;
import jakarta.servlet.annotation.WebServlet;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.Arrays;
import java.util.logging.Level;
import java.util.logging.Logger;

/** The container's error pages (web.xml): the status it reports, as one of our pages; exceptions logged. */
@WebServlet("/error")
public class ErrorPageServlet extends HttpServlet {

    private static final Logger LOG = Logger.getLogger(ErrorPageServlet.class.getName());
    private static final String SIGN_OUT_FORM = "signOut";

    @Override
    protected void service(HttpServletRequest request, HttpServletResponse response) throws IOException {
        Object status = request.getAttribute(RequestDispatcher.ERROR_STATUS_CODE);
        Throwable error = (Throwable) request.getAttribute(RequestDispatcher.ERROR_EXCEPTION);
        Object page = request.getAttribute(RequestDispatcher.ERROR_REQUEST_URI);
        if (isExpiredForm(request, error)) {
            // A form posted without this session's view state: expired, or forged on another site (CSRF).
            LOG.warning(() -> "form post to " + page + " refused: no matching view state");
            // the page template's Sign out form (id signOut): its user must not leave believing they are signed out
            ErrorPage.send(response, request.getParameter(SIGN_OUT_FORM) != null ? Failure.SIGN_OUT_EXPIRED
                    : Failure.FORM_EXPIRED);
            return;
        }
        if (error != null) {
            LOG.log(Level.SEVERE, "request to " + page + " failed", error);
        }
        int code = status instanceof Integer number ? number : 404;
        if (String.valueOf(page).startsWith("/api/")) {
            apiError(response, code);
        } else {
            ErrorPage.send(response, Failure.forStatus(code));
        }
    }

    /** The API answers in JSON, with the status the container reports; a missing group is insufficient_scope. */
    private static void apiError(HttpServletResponse response, int status) {
        switch (status) {
            case 401 -> ApiError.noToken(response);
            case 403 -> ApiError.insufficientScope(response);
            case 404 -> ApiError.send(response, 404, null, "not_found");
            case 405 -> ApiError.send(response, 405, null, "method_not_allowed");
            default -> ApiError.send(response, status, null, status < 500 ? "invalid_request" : "server_error");
        }
    }

    /**
     * A form whose view cannot be restored: Faces says the view expired, or Mojarra, in its restore-view phase, fails
     * with a bare FacesException on a posted view state it cannot use (such as {@code stateless} posted to a view
     * that keeps its state). Either way the post is not this page's: 400, never a 500. Only a post that carries a
     * view state, and only such a bare exception: a real fault in the phase (a broken template, a bean's failure)
     * comes with its cause and stays a 500, logged whole.
     */
    private static boolean isExpiredForm(HttpServletRequest request, Throwable error) {
        if (!"POST".equals(request.getMethod()) || request.getParameter("jakarta.faces.ViewState") == null) {
            return false;
        }
        for (Throwable cause = error; cause != null; cause = cause.getCause()) {
            if (cause instanceof ViewExpiredException || cause.getClass() == FacesException.class
                    && cause.getCause() == null && Arrays.stream(cause.getStackTrace())
                            .anyMatch(frame -> frame.getClassName().endsWith(".RestoreViewPhase"))) {
                return true;
            }
        }
        return false;
    }
}
