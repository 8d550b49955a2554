package dev.payaracognito.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.faces.application.FacesMessage;
import jakarta.faces.context.FacesContext;
import jakarta.faces.context.FacesContextWrapper;
import jakarta.faces.context.Flash;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.logging.Handler;
import java.util.logging.Level;
import java.util.logging.LogRecord;
import java.util.logging.Logger;
import org.junit.jupiter.api.Test;

class FlashOffTest {

    private final Flash flash = new FlashOff(null).getFlash(true);

    @Test
    void readingFindsNothing() {
        assertTrue(flash.isEmpty());
        assertEquals(0, flash.size());
        assertNull(flash.get("confirmation"));
        assertFalse(flash.containsKey("confirmation"));
        assertTrue(flash.entrySet().isEmpty());
        assertFalse(flash.isKeepMessages());
    }

    @Test
    void writingFailsAtOnceAndSaysWhy() {
        UnsupportedOperationException put = assertThrows(UnsupportedOperationException.class,
                () -> flash.put("confirmation", "2 sessions ended"));
        assertTrue(put.getMessage().contains("flash is off"), put.getMessage());
        assertThrows(UnsupportedOperationException.class, () -> flash.putNow("confirmation", "ended"));
        assertThrows(UnsupportedOperationException.class, () -> flash.putAll(Map.of("confirmation", "ended")));
        assertTrue(flash.isEmpty(), "nothing was kept");
    }

    @Test
    void whatFacesDoesOnEveryRequestAndRedirectIsAccepted() {
        flash.doPrePhaseActions(null);
        flash.doPostPhaseActions(null);
        flash.setRedirect(true);
        flash.keep("confirmation");
        flash.putAll(Map.of());
        flash.setKeepMessages(false);
        flash.clear();
        assertFalse(flash.isRedirect());
        assertTrue(flash.isEmpty());
    }

    @Test
    void keepingMessagesIsAcceptedAndMessagesNotKeptAreLogged() {
        // Mojarra asks this of every navigation from an f:viewAction: the page must not fail
        List<LogRecord> logged = new ArrayList<>();
        Logger log = Logger.getLogger(FlashOff.class.getName());
        Handler handler = new Handler() {
            @Override
            public void publish(LogRecord entry) {
                logged.add(entry);
            }

            @Override
            public void flush() {
            }

            @Override
            public void close() {
            }
        };
        log.addHandler(handler);
        try (RequestContext request = new RequestContext()) {
            flash.setKeepMessages(true);
            assertFalse(flash.isKeepMessages());
            request.getMessageList().add(new FacesMessage("2 sessions ended"));
            flash.doPostPhaseActions(request);
            flash.doPostPhaseActions(request); // said once per request
        } finally {
            log.removeHandler(handler);
        }
        assertEquals(1, logged.size(), "one warning");
        assertEquals(Level.WARNING, logged.get(0).getLevel());
        assertTrue(logged.get(0).getMessage().startsWith("1 Faces message(s) not kept"), logged.get(0).getMessage());
    }

    /** The request's Faces context, as far as the flash reads it: its attributes and its messages. */
    private static final class RequestContext extends FacesContextWrapper implements AutoCloseable {

        private final Map<Object, Object> attributes = new HashMap<>();
        private final List<FacesMessage> messages = new ArrayList<>();

        RequestContext() {
            super(null);
            setCurrentInstance(this);
        }

        @Override
        public Map<Object, Object> getAttributes() {
            return attributes;
        }

        @Override
        public List<FacesMessage> getMessageList() {
            return messages;
        }

        @Override
        public void close() {
            setCurrentInstance(null);
        }
    }
}
