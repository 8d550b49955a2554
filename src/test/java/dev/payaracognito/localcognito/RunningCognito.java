package dev.payaracognito.localcognito;

import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * A demo-pool local Cognito for a JUnit 5 test, on a free port: registered on a static field it lives for the
 * test class, on an instance field for each test.
 */
public final class RunningCognito implements BeforeAllCallback, BeforeEachCallback, AfterEachCallback,
        AfterAllCallback {

    private LocalCognito cognito;
    private HostedUiClient client;
    private boolean perClass;

    public LocalCognito cognito() {
        return cognito;
    }

    /** A browser-less client of the hosted UI, with its own cookies. */
    public HostedUiClient client() {
        return client;
    }

    @Override
    public void beforeAll(ExtensionContext context) throws Exception {
        perClass = true;
        start();
    }

    @Override
    public void beforeEach(ExtensionContext context) throws Exception {
        if (!perClass) {
            start();
        }
    }

    @Override
    public void afterEach(ExtensionContext context) {
        if (!perClass) {
            cognito.stop();
        }
    }

    @Override
    public void afterAll(ExtensionContext context) {
        cognito.stop();
    }

    private void start() throws Exception {
        cognito = LocalCognito.demo().start();
        client = new HostedUiClient(cognito);
    }
}
