package dev.payaracognito.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.payaracognito.testing.CapturedLog;
import jakarta.faces.application.FacesMessage;
import jakarta.faces.context.FacesContextWrapper;
import jakarta.faces.context.Flash;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

class FlashOffTest {

    @RegisterExtension
    final CapturedLog log = new CapturedLog(FlashOff.class);

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
        try (RequestContext request = new RequestContext()) {
            flash.setKeepMessages(true);
            assertFalse(flash.isKeepMessages());
            request.getMessageList().add(new FacesMessage("2 sessions ended"));
            flash.doPostPhaseActions(request);
            flash.doPostPhaseActions(request); // said once per request
        }
        assertEquals(1, log.warnings().size(), "one warning: " + log.warnings());
        assertTrue(log.warnings().get(0).startsWith("1 Faces message(s) not kept"), log.warnings().get(0));
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
