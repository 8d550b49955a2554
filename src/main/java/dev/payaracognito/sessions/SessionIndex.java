package dev.payaracognito.sessions;

import dev.payaracognito.audit.AuditLog;
import dev.payaracognito.cluster.DataGrid;
import dev.payaracognito.cluster.SessionKeys;
import dev.payaracognito.cluster.SharedIndex;
import dev.payaracognito.cognito.CognitoSettings;
import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpSession;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.PriorityQueue;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.Supplier;
import java.util.regex.Pattern;

/**
 * Every signed-in session of the cluster, by user, in the data grid beside Payara's sessions: an entry per session
 * in the group of its user's tag (a keyed hash of the username, {@link SessionKeys#tags}), the session sealed
 * ({@link IndexEntry}), so that a reader of the grid learns neither who is signed in nor anything of a session, and
 * a writer cannot make an entry that opens. An entry is written at sign-in and at each refresh, and on an ordinary
 * request at most once a {@link #TOUCH} (a quarter of the idle timeout where that is shorter; the time the session
 * last wrote it is an attribute of the session, which Payara stores anyway); it lives as long as its session could
 * without a request after that write (the idle timeout and one touch, never past the lifetime), so that the grid's
 * own expiry removes what a node that died, or a missed ending, leaves behind.
 */
@ApplicationScoped
public class SessionIndex {

    /** At most one write of an entry per this much time of ordinary requests: "last active" is to the minute. */
    static final Duration TOUCH = Duration.ofMinutes(1);
    static final String MAP = "payara-cognito.sessions";
    static final String USER_TAG = "session-index-user";
    /** A session's id in the index: 128 bits of a digest, in hex (SignInRecord). A form may send anything. */
    private static final Pattern ID = Pattern.compile("[0-9a-f]{32}");
    private static final String INDEXED_AT = SessionIndex.class.getName() + ".indexedAt";

    @Inject
    private DataGrid grid;

    @Inject
    private CognitoSettings settings;

    @Inject
    private RefreshTokens refreshTokens;

    private SharedIndex index;
    private String thisNode;

    @PostConstruct
    void open() {
        index = grid.index(MAP);
        thisNode = settings.site().nodeName() != null ? settings.site().nodeName() : hostName();
    }

    /** Sign-in or refresh: the entry is written now, with the request's browser, address and node. */
    public void save(HttpServletRequest request, IndexedSession.SignedIn signIn) {
        write(request, signIn);
    }

    /**
     * An ordinary request of a signed-in session: the entry is written if it was not for a {@link #TOUCH}. The
     * sign-in is asked for only then: most requests write nothing, and need not make it.
     */
    public void touch(HttpServletRequest request, Supplier<IndexedSession.SignedIn> signIn) {
        HttpSession session = request.getSession(false);
        if (session != null && session.getAttribute(INDEXED_AT) instanceof Instant indexed
                && Instant.now().isBefore(indexed.plus(touch()))) {
            return;
        }
        write(request, signIn.get());
    }

    /** The session has ended: its entry goes, under every key's tag, and its refresh token with it. */
    public void remove(String username, String id) {
        for (String tag : keys().tags(USER_TAG, username)) {
            index.remove(tag, id);
        }
        refreshTokens.forget(id);
    }

    /**
     * The sessions of {@code username}, the latest active first, each once (its latest entry), those whose entries
     * {@link #listed} no longer lists among them: ending them all ends these too.
     */
    public List<IndexedSession> of(String username) {
        Map<String, IndexedSession> sessions = new HashMap<>();
        for (String tag : keys().tags(USER_TAG, username)) {
            index.group(tag).forEach(value -> open(value, username)
                    .ifPresent(session -> sessions.merge(session.id(), session, SessionIndex::latest)));
        }
        return sessions.values().stream().sorted(Comparator.comparing(IndexedSession::lastActive).reversed()).toList();
    }

    /** What a page lists of a user's sessions: {@code count} signed in, of which these. */
    public record Listing(List<IndexedSession> sessions, int count) {}

    /**
     * The session {@code currentId} of {@code username} and the latest active of the others, {@code listed} in all
     * at most, and how many there are. Only the listed are opened: the others are ranked and counted by the time
     * their entries say in the clear ({@link IndexEntry}). Each session is listed once, though its entry be found
     * twice (under two keys' tags while nodes disagree on the sealing key, or copied by a writer of the grid under
     * another id). An entry that does not open is not listed, and is counted: the count is for people to read, and
     * only a writer of the grid, or nodes that disagree on the keys, make one.
     */
    public Listing listed(String username, String currentId, int listed) {
        // ranked, not sorted: the latest are taken from the top of a heap, and a user may have hundreds of entries
        PriorityQueue<Ranked> latest = new PriorityQueue<>(Comparator.comparingLong(Ranked::lastActive).reversed());
        long outlived = outlived();
        for (String tag : keys().tags(USER_TAG, username)) {
            for (byte[] value : index.group(tag)) {
                IndexEntry.lastActive(value).filter(time -> time > outlived)
                        .ifPresent(time -> latest.add(new Ranked(time, value)));
            }
        }
        int count = latest.size();
        List<IndexedSession> sessions = new ArrayList<>(find(username, currentId).stream().toList());
        Set<String> ids = new HashSet<>(sessions.stream().map(IndexedSession::id).toList());
        while (sessions.size() < listed && !latest.isEmpty()) {
            // this session first, also when its own reading failed and its entry is met here
            open(latest.poll().value(), username).filter(session -> ids.add(session.id()))
                    .ifPresent(session -> sessions.add(session.id().equals(currentId) ? 0 : sessions.size(), session));
        }
        // at least those listed: the current session's entry is read on its own, and the group's reading may fail
        return new Listing(List.copyOf(sessions), Math.max(count, sessions.size()));
    }

