package dev.payaracognito.cognito;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.payaracognito.telemetry.Tracing;
import jakarta.annotation.PreDestroy;
import java.lang.reflect.Field;
import java.lang.reflect.Method;
import java.net.http.HttpClient;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The beans that call Cognito over HTTP build their client when CDI makes the bean, not when Weld makes its client
 * proxy: the proxy is a subclass made with the no-argument constructor and kept for the app's life, so a client built
 * there (a field's initializer runs for it too) kept a selector thread of the JDK's HTTP client for nothing, and the
 * deployment, which makes the proxies, built the JDK's default TLS context on its way to ready. And they close it
 * when CDI destroys the bean.
 */
class CognitoHttpClientsTest {

    @Test
    void theProxiesConstructorsBuildNoHttpClient() throws ReflectiveOperationException {
        assertNull(httpClient(new CognitoDiscovery()));
        assertNull(httpClient(new CognitoRevocation()));
        assertNull(httpClient(new CognitoAdminApi()));
    }

    @Test
    void theBeansConstructorsBuildTheirs() throws ReflectiveOperationException {
        for (Object bean : beans()) {
            try (HttpClient client = httpClient(bean)) {
                assertNotNull(client, bean.getClass().getSimpleName());
            }
        }
    }

    /** Each client's selector thread ends with the app: CDI calls the bean's {@code @PreDestroy} at undeployment. */
    @Test
    void theBeansCloseTheirsWhenCdiDestroysThem() throws ReflectiveOperationException {
        for (Object bean : beans()) {
            String name = bean.getClass().getSimpleName();
            List<Method> destroys = Arrays.stream(bean.getClass().getDeclaredMethods())
                    .filter(method -> method.isAnnotationPresent(PreDestroy.class)).toList();
            assertEquals(1, destroys.size(), name + " has a @PreDestroy");
            destroys.get(0).setAccessible(true);
            destroys.get(0).invoke(bean);
            assertTrue(httpClient(bean).isTerminated(), name + "'s client is closed");
        }
    }

    /** Each bean as CDI makes it, with the constructor that builds its client. */
    private static List<Object> beans() {
        return List.of(new CognitoDiscovery(Tracing.off()), new CognitoRevocation(null, null, Tracing.off()),
                new CognitoAdminApi(Tracing.off()));
    }

    private static HttpClient httpClient(Object bean) throws ReflectiveOperationException {
        List<Field> clients = Arrays.stream(bean.getClass().getDeclaredFields())
                .filter(field -> field.getType() == HttpClient.class).toList();
        assertEquals(1, clients.size(), bean.getClass().getSimpleName() + " keeps one HTTP client");
        Field client = clients.get(0);
        client.setAccessible(true);
        return (HttpClient) client.get(bean);
    }
}
