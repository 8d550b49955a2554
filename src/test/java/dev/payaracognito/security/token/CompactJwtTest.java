package dev.payaracognito.security.token;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.payaracognito.security.token.TokenRejected.Reason;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

class CompactJwtTest {

    private static final String HEADER = "{\"kid\":\"k1\",\"alg\":\"RS256\"}";

    @Test
    void readsCognitosHeaderAndClaimsWithTheirTypes() throws Exception {
        CompactJwt jwt = CompactJwt.parse(token(HEADER, "{\"iss\":\"i\",\"exp\":1795780000,\"aud\":\"c\","
                + "\"cognito:groups\":[\"a\",\"b\"],\"nested\":{\"x\":[1,{\"y\":2}]},\"version\":2}"));
        assertEquals("RS256", jwt.algorithm());
        assertEquals("k1", jwt.keyId());
        assertEquals("i", jwt.string("iss"));
        assertEquals(1795780000L, jwt.seconds("exp"));
        assertEquals(List.of("c"), jwt.strings("aud", true));
        assertEquals(List.of("a", "b"), jwt.strings("cognito:groups", false));
    }

    @ParameterizedTest
    @ValueSource(strings = {
        "{\"iss\":\"a\",\"iss\":\"b\"}",
        "{\"iss\":\"a\"} {}",
        "[\"iss\"]",
        "\"iss\"",
        "{\"iss\":\"a\"",
        "{\"exp\":1e400}",
        "{\"exp\":123456789012345678901234567890}",
        "not json"
    })
    void refusesPayloadsThatAreNotOneJsonObjectWithUniqueNames(String payload) {
        assertEquals(Reason.MALFORMED, assertThrows(TokenRejected.class,
                () -> CompactJwt.parse(token(HEADER, payload))).reason());
    }

    @Test
    void refusesClaimsOfTheWrongType() throws Exception {
        CompactJwt jwt = CompactJwt.parse(token(HEADER, "{\"iss\":7,\"exp\":\"soon\",\"iat\":1.5,"
                + "\"cognito:groups\":\"admins\",\"aud\":[\"c\",3]}"));
        for (ThrowingRead read : List.<ThrowingRead>of(() -> jwt.string("iss"), () -> jwt.seconds("exp"),
                () -> jwt.seconds("iat"), () -> jwt.strings("cognito:groups", false), () -> jwt.strings("aud", true))) {
            assertEquals(Reason.MALFORMED, assertThrows(TokenRejected.class, read::read).reason());
        }
    }

    @Test
    void refusesPaddingAndWrongShapes() {
        String good = token(HEADER, "{}");
        for (String bad : List.of(good + "=", good.replace('.', '='), "." + good, good + ".x", good.substring(0,
                good.lastIndexOf('.') + 1), "a..b", "x".repeat(20_000))) {
            assertEquals(Reason.MALFORMED, assertThrows(TokenRejected.class, () -> CompactJwt.parse(bad)).reason());
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"jwk", "jku", "x5u", "x5c", "x5t", "x5t#S256", "crit"})
    void noticesKeysOfferedByTheTokenAndCriticalExtensions(String name) throws Exception {
        assertTrue(CompactJwt.parse(token("{\"alg\":\"RS256\",\"kid\":\"k\",\"" + name + "\":[\"x\"]}", "{}"))
                .offersKeysOrExtensions(), name);
    }

    @ParameterizedTest
    @ValueSource(strings = {"{\"alg\":\"RS256\",\"kid\":\"k\"}", "{\"alg\":\"RS256\",\"kid\":\"k\",\"typ\":\"JWT\"}",
        "{\"alg\":\"RS256\"}", "{\"alg\":\"RS256\",\"kid\":\"k\",\"JKU\":\"x\",\"x5\":1}"})
    void aHeaderWithoutThemOffersNothing(String header) throws Exception {
        assertFalse(CompactJwt.parse(token(header, "{}")).offersKeysOrExtensions(), header);
    }

