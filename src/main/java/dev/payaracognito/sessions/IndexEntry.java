package dev.payaracognito.sessions;

import dev.payaracognito.cluster.SessionKeys;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.time.Instant;
import java.util.Optional;

/**
 * The value of an entry of the index of sessions: when its session was last active, in the clear, then the session
 * sealed ({@link IndexedSession#bytes()}, which says the same time again). The clear time lets a page rank a user's
 * sessions without opening them, and open only those it lists: a user signed in hundreds of times made every view
 * of the profile open hundreds of entries (docs/performance.md). It tells a reader of the grid nothing the grid does
 * not already say: an entry is written when its session is active (Hazelcast keeps each entry's last write time).
 * A writer of the grid can change it, and so the rank of an entry, but not what opens: a session whose sealed time
 * differs from the clear one does not open.
 */
final class IndexEntry {

    /**
     * The layout of the value: this byte, the time (milliseconds since the epoch), the sealed session. Not the first
     * byte of a sealed value alone, the layout before 2026-12-08, which this version does not read.
     */
    private static final byte LAYOUT = 'T';
    private static final int SEALED_AT = 1 + Long.BYTES;
    static final String SEALED_FOR = "session-index";

    private IndexEntry() {}

    static byte[] of(SessionKeys keys, IndexedSession session) {
        byte[] sealed = keys.seal(SEALED_FOR, session.bytes());
        return ByteBuffer.allocate(SEALED_AT + sealed.length).put(LAYOUT)
                .putLong(session.lastActive().toEpochMilli()).put(sealed).array();
    }

    /** When the entry says its session was last active, without opening it; empty for a value of another layout. */
    static Optional<Long> lastActive(byte[] value) {
        return value != null && value.length > SEALED_AT && value[0] == LAYOUT
                ? Optional.of(ByteBuffer.wrap(value, 1, Long.BYTES).getLong()) : Optional.empty();
    }

    /**
     * The session an entry holds; empty for a value that does not open (not sealed by this app, under a key no longer
     * listed, of another layout, or whose clear time was changed).
     */
    static Optional<IndexedSession> open(SessionKeys keys, byte[] value) {
        Optional<Long> lastActive = lastActive(value);
        if (lastActive.isEmpty()) {
            return Optional.empty();
        }
        byte[] sealed = new byte[value.length - SEALED_AT];
        System.arraycopy(value, SEALED_AT, sealed, 0, sealed.length);
        try {
            IndexedSession session = IndexedSession.read(keys.open(SEALED_FOR, sealed));
            return session.lastActive().equals(Instant.ofEpochMilli(lastActive.get())) ? Optional.of(session)
                    : Optional.empty();
        } catch (SessionKeys.Unopened | IOException unopened) {
            return Optional.empty();
        }
    }
}
