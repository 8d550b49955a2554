package dev.payaracognito.sessions;

import dev.payaracognito.cluster.PlainBytes;
import dev.payaracognito.cluster.TextFields;
import java.io.ByteArrayInputStream;
import java.io.DataInputStream;
import java.io.IOException;
import java.time.Instant;

/**
 * One signed-in session as the index keeps it: its sign-in ({@link SignedIn}) and what people see of it, as of
 * its latest indexed request (when, which node, which browser, from where). Travels sealed, as the bytes of
 * {@link #bytes()}: a plain layout of its own, not Java serialization.
 */
public record IndexedSession(SignedIn signIn, Instant lastActive, String node, String device, String address) {

    /** The layout of {@link #bytes()}: a change of it gets a new number. */
    private static final int LAYOUT = 2;

    /**
     * A sign-in as the session holds it: the session's id in the index ({@code id}, hex, not the HTTP session's), who,
     * when, Cognito's {@code origin_jti} (null when the app client has token revocation off), and until when its
     * tokens or sessions could still be used. Its refresh token, which an ending from elsewhere revokes, is kept
     * apart ({@link RefreshTokens}): an entry is rewritten once a minute, and with it the entry would be 2 KB.
     */
    public record SignedIn(String id, String username, String email, Instant signedInAt, String originJti,
            Instant usableUntil) {

        /** Who and when, not the e-mail nor the sign-in's id at Cognito: a sign-in may end up in a log line. */
        @Override
        public String toString() {
            return "SignedIn[id=" + id + ", username=" + username + ", signedInAt=" + signedInAt + "]";
        }
    }

    public String id() {
        return signIn.id();
    }

    public String username() {
        return signIn.username();
    }

    byte[] bytes() {
        return PlainBytes.of(256, out -> {
            out.writeByte(LAYOUT);
            for (String text : new String[] {signIn.id(), signIn.username(), signIn.email(), signIn.originJti(),
                    node, device, address}) {
                TextFields.write(out, text);
            }
            out.writeLong(signIn.signedInAt().toEpochMilli());
            out.writeLong(signIn.usableUntil().toEpochMilli());
            out.writeLong(lastActive.toEpochMilli());
        });
    }

    /** The session {@link #bytes()} wrote; an {@link IOException} for anything else. */
    static IndexedSession read(byte[] bytes) throws IOException {
        DataInputStream in = new DataInputStream(new ByteArrayInputStream(bytes));
        if (in.readByte() != LAYOUT) {
            throw new IOException("not an indexed session of this layout");
        }
        String id = TextFields.read(in);
        String username = TextFields.read(in);
        String email = TextFields.read(in);
        String originJti = TextFields.read(in);
        String node = TextFields.read(in);
        String device = TextFields.read(in);
        String address = TextFields.read(in);
        Instant signedInAt = Instant.ofEpochMilli(in.readLong());
        Instant usableUntil = Instant.ofEpochMilli(in.readLong());
        Instant lastActive = Instant.ofEpochMilli(in.readLong());
        if (in.available() != 0 || id == null || username == null) {
            throw new IOException("not an indexed session");
        }
        return new IndexedSession(new SignedIn(id, username, email, signedInAt, originJti, usableUntil),
                lastActive, node, device, address);
    }
}
