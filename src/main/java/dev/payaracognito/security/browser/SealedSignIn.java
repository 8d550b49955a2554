package dev.payaracognito.security.browser;

import dev.payaracognito.cluster.SessionKeys;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpSession;
import java.io.IOException;
import java.io.Serializable;

/**
 * The session attribute that holds a {@link SignInRecord}, sealed with the session key: the data grid, which stores
 * the session after every request, holds no token and nothing it could change unseen. The record is opened once on
 * each node that loads the session (it is kept opened beside the sealed bytes, and never serialized so).
 */
final class SealedSignIn implements Serializable {

    private static final long serialVersionUID = 1L;
    private static final String ATTRIBUTE = SealedSignIn.class.getName();
    /** What the sealed bytes are: a value sealed for another purpose does not open as a record. */
    private static final String PURPOSE = "sign-in-record";

    private final byte[] sealed;
    private transient SignInRecord opened;

    private SealedSignIn(byte[] sealed, SignInRecord opened) {
        this.sealed = sealed;
        this.opened = opened;
    }

    /** Keeps {@code record} in {@code session}, sealed. */
    static void put(HttpSession session, SignInRecord record, SessionKeys keys) {
        session.setAttribute(ATTRIBUTE, sealed(record, keys));
    }

    static SealedSignIn sealed(SignInRecord record, SessionKeys keys) {
        return new SealedSignIn(keys.seal(PURPOSE, record.bytes()), record);
    }

    /** The sealed record of the request's session; null when the session has none (or there is no session). */
    static SealedSignIn of(HttpServletRequest request) {
        HttpSession session = request.getSession(false);
        return session == null ? null : of(session);
    }

    /** The session's sealed record; null when it has none. */
    static SealedSignIn of(HttpSession session) {
        return session.getAttribute(ATTRIBUTE) instanceof SealedSignIn sealed ? sealed : null;
    }

    /** The record; {@link SessionKeys.Unopened} if it was not sealed by this app, or under a key not given here. */
    SignInRecord open(SessionKeys keys) throws SessionKeys.Unopened, IOException {
        SignInRecord record = opened;
        if (record == null) {
            record = SignInRecord.read(keys.open(PURPOSE, sealed));
            opened = record;
        }
        return record;
    }
}
