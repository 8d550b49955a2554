package dev.payaracognito.errors;

import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.io.UncheckedIOException;

/**
 * The REST API's errors (RFC 6750 for authentication): a status, a {@code WWW-Authenticate} challenge where one
 * belongs, and a small generic JSON body that never repeats what the client sent. A client that went away
 * gets an {@link UncheckedIOException}.
 */
public final class ApiError {

    private ApiError() {}

    /** 401 without a token: the challenge alone (RFC 6750 section 3.1: no error code when none was sent). */
    public static void noToken(HttpServletResponse response) {
        send(response, 401, "Bearer", "unauthorized");
    }

    public static void invalidToken(HttpServletResponse response) {
        send(response, 401, "Bearer error=\"invalid_token\"", "invalid_token");
    }

    public static void insufficientScope(HttpServletResponse response) {
        send(response, 403, "Bearer error=\"insufficient_scope\"", "insufficient_scope");
    }

    public static void send(HttpServletResponse response, int status, String challenge, String error) {
        if (response.isCommitted()) {
            return;
        }
        try {
            write(response, status, challenge, error);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void write(HttpServletResponse response, int status, String challenge, String error)
            throws IOException {
        response.resetBuffer();
        response.setStatus(status);
        if (challenge != null) {
            response.setHeader("WWW-Authenticate", challenge);
        }
        response.setHeader("Cache-Control", "no-store");
        response.setContentType("application/json;charset=UTF-8");
        response.getWriter().write("{\"error\":\"" + error + "\"}");
        response.flushBuffer();
    }
}
