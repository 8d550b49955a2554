package dev.payaracognito.security;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.StringLength;

/**
 * The compact-JWS reader against random and mutated input: whatever it is given, it answers a token or a
 * {@link TokenRejected}, never another exception (which would be an HTTP 500). How fast it refuses hostile input
 * is measured by the JMH benchmarks, not here.
 */
class CompactJwtPropertiesTest {

    private static final Base64.Encoder BASE64URL = Base64.getUrlEncoder().withoutPadding();
    private static final String HEADER = "{\"kid\":\"abcdEFGH1234=\",\"alg\":\"RS256\"}";
    private static final String CLAIMS = "{\"sub\":\"aaaaaaaa-bbbb-cccc-dddd-eeeeeeeeeeee\",\"cognito:groups\":[\"admins\"],"
            + "\"iss\":\"https://cognito-idp.eu-west-1.amazonaws.com/eu-west-1_AbC\",\"version\":2,"
            + "\"client_id\":\"abcdefghijklmnopqrstuvwxyz\",\"origin_jti\":\"o\",\"token_use\":\"access\","
            + "\"scope\":\"openid email\",\"auth_time\":1795780000,\"exp\":1795783600,\"iat\":1795780000,"
            + "\"jti\":\"j\",\"username\":\"alice\",\"identities\":[{\"userId\":\"1\",\"primary\":\"true\"}]}";
    /** Pieces that have broken JSON parsers: limits on numbers and nesting, escapes, bytes that are not UTF-8. */
    private static final List<byte[]> HOSTILE = List.of(bytes("9".repeat(1_200)), bytes("0." + "1".repeat(1_200)),
            bytes("1e999999999"), bytes("-1E-999999999"), bytes("[".repeat(600)), bytes("]".repeat(600)),
            bytes("{\"a\":".repeat(200)), bytes("}".repeat(200)), bytes("\\ud800"), bytes("\\u00"), bytes("\\"),
            bytes("\""), bytes(","), bytes(":"), bytes("null"), bytes("true"), bytes("{}"), bytes("[]"),
            new byte[] {(byte) 0xc3}, new byte[] {(byte) 0xff, (byte) 0xfe}, new byte[] {(byte) 0xed, (byte) 0xa0,
                (byte) 0x80}, new byte[] {0}, bytes("\"kid\":\"x\",\"kid\":\"y\""), bytes("\"crit\":[\"b64\"]"));

    @Property(tries = 2_000)
    void anyTextIsATokenOrARefusal(@ForAll @StringLength(max = 3_000) String text) {
        readFully(text);
    }

    @Property(tries = 2_000)
    void anyThreeBase64UrlPartsAreATokenOrARefusal(@ForAll("randomBytes") byte[] header,
            @ForAll("randomBytes") byte[] claims) {
        readFully(BASE64URL.encodeToString(header) + "." + BASE64URL.encodeToString(claims) + ".c2ln");
    }

    @Property(tries = 5_000)
    void aCognitoTokenWithHostileJsonSplicedInIsATokenOrARefusal(@ForAll("mutatedHeader") byte[] header,
            @ForAll("mutatedClaims") byte[] claims) {
        readFully(BASE64URL.encodeToString(header) + "." + BASE64URL.encodeToString(claims) + ".c2ln");
    }

    @Property(tries = 2_000)
    void aCognitoTokenWithCharactersChangedIsATokenOrARefusal(@ForAll("characterEdits") String token) {
        readFully(token);
    }

    @Provide
    Arbitrary<byte[]> randomBytes() {
        return Arbitraries.bytes().array(byte[].class).ofMaxSize(2_000);
    }

    @Provide
    Arbitrary<byte[]> mutatedHeader() {
        return spliced(HEADER);
    }

    @Provide
    Arbitrary<byte[]> mutatedClaims() {
        return spliced(CLAIMS);
    }

    @Provide
    Arbitrary<String> characterEdits() {
        String token = BASE64URL.encodeToString(bytes(HEADER)) + "." + BASE64URL.encodeToString(bytes(CLAIMS))
                + ".c2lnbmF0dXJl";
        Arbitrary<Integer> at = Arbitraries.integers().between(0, token.length() - 1);
        Arbitrary<Character> with = Arbitraries.chars().with("ABCxyz0189-_.=+/ \u00e9\u0000");
        return Combinators.combine(at, with, Arbitraries.integers().between(0, 2))
                .as((position, character, edit) -> switch (edit) {
                    case 0 -> token.substring(0, position) + character + token.substring(position + 1);
                    case 1 -> token.substring(0, position) + character + token.substring(position);
                    default -> token.substring(0, position) + token.substring(position + 1);
                });
    }

    private record Splice(int permille, int removed, byte[] piece) {

        byte[] into(byte[] json) {
            int at = json.length * permille / 1_000;
            int rest = Math.min(json.length, at + removed);
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            out.write(json, 0, at);
            out.writeBytes(piece);
            out.write(json, rest, json.length - rest);
            return out.toByteArray();
        }
    }

    /** The JSON with one to three hostile pieces put in at random places, one after the other. */
    private static Arbitrary<byte[]> spliced(String json) {
        Arbitrary<Splice> splice = Combinators.combine(Arbitraries.integers().between(0, 1_000),
                Arbitraries.integers().between(0, 3), Arbitraries.of(HOSTILE)).as(Splice::new);
        return splice.list().ofMinSize(1).ofMaxSize(3).map(splices -> {
            byte[] result = bytes(json);
            for (Splice each : splices) {
                result = each.into(result);
            }
            return result;
        });
    }

    /** Reads the token and every claim the validator reads; a refusal is an answer, any other exception fails. */
    private static void readFully(String token) {
        try {
            CompactJwt jwt = CompactJwt.parse(token);
            jwt.algorithm();
            jwt.keyId();
            jwt.offersKeysOrExtensions();
            for (String claim : List.of("iss", "token_use", "sub", "client_id", "username", "scope", "origin_jti")) {
                jwt.string(claim);
            }
            jwt.seconds("exp");
            jwt.seconds("iat");
            jwt.seconds("nbf");
            jwt.strings("aud", true);
            jwt.strings("cognito:groups", false);
        } catch (TokenRejected refused) {
            // an answer
        }
    }

    private static byte[] bytes(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }
}
