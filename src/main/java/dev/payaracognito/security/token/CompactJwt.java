package dev.payaracognito.security.token;

import dev.payaracognito.security.token.TokenRejected.Reason;
import jakarta.json.Json;
import jakarta.json.stream.JsonParser.Event;
import jakarta.json.stream.JsonParser;
import jakarta.json.stream.JsonParserFactory;
import java.io.StringReader;
import java.math.BigDecimal;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.Signature;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * A JWS in compact form ({@code header.payload.signature}), read strictly and cheaply: exactly three
 * base64url parts without padding, a JSON object in each of the first two, no duplicate names. Reading it
 * costs a fraction of the RSA check, which matters because every API call that misses the cache pays both.
 * Claims keep their JSON types: strings, {@code Long} (integral numbers), {@code BigDecimal}, {@code Boolean},
 * lists; nested objects are kept only as {@link #NESTED}. Whatever the input, reading ends in a value or a
 * {@link TokenRejected} ({@code MALFORMED}): never another exception, and never text of the token in the reason.
 * One class of some 240 lines on purpose: the reader is one parse path with its bounds (depth, number length, UTF-8,
 * duplicate names) side by side, read and reviewed top to bottom; split, the bounds would be spread over files.
 */
final class CompactJwt {

    /** Stands for a JSON object value; Cognito's claims of interest are never objects. */
    static final Object NESTED = new Object();

    /** Cognito's tokens are 1-2 KB; anything much larger is not one of them. */
    private static final int MAX_LENGTH = 16 * 1024;
    /** Header parameters through which a token offers its own key, or demands extensions we do not know. */
    private static final Set<String> REFUSED_HEADERS = Set.of("jku", "jwk", "x5u", "x5c", "x5t", "x5t#S256", "crit");
    /** Cognito's claims are flat; an array in an array is already more than any of its tokens holds. */
    private static final int MAX_DEPTH = 8;
    /** Cognito's numbers are NumericDates and small integers; a number of more digits is not one of them. */
    private static final int MAX_NUMBER_LENGTH = 40;
    private static final JsonParserFactory JSON = Json.createParserFactory(Map.of());
    private static final Base64.Decoder BASE64URL = Base64.getUrlDecoder();

    private final Map<String, Object> header;
    private final Map<String, Object> claims;
    private final byte[] ascii;
    private final int signedLength;
    private final byte[] signature;

    private CompactJwt(Map<String, Object> header, Map<String, Object> claims, byte[] ascii, int signedLength,
            byte[] signature) {
        this.header = header;
        this.claims = claims;
        this.ascii = ascii;
        this.signedLength = signedLength;
        this.signature = signature;
    }

    static CompactJwt parse(String token) throws TokenRejected {
        if (token == null || token.length() > MAX_LENGTH || token.indexOf('=') >= 0) {
            throw new TokenRejected(Reason.MALFORMED, "not a compact JWS of a sensible size");
        }
        int first = token.indexOf('.');
        int second = first < 0 ? -1 : token.indexOf('.', first + 1);
        if (first < 1 || second < first + 2 || second == token.length() - 1 || token.indexOf('.', second + 1) >= 0) {
            throw new TokenRejected(Reason.MALFORMED, "not three non-empty parts");
        }
        try {
            Map<String, Object> header = object(BASE64URL.decode(token.substring(0, first)));
            Map<String, Object> claims = object(BASE64URL.decode(token.substring(first + 1, second)));
            byte[] signature = BASE64URL.decode(token.substring(second + 1));
            return new CompactJwt(header, claims, token.getBytes(StandardCharsets.US_ASCII), second, signature);
        } catch (IllegalArgumentException e) {
            throw new TokenRejected(Reason.MALFORMED, "a part is not base64url");
        }
    }

    String algorithm() throws TokenRejected {
        return string(header, "alg");
    }

    String keyId() throws TokenRejected {
        return string(header, "kid");
    }

    boolean offersKeysOrExtensions() {
        for (String name : REFUSED_HEADERS) {
            if (header.containsKey(name)) {
                return true;
            }
        }
        return false;
    }

    /** Whether the signature is {@code rsa}'s (initialised for verification) over {@code header.payload}. */
    boolean signedWith(Signature rsa) throws GeneralSecurityException {
        rsa.update(ascii, 0, signedLength);
        return rsa.verify(signature);
    }

    String string(String claim) throws TokenRejected {
        return string(claims, claim);
    }

    /** A NumericDate claim, in seconds. */
    Long seconds(String claim) throws TokenRejected {
        Object value = claims.get(claim);
        if (value == null || value instanceof Long) {
            return (Long) value;
        }
        throw new TokenRejected(Reason.MALFORMED, claim + " is not a whole number");
    }

    /** A list of strings; a single string is a list of one (as {@code aud} may be). */
    List<String> strings(String claim, boolean singleAllowed) throws TokenRejected {
        Object value = claims.get(claim);
        if (value == null) {
            return null;
        }
        if (value instanceof String single && singleAllowed) {
            return List.of(single);
        }
        if (value instanceof List<?> list && list.stream().allMatch(String.class::isInstance)) {
            return list.stream().map(String.class::cast).toList();
        }
        throw new TokenRejected(Reason.MALFORMED, claim + " is not a list of strings");
    }

    private static String string(Map<String, Object> object, String name) throws TokenRejected {
        Object value = object.get(name);
        if (value == null || value instanceof String) {
            return (String) value;
        }
        throw new TokenRejected(Reason.MALFORMED, name + " is not a string");
    }

    private static Map<String, Object> object(byte[] json) throws TokenRejected {
        try (JsonParser parser = JSON.createParser(new StringReader(utf8(json)))) {
            if (parser.next() != Event.START_OBJECT) {
                throw new TokenRejected(Reason.MALFORMED, "not a JSON object");
            }
            Map<String, Object> object = new HashMap<>(32);
            for (Event event = parser.next(); event != Event.END_OBJECT; event = parser.next()) {
                String name = parser.getString();
                // Two parsers may read a duplicated name differently: refuse instead of choosing. The name itself
                // is the sender's text, so it is not repeated in the reason.
                if (object.containsKey(name)) {
                    throw new TokenRejected(Reason.MALFORMED, "a member name appears twice");
                }
                object.put(name, value(parser, parser.next(), 1));
            }
            if (parser.hasNext()) {
                throw new TokenRejected(Reason.MALFORMED, "content after the JSON object");
            }
            return object;
        } catch (RuntimeException e) {
            // Whatever the parser throws on hostile input (its own limits on numbers and nesting included) is a
            // malformed token, not a server error.
            throw new TokenRejected(Reason.MALFORMED, "not valid JSON (" + e.getClass().getSimpleName() + ")");
        }
    }

    /**
     * Strict UTF-8: malformed bytes make a malformed token, they are not replaced. Cognito's JSON is ASCII but for
     * non-ASCII user attributes, and ASCII decodes exactly and cheaply.
     */
    private static String utf8(byte[] json) throws TokenRejected {
        for (byte b : json) {
            if (b < 0) {
                try {
                    return StandardCharsets.UTF_8.newDecoder()
                            .onMalformedInput(CodingErrorAction.REPORT)
                            .onUnmappableCharacter(CodingErrorAction.REPORT)
                            .decode(ByteBuffer.wrap(json))
                            .toString();
                } catch (CharacterCodingException e) {
                    throw new TokenRejected(Reason.MALFORMED, "not UTF-8");
                }
            }
        }
        return new String(json, StandardCharsets.US_ASCII);
    }

    private static Object value(JsonParser parser, Event event, int depth) {
        return switch (event) {
            case VALUE_STRING -> parser.getString();
            case VALUE_NUMBER -> number(parser);
            case VALUE_TRUE -> Boolean.TRUE;
            case VALUE_FALSE -> Boolean.FALSE;
            case VALUE_NULL -> null;
            case START_ARRAY -> array(parser, depth + 1);
            case START_OBJECT -> nested(parser, depth + 1);
            default -> throw new IllegalStateException("unexpected JSON event");
        };
    }

    /** Whole numbers as {@code Long} (exactly, or not at all); others as {@code BigDecimal}. */
    private static Object number(JsonParser parser) {
        String digits = parser.getString();
        if (digits.length() > MAX_NUMBER_LENGTH) {
            throw new IllegalStateException("number too long");
        }
        if (parser.isIntegralNumber() && digits.length() < 18) {
            return parser.getLong();
        }
        BigDecimal number = parser.getBigDecimal();
        return number.stripTrailingZeros().scale() <= 0 ? number.longValueExact() : number;
    }

    /** An object inside a claim (Cognito's {@code identities} holds some): read through, kept as {@link #NESTED}. */
    private static Object nested(JsonParser parser, int depth) {
        checkDepth(depth);
        for (Event event = parser.next(); event != Event.END_OBJECT; event = parser.next()) {
            value(parser, parser.next(), depth); // event is the member's name
        }
        return NESTED;
    }

    private static void checkDepth(int depth) {
        if (depth > MAX_DEPTH) {
            throw new IllegalStateException("nested too deep");
        }
    }

    private static List<Object> array(JsonParser parser, int depth) {
        checkDepth(depth);
        List<Object> values = new ArrayList<>();
        for (Event event = parser.next(); event != Event.END_ARRAY; event = parser.next()) {
            values.add(value(parser, event, depth));
        }
        return values;
    }
}
