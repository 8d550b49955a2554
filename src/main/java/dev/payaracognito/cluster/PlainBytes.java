package dev.payaracognito.cluster;

import java.io.ByteArrayOutputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;

/** The bytes of a plain layout of the app's own (not Java serialization), as it seals them for the data grid. */
public final class PlainBytes {

    /** Writes a layout's fields. */
    @FunctionalInterface
    public interface Layout {
        void writeTo(DataOutputStream out) throws IOException;
    }

    private PlainBytes() {}

    /** What {@code layout} writes, in a buffer first sized for {@code expectedSize} bytes. */
    public static byte[] of(int expectedSize, Layout layout) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream(expectedSize);
        try (DataOutputStream out = new DataOutputStream(bytes)) {
            layout.writeTo(out);
        } catch (IOException e) {
            throw new UncheckedIOException(e); // a byte array's stream does not fail
        }
        return bytes.toByteArray();
    }
}
