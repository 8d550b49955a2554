package dev.payaracognito.errors;

/** Every way a request can fail, as the user sees it: one status, one page, no stack trace. */
public enum Failure {
    BAD_REQUEST(400, "That request could not be understood", "Please go back and try again."),
    FORM_EXPIRED(400, "This page has expired", "Please go back, reload the page and try again."),
    /** Said apart: on a shared computer, "expired" alone could pass for signed out. */
    SIGN_OUT_EXPIRED(400, "You are still signed in",
            "This page had expired, so nothing was done. Please go back, reload the page and sign out again."),
    SIGN_IN_CANCELLED(400, "Sign-in was cancelled or refused",
            "Amazon Cognito did not sign you in. You can try again."),
    SIGN_IN_FAILED(401, "Sign-in failed", "We could not complete your sign-in. Please try again."),
    FORBIDDEN(403, "You do not have access to this page",
            "You are signed in, but your account is not in the group this page needs."),
    NOT_FOUND(404, "Page not found", "There is no page at this address."),
    METHOD_NOT_ALLOWED(405, "Not allowed", "This address does not take that kind of request."),
    INTERNAL(500, "Something went wrong", "The error has been logged. Please try again."),
    PROVIDER_ERROR(502, "Amazon Cognito is having trouble",
            "Amazon Cognito could not complete your sign-in just now. Please try again in a minute."),
    UNAVAILABLE(503, "Sign-in is temporarily unavailable",
            "Amazon Cognito cannot be reached just now. Please try again in a minute."),
    SESSION_UNREADABLE(503, "Your session cannot be read here just now",
            "This server cannot read your session. Please try again in a minute."),
    NOT_CONFIGURED(503, "This application is not configured yet", "Its operator needs to set:");

    private final int status;
    private final String title;
    private final String message;

    Failure(int status, String title, String message) {
        this.status = status;
        this.title = title;
        this.message = message;
    }

    public int status() {
        return status;
    }

    public String title() {
        return title;
    }

    public String message() {
        return message;
    }

    /** The page for a status the container reports (web.xml's error page); another 4xx is a bad request. */
    public static Failure forStatus(int status) {
        return switch (status) {
            case 400 -> BAD_REQUEST;
            case 401 -> SIGN_IN_FAILED;
            case 403 -> FORBIDDEN;
            case 404 -> NOT_FOUND;
            case 405 -> METHOD_NOT_ALLOWED;
            case 502 -> PROVIDER_ERROR;
            case 503 -> UNAVAILABLE;
            default -> status < 500 ? BAD_REQUEST : INTERNAL;
        };
    }
}
