package dev.payaracognito.web;

import dev.payaracognito.audit.SecurityStats;
import dev.payaracognito.cognito.CognitoSettings;
import jakarta.inject.Inject;
import jakarta.servlet.annotation.WebListener;
import jakarta.servlet.http.HttpSessionEvent;
import jakarta.servlet.http.HttpSessionListener;

/**
 * Gives every new session the configured idle timeout, and keeps the count of live sessions for the statistics.
 * Payara also says "created" when a node loads a session another node made (from the data grid): such a session
 * keeps the timeout it has (a pending sign-in's is shorter).
 */
@WebListener
public class SessionCounter implements HttpSessionListener {

    @Inject
    private SecurityStats stats;

    @Inject
    private CognitoSettings settings;

    @Override
    public void sessionCreated(HttpSessionEvent event) {
        if (event.getSession().isNew()) {
            event.getSession().setMaxInactiveInterval((int) settings.sessions().idleTimeout().toSeconds());
        }
        stats.sessionCreated();
    }

    @Override
    public void sessionDestroyed(HttpSessionEvent event) {
        stats.sessionEnded();
    }
}
