package dev.payaracognito.security;

import dev.payaracognito.security.token.CognitoToken;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.logging.Logger;

/**
 * Whether the app client has Cognito's token revocation on, as its sign-ins show it: a token of an app client with
 * revocation on carries {@code origin_jti}, which is what a sign-out (or a timed-out session) puts on the list of
 * ended sign-ins so that the API refuses the sign-in's access tokens. Without it that list can hold nothing: a
 * configuration problem of the app client ({@code EnableTokenRevocation}), said in the log when it is first seen
 * and in the readiness data, not a silent gap. The latest sign-in decides (the operator who turns it on sees it).
 */
@ApplicationScoped
public class TokenRevocation {

    private static final Logger LOG = Logger.getLogger(TokenRevocation.class.getName());

    private enum Seen { NOT_YET, ON, OFF }

    private volatile Seen seen = Seen.NOT_YET;

    /** A sign-in's access token, just validated. */
    public void signedIn(CognitoToken access) {
        Seen now = access.originJti() == null ? Seen.OFF : Seen.ON;
        if (now == Seen.OFF && seen != Seen.OFF) {
            LOG.warning("Cognito's tokens for this app client carry no origin_jti: its token revocation is off"
                    + " (EnableTokenRevocation). A sign-out cannot make the API refuse the sign-in's access tokens,"
                    + " which stay valid until they expire; turn token revocation on for the app client.");
        }
        seen = now;
    }

    /** For the readiness data. */
    public String state() {
        return switch (seen) {
            case NOT_YET -> "not seen yet (no sign-in)";
            case ON -> "on";
            case OFF -> "off: tokens carry no origin_jti, so sign-out cannot end their sign-in at the API";
        };
    }
}
