package dev.payaracognito.cognito;

import jakarta.ws.rs.ConstrainedTo;
import jakarta.ws.rs.RuntimeType;
import jakarta.ws.rs.core.Configuration;
import jakarta.ws.rs.core.FeatureContext;
import org.glassfish.jersey.client.ClientProperties;
import org.glassfish.jersey.internal.spi.ForcedAutoDiscoverable;

/**
 * How the app's JAX-RS client calls behave, which is how Soteria calls Cognito's token endpoint: short timeouts
 * (its clients have none, so a hanging Cognito would hold a request thread, and the user, forever),
 * {@link TokenEndpointAnswers}, which tells Cognito's trouble from a refusal, and {@link CodeVerifier}, PKCE's part of
 * the code exchange. Jersey discovers this through
 * {@code META-INF/services}; a client that sets its own timeouts keeps them.
 */
@ConstrainedTo(RuntimeType.CLIENT)
public class ProviderCalls implements ForcedAutoDiscoverable {

    static final int CONNECT_TIMEOUT_MILLIS = 3_000;
    static final int READ_TIMEOUT_MILLIS = 5_000;

    @Override
    public void configure(FeatureContext context) {
        Configuration configuration = context.getConfiguration();
        if (configuration.getRuntimeType() != RuntimeType.CLIENT) {
            return;
        }
        if (configuration.getProperty(ClientProperties.CONNECT_TIMEOUT) == null) {
            context.property(ClientProperties.CONNECT_TIMEOUT, CONNECT_TIMEOUT_MILLIS);
        }
        if (configuration.getProperty(ClientProperties.READ_TIMEOUT) == null) {
            context.property(ClientProperties.READ_TIMEOUT, READ_TIMEOUT_MILLIS);
        }
        if (!configuration.isRegistered(TokenEndpointAnswers.class)) {
            context.register(TokenEndpointAnswers.class);
        }
        if (!configuration.isRegistered(CodeVerifier.class)) {
            context.register(CodeVerifier.class);
        }
    }
}
