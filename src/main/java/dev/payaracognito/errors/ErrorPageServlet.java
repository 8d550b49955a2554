package dev.payaracognito.errors;

import jakarta.servlet.RequestDispatcher;
import jakarta.servlet.annotation.WebServlet;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.logging.Level;
import java.util.logging.Logger;

/** The container's error pages (web.xml): the status it reports, as one of our pages; exceptions logged. */
@WebServlet("/error")
public class ErrorPageServlet extends HttpServlet {

    private static final Logger LOG = Logger.getLogger(ErrorPageServlet.class.getName());

    @Override
    protected void service(HttpServletRequest request, HttpServletResponse response) throws IOException {
        Object status = request.getAttribute(RequestDispatcher.ERROR_STATUS_CODE);
        Throwable error = (Throwable) request.getAttribute(RequestDispatcher.ERROR_EXCEPTION);
        if (error != null) {
            LOG.log(Level.SEVERE, "request to " + request.getAttribute(RequestDispatcher.ERROR_REQUEST_URI)
                    + " failed", error);
        }
        ErrorPage.send(response, Failure.forStatus(status instanceof Integer code ? code : 404));
    }
}
