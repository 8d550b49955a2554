package dev.payaracognito.cluster;

import java.time.Duration;
import java.util.Optional;

/**
 * One at a time across the cluster, for a key: whoever holds the key's turn does a piece of work (a refresh of
 * one session's tokens at Cognito) and leaves its result, sealed, for the others, who take it instead of doing the
 * work again. {@link DataGrid#turns} gives the cluster's (a lock of the data grid, with a lease so that a node that
 * dies frees it), or this node's alone without a grid.
 */
public interface Turns {

    /**
     * Waits up to {@code wait} for {@code key}'s turn; empty if it did not come (another node holds it, or the grid
     * could not say). The turn must be closed, on this thread.
     */
    Optional<Turn> await(String key, Duration wait) throws InterruptedException;

    /** A key's turn, held until closed. None of its methods throws: a turn that fails is at worst work done twice. */
    interface Turn extends AutoCloseable {

        /** What the work done in an earlier turn of this key left; empty if none was done (or it left nothing). */
        Optional<byte[]> result();

        /** Leaves {@code result} for the later turns of this key. */
        void leave(byte[] result);

        @Override
        void close();
    }
}
