package dev.payaracognito.sessions;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.payaracognito.cluster.SessionKeys;
import dev.payaracognito.cluster.SharedIndex;
import java.nio.ByteBuffer;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Optional;
import java.util.stream.IntStream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * What the profile lists of a user's sessions, and what a writer of the grid can and cannot change in it; here on a
 * node without a grid, whose memory holds the entries as the grid would (SharedIndexTest covers the grid itself).
 */
class SessionIndexTest {

    private static final Instant NOW = Instant.now().truncatedTo(ChronoUnit.MILLIS);
    private static final Duration LIFE = Duration.ofMinutes(5);

    private final SessionIndex index = new SessionIndex();
    private SharedIndex entries;
    private SessionKeys keys;

    @BeforeEach
    void openWithoutAGrid() throws ReflectiveOperationException {
        keys = WithoutAGrid.inject(index).sessions().keys();
        index.open();
        entries = (SharedIndex) WithoutAGrid.fieldOf(index, "index");
    }

    @Test
    void thisSessionFirstThenTheLatestActiveAndEverySessionCounted() {
        // 25 sessions of alice, active a minute apart: session 0 the latest, this one (24) the least recent
        IntStream.range(0, 25).forEach(i -> put("alice", id(i), NOW.minusSeconds(60L * i)));
        put("bob", id(99), NOW);

        SessionIndex.Listing listing = index.listed("alice", id(24), 10);

        assertEquals(List.of(id(24), id(0), id(1), id(2), id(3), id(4), id(5), id(6), id(7), id(8)),
                ids(listing));
        assertEquals(25, listing.count());
        assertEquals(List.of(id(99)), ids(index.listed("bob", id(99), 10)));
    }

    @Test
    void anEntryThatDoesNotOpenIsNeverListedThoughItRanksFirst() throws Exception {
        IntStream.range(0, 12).forEach(i -> put("alice", id(i), NOW.minusSeconds(60L * i)));
        String tag = tag("alice");
        // a writer of the grid: bytes of its own, the newest time in the clear
        entries.put(tag, id(50), ByteBuffer.allocate(64).put((byte) 'T').putLong(NOW.plusSeconds(60).toEpochMilli())
                .array(), LIFE);
        // bob's entry copied into alice's group: it opens, and names bob
        entries.put(tag, id(51), IndexEntry.of(keys, session("bob", id(51), NOW.plusSeconds(60))), LIFE);
        // alice's oldest entry made to rank first: its sealed time is not the clear one
        byte[] moved = entries.get(tag, id(11)).orElseThrow();
        ByteBuffer.wrap(moved).putLong(1, NOW.plusSeconds(120).toEpochMilli());
        entries.put(tag, id(11), moved, LIFE);

        SessionIndex.Listing listing = index.listed("alice", id(0), 10);

        assertEquals(IntStream.range(0, 10).mapToObj(SessionIndexTest::id).toList(), ids(listing));
        assertEquals(14, listing.count(), "what does not open is counted: the count is for people to read");
        assertEquals(IntStream.range(0, 11).mapToObj(SessionIndexTest::id).toList(),
                index.of("alice").stream().map(IndexedSession::id).toList(), "ending them all ends these");
    }

    @Test
    void eachSessionIsListedOnceThoughItsEntryBeFoundTwice() throws Exception {
        IntStream.range(0, 3).forEach(i -> put("alice", id(i), NOW.minusSeconds(60L * i)));
        // a writer of the grid copies alice's session 1 under another id of her group (as two keys' tags would)
        entries.put(tag("alice"), id(7), entries.get(tag("alice"), id(1)).orElseThrow(), LIFE);

        assertEquals(List.of(id(2), id(0), id(1)), ids(index.listed("alice", id(2), 10)));
        assertEquals(List.of(id(0), id(1), id(2)), index.of("alice").stream().map(IndexedSession::id).toList());
        assertEquals(3, index.search("ali").get(0).count());
    }

    @Test
    void thisSessionIsFirstAlsoWhenItsEntryIsMetOnlyAmongTheOthers() {
        put("alice", id(0), NOW);
        // this session's entry under another id: reading it by its own id finds nothing
        entries.put(tag("alice"), id(9), IndexEntry.of(keys, session("alice", id(1), NOW.minusSeconds(60))), LIFE);
        assertEquals(List.of(id(1), id(0)), ids(index.listed("alice", id(1), 10)));
        assertEquals(List.of(id(0), id(1)), ids(index.listed("alice", null, 10)), "no session of hers: the latest");
    }

