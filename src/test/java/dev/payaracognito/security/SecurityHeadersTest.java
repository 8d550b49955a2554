package dev.payaracognito.security;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.servlet.http.HttpServletResponse;
import java.lang.reflect.Proxy;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

class SecurityHeadersTest {

    @Test
    void httpsAddsHstsAndPagesAreNotCached() {
        Map<String, String> headers = apply(true, false);
        assertEquals("max-age=31536000; includeSubDomains", headers.get("Strict-Transport-Security"));
        assertEquals("no-store", headers.get("Cache-Control"));
        assertEquals("nosniff", headers.get("X-Content-Type-Options"));
        assertEquals("no-referrer", headers.get("Referrer-Policy"));
        assertTrue(headers.get("Content-Security-Policy").contains("frame-ancestors 'none'"));
    }

    @Test
    void everyDirectiveOfThePolicyAndNoFraming() {
        Map<String, String> headers = apply(false, false);
        Map<String, String> directives = new HashMap<>();
        for (String directive : headers.get("Content-Security-Policy").split(";")) {
            String[] parts = directive.strip().split(" ", 2);
            assertNull(directives.put(parts[0], parts[1]), "a directive given twice: " + parts[0]);
        }
        assertEquals(Map.of("default-src", "'self'", "script-src", "'none'", "object-src", "'none'",
                "base-uri", "'none'", "frame-ancestors", "'none'"), directives);
        assertEquals("DENY", headers.get("X-Frame-Options"), "for browsers without frame-ancestors");
    }

    @Test
    void plainHttpHasNoHstsAndStaticFilesMayBeCached() {
        Map<String, String> headers = apply(false, true);
        assertFalse(headers.containsKey("Strict-Transport-Security"));
        assertFalse(headers.containsKey("Cache-Control"));
        assertTrue(headers.containsKey("Content-Security-Policy"));
    }

    private static Map<String, String> apply(boolean https, boolean cacheable) {
        Map<String, String> headers = new HashMap<>();
        HttpServletResponse response = (HttpServletResponse) Proxy.newProxyInstance(
                SecurityHeadersTest.class.getClassLoader(), new Class<?>[] {HttpServletResponse.class},
                (proxy, method, args) -> {
                    if (method.getName().equals("setHeader")) {
                        headers.put((String) args[0], (String) args[1]);
                    }
                    return null;
                });
        SecurityHeaders.apply(response, https, cacheable);
        return headers;
    }
}
