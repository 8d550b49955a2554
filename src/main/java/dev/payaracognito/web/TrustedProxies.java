package dev.payaracognito.web;

import dev.payaracognito.audit.AuditLog;
import dev.payaracognito.cognito.CognitoSettings;
import jakarta.inject.Inject;
import jakarta.servlet.ServletContextEvent;
import jakarta.servlet.ServletContextListener;
import jakarta.servlet.annotation.WebListener;

/** Tells the audit log, as the app starts, whose {@code X-Forwarded-For} it may believe ({@code APP_TRUSTED_PROXIES}). */
@WebListener
public class TrustedProxies implements ServletContextListener {

    @Inject
    private CognitoSettings settings;

    @Override
    public void contextInitialized(ServletContextEvent event) {
        AuditLog.trustProxies(settings.site().clientAddress());
    }
}
