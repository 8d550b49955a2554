package dev.payaracognito.testing;

import dev.payaracognito.localcognito.IssuerConfiguration;
import dev.payaracognito.localcognito.LocalCognito;
import java.io.IOException;
import java.io.UncheckedIOException;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext.Namespace;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * The one local Cognito of a test run, shared by every class that deploys the app: started by the first such
 * class, kept in JUnit's root store, stopped when the run ends. Registered before Arquillian's extension (see
 * {@link PayaraMicroTest}), so that the deployment, which Arquillian makes as the class starts, can name its issuer.
 */
public final class SharedCognito implements BeforeAllCallback {

    private static final Namespace NAMESPACE = Namespace.create(SharedCognito.class);

    /** For the static {@code @Deployment} methods, which cannot be handed an extension context. */
    private static volatile LocalCognito current;

    private record Running(LocalCognito cognito) implements AutoCloseable {
        @Override
        public void close() {
            cognito.stop();
        }
    }

    /**
     * Each class starts with the pool on its usual issuer configuration, whatever the class before it did and
     * however it ended (a class's own after-all is skipped when its deployment fails).
     */
    @Override
    public void beforeAll(ExtensionContext context) {
        current = context.getRoot().getStore(NAMESPACE)
                .getOrComputeIfAbsent(Running.class, key -> start(), Running.class).cognito();
        current.issuing(IssuerConfiguration.original(current.pool().userPoolId()));
    }

    /** The run's local Cognito (the demo pool, on a free port). */
    public static LocalCognito cognito() {
        LocalCognito cognito = current;
        if (cognito == null) {
            throw new IllegalStateException("the test class needs @PayaraMicroTest (SharedCognito before Arquillian)");
        }
        return cognito;
    }

    private static Running start() {
        LocalTls.make(); // the trust store every Payara of the run is given (arquillian.xml)
        try {
            return new Running(LocalCognito.demo().start());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
