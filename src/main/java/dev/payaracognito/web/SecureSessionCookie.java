package dev.payaracognito.web;

import dev.payaracognito.security.CognitoSettings;
import jakarta.enterprise.inject.spi.CDI;
import jakarta.servlet.ServletContextEvent;
import jakarta.servlet.ServletContextListener;
import jakarta.servlet.annotation.WebListener;

/** The session cookie is {@code Secure} whenever the app's public base URL is https. */
@WebListener
public class SecureSessionCookie implements ServletContextListener {

    @Override
    public void contextInitialized(ServletContextEvent event) {
        if (CDI.current().select(CognitoSettings.class).get().isHttps()) {
            event.getServletContext().getSessionCookieConfig().setSecure(true);
        }
    }
}
