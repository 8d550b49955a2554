package dev.payaracognito.web;

import jakarta.faces.context.FacesContext;
import jakarta.faces.context.Flash;
import jakarta.faces.context.FlashFactory;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.logging.Logger;

/**
 * The Faces flash, off. The pages do not use it (their confirmations travel in the address), and Mojarra's, in a
 * distributable application, puts its map and a helper into the session on every request: a
 * {@code ConcurrentHashMap} in its old serialized form, with sixteen lock segments, which Payara then reads back from
 * the data grid after every request and writes after every page (docs/performance.md). Reading this flash finds
 * nothing; writing to it fails at once rather than lose the value at the next request.
 */
public final class FlashOff extends FlashFactory {

    private static final Logger LOG = Logger.getLogger(FlashOff.class.getName());
    private static final Flash NONE = new NoFlash();

    public FlashOff(FlashFactory wrapped) {
        super(wrapped);
    }

    @Override
    public Flash getFlash(boolean create) {
        return NONE;
    }

    private static final class NoFlash extends Flash {

        private static final String KEEP_MESSAGES_ASKED = FlashOff.class.getName() + ".keepMessagesAsked";

        private static UnsupportedOperationException off() {
            return new UnsupportedOperationException("The Faces flash is off in this app (" + FlashOff.class.getName()
                    + "): keep the value in the request, the view or the page's address instead");
        }

        @Override
        public boolean isKeepMessages() {
            return false;
        }

        /**
         * Mojarra asks this of every navigation from an {@code f:viewAction}, whether or not it redirects: refusing
         * would fail the page. The request's messages are not kept; if there are any when the phase ends, the log
         * says so ({@link #doPostPhaseActions}).
         */
        @Override
        public void setKeepMessages(boolean keep) {
            FacesContext context = keep ? FacesContext.getCurrentInstance() : null;
            if (context != null) {
                context.getAttributes().put(KEEP_MESSAGES_ASKED, Boolean.TRUE);
            }
        }

        @Override
        public boolean isRedirect() {
            return false;
        }

        /** Mojarra's navigation says so before a redirect; its own flash ignores it too. */
        @Override
        public void setRedirect(boolean redirect) {
        }

        @Override
        public void putNow(String key, Object value) {
            throw off();
        }

        /** Nothing is there to keep. */
        @Override
        public void keep(String key) {
        }

        @Override
        public void doPrePhaseActions(FacesContext context) {
        }

        @Override
        public void doPostPhaseActions(FacesContext context) {
            if (context != null && context.getAttributes().remove(KEEP_MESSAGES_ASKED) != null
                    && !context.getMessageList().isEmpty()) {
                LOG.warning(context.getMessageList().size() + " Faces message(s) not kept for the next request: the"
                        + " flash is off (" + FlashOff.class.getName() + ")");
            }
        }

        @Override
        public int size() {
            return 0;
        }

        @Override
        public boolean isEmpty() {
            return true;
        }

        @Override
        public boolean containsKey(Object key) {
            return false;
        }

        @Override
        public boolean containsValue(Object value) {
            return false;
        }

        @Override
        public Object get(Object key) {
            return null;
        }

        @Override
        public Object put(String key, Object value) {
            throw off();
        }

        @Override
        public Object remove(Object key) {
            return null;
        }

        @Override
        public void putAll(Map<? extends String, ?> values) {
            if (!values.isEmpty()) {
                throw off();
            }
        }

        @Override
        public void clear() {
        }

        @Override
        public Set<String> keySet() {
            return Set.of();
        }

        @Override
        public Collection<Object> values() {
            return List.of();
        }

        @Override
        public Set<Map.Entry<String, Object>> entrySet() {
            return Set.of();
        }
    }
}
