package dev.payaracognito.security.browser;

import jakarta.servlet.ServletContextEvent;
import jakarta.servlet.ServletContextListener;
import jakarta.servlet.annotation.WebListener;
import java.util.Arrays;
import java.util.logging.Filter;
import java.util.logging.LogRecord;
import java.util.logging.Logger;

/**
 * Payara warns (AS-WEB-CORE-00395, "Cannot serialize session attribute") each time it stores a session whose
 * Soteria OpenID context it cannot serialize. The context lives only while the mechanism works
 * ({@link OpenIdContextReplica#discard}), but another request of the same session can end, and its session be stored,
 * meanwhile (a sign-in or a refresh waits seconds for Cognito). That is known and handled (the tokens travel in the
 * session's record), so those warnings, and only those, are dropped from the web container's log; every other
 * attribute that cannot be serialized is still reported.
 */
@WebListener
public class UnreplicatedContextWarnings implements ServletContextListener {

    private static final Logger WEB_CONTAINER = Logger.getLogger("jakarta.enterprise.web.core");
    private static final String SOTERIA_CONTEXT = "org.glassfish.soteria.mechanisms.openid.domain.OpenIdContextImpl";

    @Override
    public void contextInitialized(ServletContextEvent event) {
        Filter existing = WEB_CONTAINER.getFilter();
        WEB_CONTAINER.setFilter(record -> !isAboutSoteriasContext(record)
                && (existing == null || existing.isLoggable(record)));
        Logger.getLogger(UnreplicatedContextWarnings.class.getName()).info("Soteria's OpenID context is not"
                + " Serializable: its tokens travel in the session's sign-in record, and Payara's warnings about it"
                + " (AS-WEB-CORE-00395) are left out of the log");
    }

    /** The attribute's name is a parameter of the record, or already in its message. */
    private static boolean isAboutSoteriasContext(LogRecord record) {
        Object[] parameters = record.getParameters();
        return String.valueOf(record.getMessage()).contains(SOTERIA_CONTEXT)
                || parameters != null && Arrays.stream(parameters).anyMatch(p -> String.valueOf(p).contains(SOTERIA_CONTEXT));
    }
}
