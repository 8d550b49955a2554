package dev.payaracognito.web;

import dev.payaracognito.cognito.CognitoSettings;
import jakarta.inject.Inject;
import jakarta.servlet.ServletContextEvent;
import jakarta.servlet.ServletContextListener;
import jakarta.servlet.SessionCookieConfig;
import jakarta.servlet.annotation.WebListener;

/**
 * Whenever the app's public base URL is https (TLS may end at a proxy in front), the session cookie is
 * {@code Secure} and named with the {@code __Host-} prefix (ASVS 5.0 V3.3): browsers then accept it only over
 * https, for this host alone ({@code Path=/}, no {@code Domain}), so a sibling subdomain cannot set or shadow it.
 */
@WebListener
public class SecureSessionCookie implements ServletContextListener {

    static final String HOST_PREFIXED_NAME = "__Host-JSESSIONID";

    @Inject
    private CognitoSettings settings;

    @Override
    public void contextInitialized(ServletContextEvent event) {
        if (settings.site().isHttps()) {
            SessionCookieConfig cookie = event.getServletContext().getSessionCookieConfig();
            cookie.setSecure(true);
            cookie.setName(HOST_PREFIXED_NAME);
            cookie.setPath("/");
        }
    }
}
