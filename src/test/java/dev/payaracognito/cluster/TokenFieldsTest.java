package dev.payaracognito.cluster;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Base64;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** A token kept as its segments' bytes reads back as exactly the text it was; anything else is kept as text. */
class TokenFieldsTest {

    /** The shape of Cognito's tokens: a JWS (header, claims, an RS256 signature) and a JWE of five segments. */
    private static final String JWS = segment("{\"kid\":\"k1\",\"alg\":\"RS256\"}") + "."
            + segment("{\"sub\":\"alice\",\"token_use\":\"access\",\"exp\":1796610556}") + "." + random(256);
    private static final String JWE = segment("{\"cty\":\"JWT\",\"enc\":\"A256GCM\",\"alg\":\"RSA-OAEP\"}") + "."
            + random(256) + "." + random(12) + "." + random(1200) + "." + random(16);

    @ParameterizedTest
    @ValueSource(strings = {"", "opaque-token", "QQ", "QQ.QQ.QQ.QQ.QQ.QQ", "eyJ=.eyJ.sig", "QQ==.QQ", "QR.QQ", "QQ.Q",
        "a..b", "é.e", "Q\u0141.QQ", "QQ+/.QQ"})
    void aTokenOfAnyOtherShapeIsKeptAsItsText(String token) throws IOException {
        byte[] bytes = TokenFields.bytes(token);
        assertEquals(0, bytes[0], "not kept as text");
        assertEquals(token, TokenFields.token(bytes));
    }

    @Test
    void aCompactTokenReadsBackExactlyAndSmaller() throws IOException {
        for (String token : new String[] {JWS, JWE, "QQ..QUI", ".QQ.QQ", JWS.substring(0, JWS.lastIndexOf('.') + 1)}) {
            byte[] bytes = TokenFields.bytes(token);
            assertEquals(1, bytes[0], "not kept as bytes");
            assertEquals(token, TokenFields.token(bytes));
        }
        assertTrue(TokenFields.bytes(JWS).length < JWS.length() * 0.8, "a JWS is not kept as its bytes");
        assertTrue(TokenFields.bytes(JWE).length < JWE.length() * 0.8, "a JWE is not kept as its bytes");
    }

    @Test
    void aSegmentWhoseBytesWouldGiveAnotherTextIsKeptAsText() throws IOException {
        // "QR" decodes to the byte "QQ" encodes: stray bits in the last character; as bytes it would come back as "QQ"
        String stray = JWS.substring(0, JWS.lastIndexOf('.')) + ".QR";
        assertEquals(stray, TokenFields.token(TokenFields.bytes(stray)));
        assertTrue(TokenFields.bytes(stray).length > stray.length(), "kept as bytes");
    }

    @Test
    void bytesThatAreNotOneTokenAreRefused() {
        byte[] bytes = TokenFields.bytes(JWS);
        assertThrows(IOException.class, () -> TokenFields.token(Arrays.copyOf(bytes, bytes.length - 1)));
        assertThrows(IOException.class, () -> TokenFields.token(Arrays.copyOf(bytes, bytes.length + 1)));
        assertThrows(IOException.class, () -> TokenFields.token(new byte[] {7}));
        assertThrows(IOException.class, () -> TokenFields.token(new byte[] {1, 1, 0, 0, 0, 0})); // one segment
        assertThrows(IOException.class, () -> TokenFields.token(new byte[] {1, 6, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0,
            0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0})); // six empty segments
        assertThrows(IOException.class, () -> TokenFields.token(new byte[] {1, 2, 0x7f, 0, 0, 0}));
        assertThrows(IOException.class, () -> TokenFields.token(TokenFields.bytes(null)));
        assertThrows(IOException.class, () -> TokenFields.token("eyJhbGciOiJSUzI1NiJ9".getBytes(StandardCharsets.UTF_8)));
    }

    private static String segment(String json) {
        return Base64.getUrlEncoder().withoutPadding().encodeToString(json.getBytes(StandardCharsets.UTF_8));
    }

    private static String random(int length) {
        byte[] bytes = new byte[length];
        new Random(length).nextBytes(bytes);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }
}