    /** An entry's value and the time it says in the clear. */
    private record Ranked(long lastActive, byte[] value) {}

    /** The session {@code id} of {@code username}, if it is signed in: its entry alone is read. */
    public Optional<IndexedSession> find(String username, String id) {
        if (id == null || !ID.matcher(id).matches()) {
            return Optional.empty();
        }
        for (String tag : keys().tags(USER_TAG, username)) {
            try {
                Optional<IndexedSession> found = index.get(tag, id).flatMap(value -> open(value, username))
                        .filter(session -> session.id().equals(id));
                if (found.isPresent()) {
                    return found;
                }
            } catch (SharedIndex.Unanswered unanswered) {
                return Optional.empty(); // said in the log by the index; a page lists what it can
            }
        }
        return Optional.empty();
    }

    /**
     * The users whose username or e-mail starts with {@code prefix} (ignoring case), with their sessions, by
     * username, each session once: every entry of the cluster is read and opened, a cost an admin's search can bear.
     */
    public List<SignedInUser> search(String prefix) {
        String wanted = prefix.strip().toLowerCase(Locale.ROOT);
        Map<String, Map<String, IndexedSession>> byUser = new TreeMap<>();
        long outlived = outlived();
        for (byte[] value : index.all()) {
            IndexEntry.open(keys(), value)
                    .filter(session -> session.lastActive().toEpochMilli() > outlived && matches(session, wanted))
                    .ifPresent(session -> byUser.computeIfAbsent(session.username(), user -> new HashMap<>())
                            .merge(session.id(), session, SessionIndex::latest));
        }
        return byUser.entrySet().stream()
                .map(user -> SignedInUser.of(user.getKey(), List.copyOf(user.getValue().values()))).toList();
    }

    private static boolean matches(IndexedSession session, String prefix) {
        return session.username().toLowerCase(Locale.ROOT).startsWith(prefix) || session.signIn().email() != null
                && session.signIn().email().toLowerCase(Locale.ROOT).startsWith(prefix);
    }

    private void write(HttpServletRequest request, IndexedSession.SignedIn signIn) {
        Instant now = Instant.now();
        Duration life = settings.sessions().idleTimeout().plus(touch());
        Instant sessionsEnd = signIn.signedInAt().plus(settings.sessions().maxLifetime());
        if (now.plus(life).isAfter(sessionsEnd)) {
            life = Duration.between(now, sessionsEnd);
        }
        if (life.isNegative() || life.isZero()) {
            return;
        }
        IndexedSession session = new IndexedSession(signIn, now, thisNode,
                Device.of(request.getHeader("User-Agent")), AuditLog.clientAddress(request));
        List<String> tags = keys().tags(USER_TAG, signIn.username());
        index.put(tags.get(0), signIn.id(), IndexEntry.of(keys(), session), life);
        // written under an older key's tag before that key stopped sealing: one entry per session
        tags.subList(1, tags.size()).forEach(old -> index.remove(old, signIn.id()));
        HttpSession httpSession = request.getSession(false);
        if (httpSession != null) {
            httpSession.setAttribute(INDEXED_AT, now);
        }
    }

    /**
     * An entry of {@code username}'s group that opens and names them (a writer of the grid could copy another user's
     * entry into the group: it opens, and is not theirs).
     */
    private Optional<IndexedSession> open(byte[] value, String username) {
        return IndexEntry.open(keys(), value).filter(session -> session.username().equals(username));
    }

    /** Of two entries of one session (a copy, or two keys' tags), the one written last. */
    private static IndexedSession latest(IndexedSession one, IndexedSession other) {
        return other.lastActive().isAfter(one.lastActive()) ? other : one;
    }

    /**
     * The time (epoch milliseconds) at or before which an entry is not listed: its session has had no request since
     * for longer than it can live idle. The grid removes such an entry by itself, unless a writer of the grid put it
     * back to live longer (a copy of an ended session's entry would be listed, and end nothing). A session's entry
     * is rewritten one touch after the last, and its idle timeout counted from a request recorded once a touch at
     * most: a live session's entry can be the idle timeout and two touches old; one touch more for the nodes' clocks.
     * Only the pages' lists leave such entries out; ending every session of a user ends them too.
     */
    private long outlived() {
        return Instant.now().minus(settings.sessions().idleTimeout()).minus(touch().multipliedBy(3)).toEpochMilli();
    }

    private Duration touch() {
        Duration quarter = settings.sessions().idleTimeout().dividedBy(4);
        return quarter.compareTo(TOUCH) < 0 ? quarter : TOUCH;
    }

    private SessionKeys keys() {
        return settings.sessions().keys();
    }

    private static String hostName() {
        try {
            return InetAddress.getLocalHost().getHostName();
        } catch (UnknownHostException e) {
            return "this node";
        }
    }
}
