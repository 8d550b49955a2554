package dev.payaracognito.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.faces.context.Flash;
import java.util.Map;
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
        assertThrows(UnsupportedOperationException.class, () -> flash.setKeepMessages(true));
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
}
