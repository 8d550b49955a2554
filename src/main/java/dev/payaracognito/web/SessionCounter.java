package dev.payaracognito.web;

import dev.payaracognito.security.SecurityStats;
import jakarta.inject.Inject;
import jakarta.servlet.annotation.WebListener;
import jakarta.servlet.http.HttpSessionEvent;
import jakarta.servlet.http.HttpSessionListener;

/** Keeps the count of live sessions for the statistics. */
@WebListener
public class SessionCounter implements HttpSessionListener {

    @Inject
    private SecurityStats stats;

    @Override
    public void sessionCreated(HttpSessionEvent event) {
        stats.sessionCreated();
    }

    @Override
    public void sessionDestroyed(HttpSessionEvent event) {
        stats.sessionEnded();
    }
}