    @Test
    void oneSessionIsFoundByItsIdAmongTheUsersOnly() throws Exception {
        put("alice", id(1), NOW);
        put("bob", id(2), NOW);
        // bob's entry copied into alice's group under its own id: it opens, and is not hers to end
        entries.put(tag("alice"), id(2), entries.get(tag("bob"), id(2)).orElseThrow(), LIFE);
        // alice's entry put under another id of hers: it names its own id
        entries.put(tag("alice"), id(3), entries.get(tag("alice"), id(1)).orElseThrow(), LIFE);

        assertEquals(Optional.of(id(1)), index.find("alice", id(1)).map(IndexedSession::id));
        assertEquals(Optional.empty(), index.find("alice", id(2)));
        assertEquals(Optional.empty(), index.find("alice", id(3)));
        assertEquals(Optional.empty(), index.find("alice", null));
        // what a form sends is looked up only if it is an index id, whatever the grid holds under it
        String notAnId = "../" + id(4);
        put("alice", notAnId, NOW);
        assertEquals(Optional.empty(), index.find("alice", notAnId));
    }

    @Test
    void anEntryOlderThanALiveSessionsIsNotListedWhateverItsLifeInTheGridButIsEndedWithTheOthers() {
        put("alice", id(0), NOW);
        // a writer of the grid keeps entries past their life: with an idle timeout of 30 minutes and a touch of one,
        // a live session's entry can be 32 minutes old, and one more minute is allowed for the nodes' clocks
        put("alice", id(1), NOW.minus(Duration.ofMinutes(34)));
        put("alice", id(2), NOW.minus(Duration.ofMinutes(32)));

        SessionIndex.Listing listing = index.listed("alice", id(0), 10);

        assertEquals(List.of(id(0), id(2)), ids(listing));
        assertEquals(2, listing.count());
        assertEquals(2, index.search("alice").get(0).count());
        assertEquals(List.of(id(0), id(2), id(1)), index.of("alice").stream().map(IndexedSession::id).toList(),
                "ending them all ends it too");
    }

    @Test
    void ofTwoEntriesOfOneSessionTheOneWrittenLastIsKept() throws Exception {
        // a writer of the grid keeps copies of a session's entry under other ids of the user's group: of session 1
        // an older entry than its own, of session 21 newer ones (its own written since with an older time), so
        // that whichever entry of a session is met first, one of the two is met in the wrong order
        put("alice", id(1), NOW.minusSeconds(600));
        copy(id(1), 2, 12);
        put("alice", id(1), NOW);
        put("alice", id(21), NOW);
        copy(id(21), 22, 32);
        put("alice", id(21), NOW.minusSeconds(600));

        assertEquals(List.of(NOW, NOW), index.of("alice").stream().map(IndexedSession::lastActive).toList());
        assertEquals(List.of(NOW, NOW), index.search("alice").get(0).sessions().stream()
                .map(IndexedSession::lastActive).toList());
    }

    private void copy(String id, int fromId, int toId) throws Exception {
        byte[] entry = entries.get(tag("alice"), id).orElseThrow();
        IntStream.range(fromId, toId).forEach(i -> entries.put(tag("alice"), id(i), entry, LIFE));
    }

    @Test
    void aSessionWithoutAnEntryIsNotListed() {
        put("alice", id(1), NOW);
        SessionIndex.Listing listing = index.listed("alice", id(2), 10);
        assertEquals(List.of(id(1)), ids(listing));
        assertEquals(1, listing.count());
    }

    @Test
    void anEntryOfTheLayoutBeforeTheClearTimeIsNotRead() {
        // what a version before 2026-12-08 wrote: the session sealed alone (docs/scaling-out.md, upgrading)
        entries.put(tag("alice"), id(1), keys.seal(IndexEntry.SEALED_FOR, session("alice", id(1), NOW).bytes()),
                LIFE);
        assertEquals(0, index.listed("alice", id(2), 10).count());
        assertEquals(List.of(), index.of("alice"));
    }

    private void put(String username, String id, Instant lastActive) {
        entries.put(tag(username), id, IndexEntry.of(keys, session(username, id, lastActive)), LIFE);
    }

    private String tag(String username) {
        return keys.tags(SessionIndex.USER_TAG, username).get(0);
    }

    private static IndexedSession session(String username, String id, Instant lastActive) {
        return new IndexedSession(new IndexedSession.SignedIn(id, username, null, NOW.minusSeconds(3600), null,
                NOW.plusSeconds(3600)), lastActive, "node-a", "Firefox on Linux", "192.0.2.7");
    }

    private static String id(int i) {
        return "%032x".formatted(i);
    }

    private static List<String> ids(SessionIndex.Listing listing) {
        return listing.sessions().stream().map(IndexedSession::id).toList();
    }
}
