package dev.payaracognito.audit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.Collections;
import java.util.List;
import org.junit.jupiter.api.Test;

class ClientAddressTest {

    private static final ClientAddress BEHIND_NGINX = ClientAddress.trusting("172.29.0.0/24, 10.0.0.7, fd00::/8");

    @Test
    void xForwardedForIsBelievedFromATrustedProxyOnly() {
        assertEquals("203.0.113.9", of(BEHIND_NGINX, "172.29.0.4", "203.0.113.9"));
        assertEquals("198.51.100.1", of(BEHIND_NGINX, "198.51.100.1", "203.0.113.9"), "not from a proxy");
        assertEquals("198.51.100.1", of(ClientAddress.DIRECT, "198.51.100.1", "203.0.113.9"), "no proxy trusted");
        assertEquals("172.29.0.4", of(BEHIND_NGINX, "172.29.0.4"), "a proxy that says nothing");
    }

    @Test
    void theClientIsTheFirstUntrustedHopFromTheRight() {
        // the client sent its own X-Forwarded-For; each trusted proxy appended what it saw
        assertEquals("203.0.113.9", of(BEHIND_NGINX, "172.29.0.4", "1.2.3.4, 203.0.113.9, 10.0.0.7"));
        assertEquals("203.0.113.9", of(BEHIND_NGINX, "172.29.0.4", "1.2.3.4", "203.0.113.9"), "header lines too");
        assertEquals("2001:db8::1", of(BEHIND_NGINX, "fd00::2", "2001:db8::1"));
    }

    @Test
    void onlyAnAddressIsTakenFromTheHeader() {
        for (String text : List.of("<script>", "evil.example.com", "cafe", "unknown", "", "1.2.3.4.5", "999.1.1.1")) {
            assertEquals("172.29.0.4", of(BEHIND_NGINX, "172.29.0.4", text), text);
        }
    }

    @Test
    void aSettingThatIsNotAddressesIsRefused() {
        for (String wrong : List.of("proxy.example.com", "10.0.0.0/33", "10.0.0.0/x", "fd00::/129")) {
            assertThrows(IllegalArgumentException.class, () -> ClientAddress.trusting(wrong), wrong);
        }
    }

    private static String of(ClientAddress addresses, String remote, String... forwarded) {
        return addresses.of(remote, Collections.enumeration(List.of(forwarded)));
    }
}