    /** What an outside review sent: each escaped the reader as an unchecked exception (an HTTP 500). */
    static Stream<String> hostileJson() {
        return Stream.of(
                "{\"kid\":" + "9".repeat(1_100) + ",\"alg\":\"RS256\"}",
                "{\"kid\":0." + "9".repeat(1_100) + "}",
                "{\"kid\":1e" + "9".repeat(12) + "}",
                "{\"kid\":" + "[".repeat(1_000) + "]".repeat(1_000) + "}",
                "{\"kid\":" + "[".repeat(100_000) + "}",
                "{\"kid\":" + "{\"a\":".repeat(1_000) + "1" + "}".repeat(1_000) + "}",
                "{\"kid\":\"\\u12\"}",
                "{\"kid\":-}",
                "{\"kid\":0x10}",
                "");
    }

    @ParameterizedTest
    @MethodSource("hostileJson")
    void hostileJsonInTheHeaderIsAMalformedTokenNothingElse(String header) {
        assertEquals(Reason.MALFORMED, assertThrows(TokenRejected.class,
                () -> CompactJwt.parse(token(header, "{}"))).reason());
    }

    /**
     * Parsson 1.1.7 (the JSON-P in Payara 7) loops forever in {@code skipObject()} on a nested object cut short: a
     * header of 15 characters held a request thread at full CPU for good. The reader walks nested values itself.
     */
    @Test
    void aNestedObjectCutShortIsRefusedNotSkippedForever() {
        for (String header : List.of("{\"kid\":{\"a\":1", "{\"alg\":\"RS256\",\"kid\":{\"a\":{\"b\":",
                "{\"kid\":[{\"a\":1]")) {
            assertEquals(Reason.MALFORMED, assertTimeoutPreemptively(Duration.ofSeconds(10), () -> assertThrows(
                    TokenRejected.class, () -> CompactJwt.parse(token(header, "{}")))).reason(), header);
        }
    }

    @Test
    void malformedUtf8IsMalformedNotReplaced() {
        // a lone lead byte, a byte UTF-8 never uses, an encoded surrogate, an overlong '/'
        for (byte[] bad : List.of(new byte[] {(byte) 0xc3}, new byte[] {(byte) 0xff},
                new byte[] {(byte) 0xed, (byte) 0xa0, (byte) 0x80}, new byte[] {(byte) 0xc0, (byte) 0xaf})) {
            ByteArrayOutputStream header = new ByteArrayOutputStream();
            header.writeBytes("{\"alg\":\"RS256\",\"kid\":\"k".getBytes(StandardCharsets.US_ASCII));
            header.writeBytes(bad);
            header.writeBytes("\"}".getBytes(StandardCharsets.US_ASCII));
            String token = BASE64URL.encodeToString(header.toByteArray()) + ".e30.c2ln";
            assertEquals(Reason.MALFORMED, assertThrows(TokenRejected.class, () -> CompactJwt.parse(token)).reason());
        }
    }

    @Test
    void wellFormedUtf8IsRead() throws Exception {
        assertEquals("kéy東", CompactJwt.parse(token("{\"alg\":\"RS256\",\"kid\":\"kéy東\"}", "{}")).keyId());
    }

    @Test
    void aRefusalNeverRepeatsTheSendersText() {
        String name = "<script>" + "\u00e9".repeat(2_000);
        TokenRejected refused = assertThrows(TokenRejected.class, () -> CompactJwt.parse(token(
                "{\"" + name + "\":1,\"" + name + "\":2}", "{}")));
        assertEquals(Reason.MALFORMED, refused.reason());
        assertFalse(refused.getMessage().contains("script"), refused.getMessage());
        assertTrue(refused.getMessage().length() < 100, refused.getMessage());
    }

    private interface ThrowingRead {
        Object read() throws TokenRejected;
    }

    private static final Base64.Encoder BASE64URL = Base64.getUrlEncoder().withoutPadding();

    private static String token(String header, String payload) {
        return BASE64URL.encodeToString(header.getBytes(StandardCharsets.UTF_8)) + "."
                + BASE64URL.encodeToString(payload.getBytes(StandardCharsets.UTF_8)) + ".c2lnbmF0dXJl";
    }
}
