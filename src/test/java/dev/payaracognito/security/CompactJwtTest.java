package dev.payaracognito.security;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.payaracognito.security.TokenRejected.Reason;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
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

    @Test
    void noticesKeysOfferedByTheToken() throws Exception {
        assertTrue(CompactJwt.parse(token("{\"alg\":\"RS256\",\"kid\":\"k\",\"jku\":\"https://x\"}", "{}"))
                .offersKeysOrExtensions());
        assertTrue(CompactJwt.parse(token("{\"alg\":\"RS256\",\"kid\":\"k\",\"crit\":[\"b64\"]}", "{}"))
                .offersKeysOrExtensions());
    }

    private interface ThrowingRead {
        Object read() throws TokenRejected;
    }

    private static String token(String header, String payload) {
        Base64.Encoder base64url = Base64.getUrlEncoder().withoutPadding();
        return base64url.encodeToString(header.getBytes(StandardCharsets.UTF_8)) + "."
                + base64url.encodeToString(payload.getBytes(StandardCharsets.UTF_8)) + ".c2lnbmF0dXJl";
    }
}
