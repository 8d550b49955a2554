package dev.payaracognito.cluster;

import java.io.ByteArrayInputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.util.Base64;
import java.util.StringJoiner;
import java.util.regex.Pattern;

/**
 * Tokens in the plain layouts of what the app seals for the data grid: a compact token, base64url segments joined by
 * dots (Cognito's ID and access tokens are JWS of three, its refresh token a JWE of five), is kept as the bytes its
 * segments encode, a quarter smaller than its text, in the session's copy on every node that holds it and in the
 * heap of the node that serves it; anything else as text ({@link TextFields}). Only a token whose text its bytes
 * give back exactly is kept as bytes (no padding, no stray bits in a segment's last character): a token is compared,
 * and sent back to Cognito, as the text it came as.
 */
public final class TokenFields {

    private static final int TEXT = 0;
    private static final int SEGMENTS = 1;
    /** A JWE's five; more is not a token of Cognito's, and is kept as text. */
    private static final int MAX_SEGMENTS = 5;
    private static final Pattern DOT = Pattern.compile(".", Pattern.LITERAL);
    private static final Base64.Encoder ENCODER = Base64.getUrlEncoder().withoutPadding();
    private static final Base64.Decoder DECODER = Base64.getUrlDecoder();

    private TokenFields() {}

    public static void write(DataOutputStream out, String token) throws IOException {
        byte[][] segments = segments(token);
        if (segments == null) {
            out.writeByte(TEXT);
            TextFields.write(out, token);
            return;
        }
        out.writeByte(SEGMENTS);
        out.writeByte(segments.length);
        for (byte[] segment : segments) {
            out.writeInt(segment.length);
            out.write(segment);
        }
    }

    /**
     * The token {@link #write} wrote; an {@link IOException} for anything else. {@code in} reads a byte array (its
     * {@code available()} is what is left), as everywhere the app reads what it sealed.
     */
    public static String read(DataInputStream in) throws IOException {
        int form = in.readUnsignedByte();
        if (form == TEXT) {
            return TextFields.read(in);
        }
        if (form != SEGMENTS) {
            throw new IOException("not a token field");
        }
        int count = in.readUnsignedByte();
        if (count < 2 || count > MAX_SEGMENTS) {
            throw new IOException("a token field of " + count + " segments");
        }
        StringJoiner token = new StringJoiner(".");
        for (int i = 0; i < count; i++) {
            token.add(ENCODER.encodeToString(TextFields.next(in, in.readInt())));
        }
        return token.toString();
    }

    /** {@code token} alone, as {@link #write} writes it. */
    public static byte[] bytes(String token) {
        return PlainBytes.of(2048, out -> write(out, token));
    }

    /** The token {@link #bytes} made, not null; an {@link IOException} for anything else. */
    public static String token(byte[] bytes) throws IOException {
        DataInputStream in = new DataInputStream(new ByteArrayInputStream(bytes));
        String token = read(in);
        if (token == null || in.available() != 0) {
            throw new IOException("not a token");
        }
        return token;
    }

    /** The bytes of each of {@code token}'s segments, if they give back its text exactly; null otherwise. */
    private static byte[][] segments(String token) {
        if (token == null) {
            return null;
        }
        String[] texts = DOT.split(token, MAX_SEGMENTS + 1);
        if (texts.length < 2 || texts.length > MAX_SEGMENTS) {
            return null;
        }
        byte[][] segments = new byte[texts.length][];
        for (int i = 0; i < texts.length; i++) {
            try {
                segments[i] = DECODER.decode(texts[i]);
            } catch (IllegalArgumentException notBase64url) {
                return null;
            }
            if (!ENCODER.encodeToString(segments[i]).equals(texts[i])) {
                return null;
            }
        }
        return segments;
    }
}
