package dev.payaracognito.sessions;

import dev.payaracognito.cognito.CognitoAdminApi;
import dev.payaracognito.cognito.CognitoSettings;
import dev.payaracognito.cognito.PoolSettings;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.json.Json;
import java.util.logging.Logger;

/**
 * Cognito's {@code AdminUserGlobalSignOut} for a user ({@link CognitoAdminApi}), when the operator turned it on
 * ({@code APP_ADMIN_GLOBAL_SIGN_OUT=true}): Cognito then refuses every refresh token of the user, those that apps
 * other than this one hold (a mobile app on the same pool), and its own session cookie. Access and ID tokens
 * already issued still verify offline until they expire; this app's ended sessions refuse theirs itself.
 */
@ApplicationScoped
public class GlobalSignOut {

    private static final Logger LOG = Logger.getLogger(GlobalSignOut.class.getName());

    /** What became of a global sign-out, as the admin page says it. */
    public enum Outcome {
        OFF("not asked: Cognito's global sign-out is off (APP_ADMIN_GLOBAL_SIGN_OUT)"),
        DONE("Cognito signed the user out of every app: their refresh tokens no longer work"),
        NO_SUCH_USER("Cognito knows no such user (a federated user's name may differ)"),
        FAILED("Cognito could not be asked (see the log): the user's other apps keep their tokens");

        private final String description;

        Outcome(String description) {
            this.description = description;
        }

        public String description() {
            return description;
        }
    }

    @Inject
    private CognitoSettings settings;

    @Inject
    private CognitoAdminApi cognito;

    /** Whether the operator turned it on, and the settings name a pool it can be asked of. */
    public boolean enabled() {
        return settings.sessions().adminGlobalSignOut() && settings.pool().adminApi().isPresent();
    }

    public Outcome signOut(String username) {
        if (!enabled()) {
            return Outcome.OFF;
        }
        PoolSettings.AdminApi api = settings.pool().adminApi().orElseThrow();
        CognitoAdminApi.Answer answer;
        try {
            answer = cognito.call(api, "AdminUserGlobalSignOut",
                    Json.createObjectBuilder().add("UserPoolId", api.userPoolId()).add("Username", username).build());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            LOG.warning("AdminUserGlobalSignOut not finished: the request's thread was interrupted");
            return Outcome.FAILED;
        }
        if (answer.succeeded()) {
            return Outcome.DONE;
        }
        if ("UserNotFoundException".equals(answer.error())) {
            return Outcome.NO_SUCH_USER;
        }
        LOG.warning("AdminUserGlobalSignOut failed: " + answer.describe());
        return Outcome.FAILED;
    }
}
