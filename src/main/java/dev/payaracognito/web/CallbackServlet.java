package dev.payaracognito.web;

import dev.payaracognito.errors.ErrorPage;
import dev.payaracognito.errors.Failure;
import dev.payaracognito.security.browser.PendingSignIn;
import dev.payaracognito.security.browser.SiteRedirects;
import dev.payaracognito.telemetry.Tracing;
import jakarta.inject.Inject;
import jakarta.servlet.annotation.WebServlet;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;

/**
 * The redirect URI registered at Cognito. The authentication handler has done the sign-in by the time a request
 * gets here; this only sends the user on to the page they asked for.
 */
@WebServlet("/callback")
public class CallbackServlet extends HttpServlet {

    @Inject
    private SiteRedirects redirects;

    @Override
    protected void doGet(HttpServletRequest request, HttpServletResponse response) throws IOException {
        Tracing.redactQuery(request); // the authorization code, in a trace
        if (request.getUserPrincipal() == null) {
            ErrorPage.send(response, Failure.BAD_REQUEST);
            return;
        }
        response.sendRedirect(redirects.location(request, PendingSignIn.finish(request)));
    }
}
