package dev.payaracognito.security;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.servlet.http.HttpServletRequest;
import java.io.StringReader;
import java.lang.reflect.Proxy;
import java.util.ArrayList;
import java.util.List;
import java.util.logging.Handler;
import java.util.logging.LogRecord;
import java.util.logging.Logger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class AuditLogTest {

    private final List<LogRecord> lines = new ArrayList<>();
    private final Handler capture = new Handler() {
        @Override
        public void publish(LogRecord record) {
            lines.add(record);
        }

        @Override
        public void flush() {}

        @Override
        public void close() {}
    };

    @BeforeEach
    void listen() {
        Logger.getLogger("audit").addHandler(capture);
    }

    @AfterEach
    void stopListening() {
        Logger.getLogger("audit").removeHandler(capture);
    }

    @Test
    void oneJsonLinePerEventWithWhoWhenWhereAndWhy() {
        AuditLog.signIn(request(), "alice");
        AuditLog.refusal(request(), "api:EXPIRED", "EXPIRED: expired");
        AuditLog.signOut(request(), "alice");

        assertEquals(3, lines.size());
        JsonObject signIn = json(lines.get(0));
        assertEquals("sign-in", signIn.getString("event"));
        assertEquals("alice", signIn.getString("user"));
        assertEquals("192.0.2.7", signIn.getString("ip"));
        assertEquals("/callback", signIn.getString("path"));
        JsonObject refusal = json(lines.get(1));
        assertEquals("refusal", refusal.getString("event"));
        assertEquals("api:EXPIRED", refusal.getString("reason"));
        assertFalse(refusal.containsKey("user"));
        assertEquals("sign-out", json(lines.get(2)).getString("event"));
    }

    @Test
    void valuesAreEscapedSoALineStaysOneLine() {
        AuditLog.signIn(request(), "mallory\"},{\"event\":\"sign-out\n");
        JsonObject line = json(lines.get(0));
        assertEquals("sign-in", line.getString("event"));
        assertFalse(lines.get(0).getMessage().contains("\n"));
    }

    private static JsonObject json(LogRecord record) {
        return Json.createReader(new StringReader(record.getMessage())).readObject();
    }

    private static HttpServletRequest request() {
        return (HttpServletRequest) Proxy.newProxyInstance(AuditLogTest.class.getClassLoader(),
                new Class<?>[] {HttpServletRequest.class}, (proxy, method, args) -> switch (method.getName()) {
                    case "getRemoteAddr" -> "192.0.2.7";
                    case "getRequestURI" -> "/callback";
                    default -> null;
                });
    }
}
