package dev.payaracognito.security.token;

import static org.junit.jupiter.api.Assertions.fail;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;
import java.util.Random;
import java.util.function.Function;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The compact-JWS reader against random and mutated input, thousands of tokens per property: whatever it is
 * given, it answers a token or a {@link TokenRejected}, never another exception (which would be an HTTP 500).
 * Each run uses the seeds below, so that a failure can be replayed; a failure names its seed and its token. How
 * fast the reader refuses hostile input is measured by the JMH benchmarks, not here.
 */
class CompactJwtPropertiesTest {

    private static final int TRIES = 2_500;
    private static final Base64.Encoder BASE64URL = Base64.getUrlEncoder().withoutPadding();
    private static final String HEADER = "{\"kid\":\"abcdEFGH1234=\",\"alg\":\"RS256\"}";
    private static final String CLAIMS = "{\"sub\":\"aaaaaaaa-bbbb-cccc-dddd-eeeeeeeeeeee\",\"cognito:groups\":[\"admins\"],"
            + "\"iss\":\"https://cognito-idp.eu-west-1.amazonaws.com/eu-west-1_AbC\",\"version\":2,"
            + "\"client_id\":\"abcdefghijklmnopqrstuvwxyz\",\"origin_jti\":\"o\",\"token_use\":\"access\","
            + "\"scope\":\"openid email\",\"auth_time\":1795780000,\"exp\":1795783600,\"iat\":1795780000,"
            + "\"jti\":\"j\",\"username\":\"alice\",\"identities\":[{\"userId\":\"1\",\"primary\":\"true\"}]}";
    private static final String TOKEN = BASE64URL.encodeToString(bytes(HEADER)) + "."
            + BASE64URL.encodeToString(bytes(CLAIMS)) + ".c2lnbmF0dXJl";
    /** Pieces that have broken JSON parsers: limits on numbers and nesting, escapes, bytes that are not UTF-8. */
    private static final List<byte[]> HOSTILE = List.of(bytes("9".repeat(1_200)), bytes("0." + "1".repeat(1_200)),
            bytes("1e999999999"), bytes("-1E-999999999"), bytes("[".repeat(600)), bytes("]".repeat(600)),
            bytes("{\"a\":".repeat(200)), bytes("}".repeat(200)), bytes("\\ud800"), bytes("\\u00"), bytes("\\"),
            bytes("\""), bytes(","), bytes(":"), bytes("null"), bytes("true"), bytes("{}"), bytes("[]"),
            new byte[] {(byte) 0xc3}, new byte[] {(byte) 0xff, (byte) 0xfe},
            new byte[] {(byte) 0xed, (byte) 0xa0, (byte) 0x80}, new byte[] {0},
            bytes("\"kid\":\"x\",\"kid\":\"y\""), bytes("\"crit\":[\"b64\"]"));
    private static final String TOKEN_CHARACTERS = "ABCxyz0189-_.=+/ \u00e9\u0000";

    @ParameterizedTest
    @ValueSource(longs = {1L, 20261201L})
    void anyTextIsATokenOrARefusal(long seed) {
        forAll(seed, random -> {
            char[] text = new char[random.nextInt(3_000)];
            for (int i = 0; i < text.length; i++) {
                text[i] = (char) (random.nextBoolean() ? 32 + random.nextInt(95) : random.nextInt(0x3000));
            }
            return new String(text);
        });
    }

    @ParameterizedTest
    @ValueSource(longs = {2L, 20261202L})
    void anyThreeBase64UrlPartsAreATokenOrARefusal(long seed) {
        forAll(seed, random -> BASE64URL.encodeToString(randomBytes(random)) + "."
                + BASE64URL.encodeToString(randomBytes(random)) + ".c2ln");
    }

    @ParameterizedTest
    @ValueSource(longs = {3L, 20261203L})
    void aCognitoTokenWithHostileJsonSplicedInIsATokenOrARefusal(long seed) {
        forAll(seed, random -> BASE64URL.encodeToString(spliced(random, HEADER)) + "."
                + BASE64URL.encodeToString(spliced(random, CLAIMS)) + ".c2ln");
    }

    @ParameterizedTest
    @ValueSource(longs = {4L, 20261204L})
    void aCognitoTokenWithCharactersChangedIsATokenOrARefusal(long seed) {
        forAll(seed, random -> {
            StringBuilder token = new StringBuilder(TOKEN);
            for (int edits = 1 + random.nextInt(3); edits > 0; edits--) {
                int at = random.nextInt(token.length());
                char character = TOKEN_CHARACTERS.charAt(random.nextInt(TOKEN_CHARACTERS.length()));
                switch (random.nextInt(3)) {
                    case 0 -> token.setCharAt(at, character);
                    case 1 -> token.insert(at, character);
                    default -> token.deleteCharAt(at);
                }
            }
            return token.toString();
        });
    }

    /** {@link #TRIES} tokens from the generator, each read fully; the first other exception fails, replayably. */
    private static void forAll(long seed, Function<Random, String> tokens) {
        Random random = new Random(seed);
        for (int attempt = 0; attempt < TRIES; attempt++) {
            String token = tokens.apply(random);
            try {
                readFully(token);
            } catch (RuntimeException | StackOverflowError e) {
                fail("seed " + seed + ", attempt " + attempt + ": " + e + " for the token "
                        + (token.length() > 300 ? token.substring(0, 300) + "…" : token), e);
            }
        }
    }

    private static byte[] randomBytes(Random random) {
        byte[] bytes = new byte[random.nextInt(2_000)];
        random.nextBytes(bytes);
        return bytes;
    }

    /** The JSON with one to three hostile pieces put in at random places, one after the other. */
    private static byte[] spliced(Random random, String json) {
        byte[] result = bytes(json);
        for (int splices = 1 + random.nextInt(3); splices > 0; splices--) {
            int at = random.nextInt(result.length + 1);
            int rest = Math.min(result.length, at + random.nextInt(4));
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            out.write(result, 0, at);
            out.writeBytes(HOSTILE.get(random.nextInt(HOSTILE.size())));
            out.write(result, rest, result.length - rest);
            result = out.toByteArray();
        }
        return result;
    }

    /** Reads the token and every claim the validator reads; a refusal is an answer, any other exception fails. */
    private static void readFully(String token) {
        try {
            CompactJwt jwt = CompactJwt.parse(token);
            jwt.algorithm();
            jwt.keyId();
            jwt.offersKeysOrExtensions();
            for (String claim : List.of("iss", "token_use", "sub", "client_id", "username", "scope", "origin_jti",
                    "at_hash")) {
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
