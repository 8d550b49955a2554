package dev.payaracognito.sessions;

import dev.payaracognito.cluster.DataGrid;
import dev.payaracognito.cognito.CognitoSettings;
import dev.payaracognito.testing.MapSettings;
import java.lang.reflect.Field;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.Map;
import java.util.Set;

/**
 * This package's beans as a node without a data grid runs them (its memory holds their entries as the grid would),
 * with a session key of their own: what CDI injects into them set by hand.
 */
final class WithoutAGrid {

    private WithoutAGrid() {}

    /** {@code bean} given a grid that is none and settings with a fresh session key; the settings. */
    static CognitoSettings inject(Object bean) throws ReflectiveOperationException {
        byte[] key = new byte[32];
        new SecureRandom().nextBytes(key);
        CognitoSettings settings = MapSettings.of(Map.of("cognito.region", "eu-west-1", "cognito.user-pool-id",
                "eu-west-1_AbC123xyz", "cognito.client-id", "client1", "cognito.client-secret", "secret",
                "app.session.key", "k1:" + Base64.getEncoder().encodeToString(key)), Set.of());
        field(bean, "grid").set(bean, new DataGrid());
        field(bean, "settings").set(bean, settings);
        return settings;
    }

    /** What {@code bean}'s field {@code name} holds. */
    static Object fieldOf(Object bean, String name) throws ReflectiveOperationException {
        return field(bean, name).get(bean);
    }

    private static Field field(Object bean, String name) throws NoSuchFieldException {
        Field field = bean.getClass().getDeclaredField(name);
        field.setAccessible(true);
        return field;
    }
}
