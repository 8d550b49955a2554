package dev.payaracognito.testing;

import dev.payaracognito.cognito.CognitoSettings;
import java.lang.reflect.Field;
import java.lang.reflect.Method;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.eclipse.microprofile.config.Config;
import org.eclipse.microprofile.config.ConfigValue;
import org.eclipse.microprofile.config.spi.ConfigSource;
import org.eclipse.microprofile.config.spi.Converter;

/** The app's settings read from a map, as Payara's MicroProfile Config would give them, for a test without a server. */
public final class MapSettings {

    private MapSettings() {}

    /** The settings {@code values}, those named {@code fromTheGrid} set in Payara's "Cluster" configuration source. */
    public static CognitoSettings of(Map<String, String> values, Set<String> fromTheGrid) {
        try {
            CognitoSettings settings = new CognitoSettings();
            Field config = CognitoSettings.class.getDeclaredField("config");
            config.setAccessible(true);
            config.set(settings, new MapConfig(values, fromTheGrid));
            Method read = CognitoSettings.class.getDeclaredMethod("read");
            read.setAccessible(true);
            read.invoke(settings);
            return settings;
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException("CognitoSettings is no longer read as this helper expects", e);
        }
    }

    /**
     * MicroProfile Config over a map, converting as Payara's does for the types the settings use (a value that
     * cannot be converted is an IllegalArgumentException).
     */
    private record MapConfig(Map<String, String> values, Set<String> fromTheGrid) implements Config {

        @Override
        public <T> Optional<T> getOptionalValue(String name, Class<T> type) {
            String value = values.get(name);
            if (value == null) {
                return Optional.empty();
            }
            try {
                return Optional.of(type.cast(convert(value, type)));
            } catch (RuntimeException unconvertible) {
                throw new IllegalArgumentException(name + ": " + unconvertible.getMessage(), unconvertible);
            }
        }

        private static Object convert(String value, Class<?> type) {
            if (type == String.class) {
                return value;
            }
            if (type == String[].class) {
                return value.split(",");
            }
            if (type == Duration.class) {
                return Duration.parse(value);
            }
            if (type == Integer.class) {
                return Integer.valueOf(value);
            }
            if (type == Boolean.class) {
                return Boolean.valueOf(value);
            }
            throw new IllegalArgumentException("no converter for " + type);
        }

        @Override
        public <T> T getValue(String name, Class<T> type) {
            return getOptionalValue(name, type).orElseThrow();
        }

        @Override
        public ConfigValue getConfigValue(String name) {
            String source = values.containsKey(name) ? fromTheGrid.contains(name) ? "Cluster" : "Environment" : null;
            return new ConfigValue() {
                @Override
                public String getName() {
                    return name;
                }

                @Override
                public String getValue() {
                    return values.get(name);
                }

                @Override
                public String getRawValue() {
                    return values.get(name);
                }

                @Override
                public String getSourceName() {
                    return source;
                }

                @Override
                public int getSourceOrdinal() {
                    return 0;
                }
            };
        }

        @Override
        public Iterable<String> getPropertyNames() {
            return values.keySet();
        }

        @Override
        public Iterable<ConfigSource> getConfigSources() {
            return List.of();
        }

        @Override
        public <T> Optional<Converter<T>> getConverter(Class<T> type) {
            return Optional.empty();
        }

        @Override
        public <T> T unwrap(Class<T> type) {
            throw new UnsupportedOperationException();
        }
    }
}
