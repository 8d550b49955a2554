package dev.payaracognito.cluster;

import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;

/**
 * Texts in the plain layouts of what the app seals for the data grid (not Java serialization): a length (-1 for
 * null) and UTF-8 bytes, since no text of a token or a header is bounded by the 64 KB of {@code writeUTF}.
 */
public final class TextFields {

    private TextFields() {}

    public static void write(DataOutputStream out, String text) throws IOException {
        if (text == null) {
            out.writeInt(-1);
            return;
        }
        byte[] utf8 = text.getBytes(StandardCharsets.UTF_8);
        out.writeInt(utf8.length);
        out.write(utf8);
    }

    /** The text {@link #write} wrote; an {@link IOException} for a length the bytes left cannot hold. */
    public static String read(DataInputStream in) throws IOException {
        int length = in.readInt();
        if (length == -1) {
            return null;
        }
        return new String(next(in, length), StandardCharsets.UTF_8);
    }

    /**
     * The next {@code length} bytes of a field; an {@link IOException} for a length the bytes left cannot hold
     * ({@code in} reads a byte array: its {@code available()} is what is left).
     */
    static byte[] next(DataInputStream in, int length) throws IOException {
        if (length < 0 || length > in.available()) {
            throw new IOException("a field longer than what is left");
        }
        return in.readNBytes(length);
    }
}
