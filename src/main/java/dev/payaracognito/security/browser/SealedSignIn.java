package dev.payaracognito.security.browser;

import dev.payaracognito.cluster.SessionKeys;
import jakarta.servlet.ServletRequest;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpSession;
import java.io.IOException;
import java.io.Serializable;

/**
 * The session attribute that holds a {@link SignInRecord}, sealed with the session key: the data grid, which stores
 * the session after every request, holds no token and nothing it could change unseen. The record is opened once per
 * request that needs it, and kept opened for the rest of that request only (a request attribute): kept opened in the
 * session on every node that served it, it cost about 4 KB of heap per session (docs/performance.md), and opening
 * it is a few microseconds.
 */
final class SealedSignIn implements Serializable {

    private static final long serialVersionUID = 1L;
    private static final String ATTRIBUTE = SealedSignIn.class.getName();
    /** What the sealed bytes are: a value sealed for another purpose does not open as a record. */
    private static final String PURPOSE = "sign-in-record";

    /** The request attribute under which a request keeps the record it opened, with the sealed value it came from. */
    private static final String OPENED = SealedSignIn.class.getName() + ".opened";

    private record Opened(SealedSignIn from, SignInRecord record) {}

    private final byte[] sealed;

    private SealedSignIn(byte[] sealed) {
        this.sealed = sealed;
    }

    /** Keeps {@code record} in {@code session}, sealed. */
    static void put(HttpSession session, SignInRecord record, SessionKeys keys) {
        session.setAttribute(ATTRIBUTE, sealed(record, keys));
    }

    static SealedSignIn sealed(SignInRecord record, SessionKeys keys) {
        return new SealedSignIn(keys.seal(PURPOSE, record.bytes()));
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
        return SignInRecord.read(keys.open(PURPOSE, sealed));
    }

    /** The record, opened once for the whole of {@code request}: {@link #open(SessionKeys)}. */
    SignInRecord open(SessionKeys keys, ServletRequest request) throws SessionKeys.Unopened, IOException {
        if (request.getAttribute(OPENED) instanceof Opened opened && opened.from() == this) {
            return opened.record();
        }
        SignInRecord record = open(keys);
        request.setAttribute(OPENED, new Opened(this, record));
        return record;
    }
}
