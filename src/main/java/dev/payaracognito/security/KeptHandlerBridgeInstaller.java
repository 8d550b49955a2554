package dev.payaracognito.security;

import jakarta.inject.Inject;
import jakarta.security.auth.message.config.AuthConfigFactory;
import jakarta.security.enterprise.authentication.mechanism.http.HttpAuthenticationMechanismHandler;
import jakarta.servlet.ServletContextEvent;
import jakarta.servlet.ServletContextListener;
import jakarta.servlet.annotation.WebListener;
import java.util.logging.Logger;
import org.glassfish.soteria.mechanisms.jaspic.HttpBridgeServerAuthModule;

/**
 * Puts {@link KeptHandlerBridge} in the place of Soteria's bridge for this app. Soteria registers its own when the
 * app starts (a servlet container initializer, before any listener, and before the app takes requests); a second
 * registration for the same app replaces the first (Jakarta Authentication's {@code registerServerAuthModule}).
 * The bridge copies Soteria 4.0.2's: a Payara with another Soteria is said at start, for its bridge to be compared.
 */
@WebListener
public class KeptHandlerBridgeInstaller implements ServletContextListener {

    private static final Logger LOG = Logger.getLogger(KeptHandlerBridgeInstaller.class.getName());
    private static final String COPIED_FROM = "4.0.2";

    @Inject
    private HttpAuthenticationMechanismHandler mechanisms;

    @Override
    public void contextInitialized(ServletContextEvent event) {
        String registration = AuthConfigFactory.getFactory()
                .registerServerAuthModule(new KeptHandlerBridge(mechanisms), event.getServletContext());
        LOG.info("The container's authentication calls are to reach the authentication handler directly"
                + " (KeptHandlerBridge, registration " + registration + "), without Soteria's lookup of it for each"
                + " request");
        String soteria = HttpBridgeServerAuthModule.class.getPackage().getImplementationVersion();
        if (!COPIED_FROM.equals(soteria)) {
            LOG.warning("KeptHandlerBridge does what Soteria " + COPIED_FROM + "'s HttpBridgeServerAuthModule does;"
                    + " this server has Soteria " + soteria + ": compare the two before relying on it");
        }
    }

    @Override
    public void contextDestroyed(ServletContextEvent event) {
        AuthConfigFactory.getFactory().removeServerAuthModule(event.getServletContext());
    }
}
