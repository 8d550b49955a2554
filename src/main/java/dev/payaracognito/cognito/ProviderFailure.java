package dev.payaracognito.cognito;

import java.net.ConnectException;
import java.net.SocketTimeoutException;
import java.net.UnknownHostException;
import java.net.http.HttpTimeoutException;

/** How a call to Cognito failed, read from the exception it ended with (and its causes). */
public enum ProviderFailure {
    /** Cognito could not be reached, or did not answer in time. */
    UNREACHABLE,
    /** Cognito answered an error status (a 5xx). */
    ERROR_STATUS,
    /** Cognito answered something that is not a usable answer. */
    MALFORMED,
    /** Not Cognito's trouble as far as the exception tells. */
    NONE;

    public static ProviderFailure of(Throwable error) {
        for (Throwable cause = error; cause != null; cause = cause.getCause()) {
            if (cause instanceof ConnectException || cause instanceof SocketTimeoutException
                    || cause instanceof HttpTimeoutException || cause instanceof UnknownHostException
                    || cause instanceof CognitoUnavailable) {
                return UNREACHABLE;
            }
            if (cause instanceof CognitoTrouble trouble) {
                return trouble.temporary() ? ERROR_STATUS : MALFORMED;
            }
        }
        return NONE;
    }

    /** Whether a session may go on without refreshing its tokens: only while Cognito is down. */
    public boolean cognitoDown() {
        return this == UNREACHABLE || this == ERROR_STATUS;
    }
}
