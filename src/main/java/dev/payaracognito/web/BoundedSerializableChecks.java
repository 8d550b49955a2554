package dev.payaracognito.web;

import jakarta.servlet.annotation.WebListener;
import jakarta.servlet.http.HttpSession;
import jakarta.servlet.http.HttpSessionEvent;
import jakarta.servlet.http.HttpSessionListener;
import java.lang.reflect.Field;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.logging.Logger;
import org.glassfish.jersey.internal.guava.Cache;

/**
 * Bounds what Payara remembers of each session between two writes of it to the data grid. Before it writes a session,
 * Payara checks that each attribute's value serializes, and remembers the values it checked, per session, "up to
 * 100" ({@code StandardSession.checkedSerializableObjects}, sized by the system property
 * {@code org.apache.catalina.session.StandardSession.identityCacheSize}). The cache it keeps them in, Jersey's
 * repackaged Guava (jersey-common 4.0.2.payara-p2 in Payara 7.2026.11), ignores its maximum size: it never evicts
 * anything (measured: 500 values put, 500 kept, whatever the size). Its keys are the values, by equality, and Mojarra
 * puts its map of the session's views back into the session after every page (the app is distributable): the same
 * map with new contents, so a new hash and a new entry. Every page left 48 bytes in its session for the session's
 * life, which a signed-in client asking for pages in a loop grows without end (one session asked for its profile
 * 2,683 times in 10 s held 2,684 more entries; docs/performance.md).
 *
 * <p>Each session this node makes, or loads from the grid (Payara says "created" for both), gets instead a cache that
 * keeps the {@value #CHECKED} values checked last. The values a session keeps (the sealed sign-in, Weld's and
 * Mojarra's helpers) stay in it, as they are checked at every write; what goes first is what no write has named for
 * longest: a replaced value, the views' map as it was some pages ago. Where Payara's fields are not found (another
 * Payara), the log says so once and sessions keep Payara's cache.
 */
@WebListener
public class BoundedSerializableChecks implements HttpSessionListener {

    private static final Logger LOG = Logger.getLogger(BoundedSerializableChecks.class.getName());
    /**
     * Room for the values a session of this app has checked after a sign-in (eleven, SignInCost's sessions) and a few
     * stale ones: a session holding more attributes than this would have each checked again at every write.
     */
    public static final int CHECKED = 16;
    private static final ClassValue<Optional<Field>> SESSION = fieldOf("session");
    private static final ClassValue<Optional<Field>> CHECKS = fieldOf("checkedSerializableObjects");
    private static final AtomicBoolean SAID = new AtomicBoolean();

    @Override
    public void sessionCreated(HttpSessionEvent event) {
        HttpSession facade = event.getSession();
        Optional<Field> session = SESSION.get(facade.getClass());
        try {
            Object standardSession = session.isPresent() ? session.get().get(facade) : null;
            Optional<Field> checks = standardSession == null ? Optional.empty() : CHECKS.get(standardSession.getClass());
            if (checks.isPresent() && checks.get().getType().isAssignableFrom(RecentChecks.class)) {
                checks.get().set(standardSession, new RecentChecks());
                return;
            }
        } catch (IllegalAccessException | RuntimeException notThere) {
            // said below
        }
        if (SAID.compareAndSet(false, true)) {
            LOG.warning("Payara's cache of a session's checked attribute values (StandardSession's"
                    + " checkedSerializableObjects) was not found in " + facade.getClass().getName()
                    + ": sessions keep it as Payara makes it, which may grow with every page (docs/performance.md)");
        }
    }

    /** The field {@code name} that a class declares or inherits, made accessible; none if it has no such field. */
    private static ClassValue<Optional<Field>> fieldOf(String name) {
        return new ClassValue<>() {
            @Override
            protected Optional<Field> computeValue(Class<?> type) {
                for (Class<?> declaring = type; declaring != null; declaring = declaring.getSuperclass()) {
                    try {
                        Field field = declaring.getDeclaredField(name);
                        field.setAccessible(true);
                        return Optional.of(field);
                    } catch (NoSuchFieldException notHere) {
                        // its superclass's, then
                    } catch (RuntimeException inaccessible) {
                        return Optional.empty();
                    }
                }
                return Optional.empty();
            }
        };
    }

    /**
     * The values checked last, by equality as Payara's own cache, the least recently used evicted first. Payara asks
     * and tells it from the thread that writes the session, and two requests of one session may write it at once.
     */
    static final class RecentChecks implements Cache<Object, Boolean> {

        private final Map<Checked, Boolean> checked = new LinkedHashMap<>(CHECKED, 0.75f, true) {
            @Override
            protected boolean removeEldestEntry(Map.Entry<Checked, Boolean> eldest) {
                return size() > CHECKED;
            }
        };

        @Override
        public synchronized Boolean getIfPresent(Object value) {
            return checked.get(new Checked(value));
        }

        @Override
        public synchronized void put(Object value, Boolean serializable) {
            checked.put(new Checked(value), serializable);
        }

        synchronized int size() {
            return checked.size();
        }
    }

    /**
     * A value as it was when checked: its hash is kept, as Guava keeps an entry's. Mojarra's map of views changes
     * its contents, so its hash, after it was put; a map of the values themselves could then neither find that
     * entry nor remove it (a LinkedHashMap evicts its eldest entry by its key's hash of now), and it would grow again.
     */
    record Checked(Object value, int hash) {

        Checked(Object value) {
            this(value, value.hashCode());
        }

        @Override
        public boolean equals(Object other) {
            return other instanceof Checked that && hash == that.hash && value.equals(that.value);
        }

        @Override
        public int hashCode() {
            return hash;
        }
    }
}
