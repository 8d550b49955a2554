package dev.payaracognito.audit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

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

    @Test
    void aFailureIsDescribedByItsClassesNeverByTheTextItCarries() {
        RuntimeException failure = new IllegalStateException("token eyJhbGciOi.secret <script>",
                new java.io.UncheckedIOException(new java.net.ConnectException("Connection refused: eyJ")));
        assertEquals("IllegalStateException < UncheckedIOException < ConnectException", AuditLog.describe(failure));
    }

    @Test
    void aLongPathIsCutShort() {
        AuditLog.refusal(request("/" + "a".repeat(5_000)), "api:MALFORMED", "not three non-empty parts");
        String path = json(lines.get(0)).getString("path");
        assertTrue(path.length() <= 201, "length " + path.length());
        assertTrue(path.startsWith("/aaa"));
    }

    private static JsonObject json(LogRecord record) {
        return Json.createReader(new StringReader(record.getMessage())).readObject();
    }

    private static HttpServletRequest request() {
        return request("/callback");
    }

    private static HttpServletRequest request(String path) {
        return (HttpServletRequest) Proxy.newProxyInstance(AuditLogTest.class.getClassLoader(),
                new Class<?>[] {HttpServletRequest.class}, (proxy, method, args) -> switch (method.getName()) {
                    case "getRemoteAddr" -> "192.0.2.7";
                    case "getRequestURI" -> path;
                    default -> null;
                });
    }
}
