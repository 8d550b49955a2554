package dev.payaracognito.cluster;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.hazelcast.client.HazelcastClient;
import com.hazelcast.client.config.ClientConfig;
import com.hazelcast.cluster.Member;
import com.hazelcast.config.SerializerConfig;
import com.hazelcast.core.DistributedObject;
import com.hazelcast.core.HazelcastInstance;
import com.hazelcast.core.OperationTimeoutException;
import com.hazelcast.map.IMap;
import com.hazelcast.nio.ObjectDataInput;
import com.hazelcast.nio.ObjectDataOutput;
import com.hazelcast.nio.serialization.StreamSerializer;
import com.hazelcast.nio.serialization.compact.CompactReader;
import com.hazelcast.nio.serialization.compact.CompactSerializer;
import com.hazelcast.nio.serialization.compact.CompactWriter;
import com.hazelcast.replicatedmap.ReplicatedMap;
import dev.payaracognito.testing.AppDeployment;
import dev.payaracognito.testing.PayaraNode;
import dev.payaracognito.testing.SharedCognito;
import dev.payaracognito.testing.TwoNodeCluster;
import java.io.IOException;
import java.io.InputStream;
import java.net.Inet4Address;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.NetworkInterface;
import java.net.Socket;
import java.net.URI;
import java.net.URL;
import java.net.URLClassLoader;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.concurrent.TimeUnit;
import java.util.zip.ZipFile;
import org.htmlunit.WebClient;
import org.htmlunit.html.HtmlPage;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Someone who reaches the data grid's port and knows the cluster's name (all Hazelcast's open-source edition asks)
 * joins it as a plain Hazelcast client while users are signed in on two nodes, and does what the grid lets them:
 * reads every map, sends a session id it found, writes a forged and a copied session, removes an ended sign-in,
 * and submits an admin command to every member. None of it reads a token or signs anyone in.
 */
@ExtendWith(SharedCognito.class)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class GridOutsiderIT {

    private static final String APP = AppDeployment.APP;
    private static final String PROFILE = "/secure/profile.xhtml";
    /** The web sessions' map of an app at the root context: named after the context path. */
    private static final String SESSIONS = "";
    private static final String ENDED_SIGN_INS = "payara-cognito.ended-sign-ins";
    private static final String SESSION_INDEX = "payara-cognito.sessions";

    private static TwoNodeCluster cluster;
    private static List<PayaraNode> NODES;
    private static PayaraNode.Grid grid;
    private static HazelcastInstance outsider;

    private final HttpClient http = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER).build();

    @BeforeAll
    static void twoNodesAndAnOutsider() throws Exception {
        cluster = TwoNodeCluster.start("grid-outsider");
        NODES = cluster.nodes();
        grid = cluster.grid();

        // The outsider: the grid's address and name, nothing else; Payara's values read as the bytes they are.
        ClientConfig config = new ClientConfig().setClusterName(grid.clusterName());
        config.setProperty("hazelcast.phone.home.enabled", "false");
        config.getNetworkConfig().addAddress("127.0.0.1:" + grid.firstPort(), "127.0.0.1:" + (grid.firstPort() + 1));
        config.getSerializationConfig().addSerializerConfig(new SerializerConfig().setTypeClass(Raw.class)
                .setImplementation(new RawSerializer()));
        config.getSerializationConfig().getCompactSerializationConfig()
                .addSerializer(new AdminCommandAsPayarasCallable());
        outsider = HazelcastClient.newHazelcastClient(config);
    }

    @AfterAll
    static void stopEverything() throws Exception {
        if (outsider != null) {
            outsider.shutdown();
        }
        if (cluster != null) {
            cluster.close();
        }
    }

    @AfterEach
    void closeBrowsers() {
        cluster.closeBrowsers();
    }

    @Test
    void aReaderOfTheGridFindsNoTokenAndASessionIdItFindsSignsNobodyIn() throws Exception {
        // 1. alice signs in; the outsider reads every entry of every map of the grid
        WebClient alice = browser();
        signIn(alice, "alice", "Alice-Passw0rd!");
        Map<String, String> tokens = SharedCognito.cognito().lastTokens("alice");
        String everything = everythingInTheGrid();
        for (String token : List.of("id_token", "access_token", "refresh_token")) {
            assertNotNull(tokens.get(token), token);
            assertFalse(everything.contains(signatureOf(tokens.get(token))), token + " is readable in the grid");
        }
        assertFalse(everything.contains("eyJ"), "no JWT anywhere in the grid");
        // the index of sessions lists her session without a word of who she is
        Map<Object, Object> index = new HashMap<>(outsider.getMap(SESSION_INDEX));
        assertFalse(index.isEmpty(), "the index of sessions is in the grid");
        index.forEach((key, value) -> {
            String entry = key + "=" + asText(value);
            assertFalse(entry.contains("alice") || entry.contains("example.com"), entry);
        });

        // 2. her session id is there (it is the sessions' key); sent to either node, it is not her session
        String sessionId = cookie(alice, "JSESSIONID");
        assertTrue(outsider.getMap(SESSIONS).containsKey(sessionId), "the session id is in the grid");
        // her session's copy does not say who she is either: the container keeps no caller in it
        String session = asText(outsider.getMap(SESSIONS).get(sessionId));
        assertFalse(session.contains("alice") || session.contains("example.com"), "the session's copy names her");
        // nor Faces' flash, which Mojarra would put into every session on every request (FlashOff)
        assertFalse(session.contains("com.sun.faces.context.flash"), "the flash is in the session's copy");
        for (PayaraNode node : NODES) {
            HttpResponse<String> stolen = get(node.uri(), PROFILE, "JSESSIONID=" + sessionId + "; "
                    + newerVersion(alice));
            assertEquals(302, stolen.statusCode(), node.name() + ": " + stolen.body());
            assertFalse(stolen.body().contains("alice"));
        }
        // 3. and it did not end her session either
        assertEquals("alice", profile(alice).getElementById("username").getTextContent());
    }

    @Test
    void aForgedRecordEndsItsSession() throws Exception {
        // 1. one byte of alice's sealed record changed, the session made the newest copy so that nodes load it
        WebClient alice = browser();
        signIn(alice, "alice", "Alice-Passw0rd!");
        IMap<String, Object> sessions = outsider.getMap(SESSIONS);
        byte[] forged = settled(sessions, cookie(alice, "JSESSIONID")).bytes().clone();
        int sealedAt = indexOf(forged, sealedRecordStart());
        assertTrue(sealedAt > 0, "the sealed record is in the session's bytes");
        forged[sealedAt + 40] ^= 0x01;
        newest(forged);
        sessions.put(cookie(alice, "JSESSIONID"), new Raw(forged));

        // 2. the record does not open: the session ends, the audit log says so
        HttpResponse<String> page = get(NODES.get(0).uri(), PROFILE, cookies(alice, newerVersion(alice)));
        assertEquals(302, page.statusCode(), page.body());
        assertFalse(page.body().contains("alice"));
        assertTrue(NODES.get(0).logSays("\"event\":\"session-forged\""), "the audit log says so");
    }

    @Test
    void aCopiedRecordSignsNobodyIn() throws Exception {
        // 1. bob, who controls the grid, puts alice's session under his own session id: his own cookies now come
        //    with alice's sealed record, whose binding is not his browser's
        WebClient alice = browser();
        signIn(alice, "alice", "Alice-Passw0rd!");
        WebClient bob = browser();
        signIn(bob, "bob", "Bob-Passw0rd!");
        IMap<String, Object> sessions = outsider.getMap(SESSIONS);
        byte[] copied = settled(sessions, cookie(alice, "JSESSIONID")).bytes().clone();
        newest(copied);
        sessions.put(cookie(bob, "JSESSIONID"), new Raw(copied));

        // 2. neither node serves him alice's page
        for (PayaraNode node : NODES) {
            HttpResponse<String> page = get(node.uri(), PROFILE, cookies(bob, newerVersion(bob)));
            assertEquals(302, page.statusCode(), node.name() + ": " + page.body());
            assertFalse(page.body().contains("alice"));
        }
    }

    @Test
    void anEndedSignInRemovedFromTheGridStaysEndedOnEveryNode() throws Exception {
        // 1. alice signs in and out: her access token is refused by both nodes' API
        WebClient alice = browser();
        HtmlPage profile = signIn(alice, "alice", "Alice-Passw0rd!");
        String accessToken = SharedCognito.cognito().lastTokens("alice").get("access_token");
        profile.getHtmlElementById("signOut:signOutButton").click();
        for (PayaraNode node : NODES) {
            assertEquals(401, api(node, accessToken).statusCode(), node.name());
        }

        // 2. the outsider removes every ended sign-in, then clears the map
        ReplicatedMap<String, byte[]> ended = outsider.getReplicatedMap(ENDED_SIGN_INS);
        String originJti = claim(accessToken, "origin_jti");
        awaitTrue(() -> ended.containsKey(originJti), "the ended sign-in is in the grid");
        new ArrayList<>(ended.keySet()).forEach(ended::remove);
        clearWaitingOutAMigration(ended);

        // 3. still refused on both nodes, and put back into the grid for nodes that join later
        for (PayaraNode node : NODES) {
            assertEquals(401, api(node, accessToken).statusCode(), node.name());
        }
        awaitTrue(() -> ended.containsKey(originJti), "the nodes put it back");
    }

    /**
     * Seen once: a partition of the newly formed cluster stayed "migrating" for minutes, and the clear gave up after
     * the client's 120 s. The members give up on a stalled migration after 300 s (Hazelcast's
     * hazelcast.partition.migration.timeout): the clear is tried three times, this call only.
     */
    private static void clearWaitingOutAMigration(ReplicatedMap<String, byte[]> map) {
        for (int attempt = 1; ; attempt++) {
            try {
                map.clear();
                return;
            } catch (OperationTimeoutException stillMigrating) {
                if (attempt == 3) {
                    throw stillMigrating;
                }
            }
        }
    }

    /**
     * Payara runs an asadmin command that any member or client submits to its executor (AsAdminCallable). The
     * deserialization filter of payara-config refuses the task: the command never runs, and the app stays.
     */
    @Test
    @Order(Integer.MAX_VALUE - 1) // late: should it run, it would undeploy the app
    void anAdminCommandSentThroughTheGridDoesNotRun() throws Exception {
        Callable<?> undeploy = asAdminCallable("undeploy", "payara-cognito");
        for (Member member : outsider.getCluster().getMembers()) {
            Exception refused = assertThrows(Exception.class, () -> outsider
                    .getExecutorService("payara-cluster-execution").submitToMember(undeploy, member)
                    .get(30, TimeUnit.SECONDS));
            assertTrue(String.valueOf(causes(refused)).contains("REJECTED"), "refused by the filter: "
                    + causes(refused));
        }
        for (PayaraNode node : NODES) {
            assertEquals(200, get(node.uri(), "/api/status", "").statusCode(), node.name() + " still serves the app");
        }
    }

    /**
     * What Payara cannot refuse, shown: the same command in Hazelcast's Compact form, which a member makes from the
     * class name and fields it is sent, without Java serialization and so without the filter. Payara's Hazelcast
     * configuration gives no way to restrict that but a Hazelcast file of one's own (docs/security.md, "Attacker on
     * the grid"): the network rule is what keeps such a sender out. Should a Payara version refuse it, this fails,
     * and the docs can say so.
     */
    @Test
    @Order(Integer.MAX_VALUE) // last: it undeploys the app on the member it reaches
    void anAdminCommandInHazelcastsCompactFormIsNotRefusedByPayara() throws Exception {
        Member first = outsider.getCluster().getMembers().iterator().next();
        outsider.getExecutorService("payara-cluster-execution")
                .submitToMember(new AdminCommand("undeploy", new String[] {"payara-cognito"}), first)
                .get(60, TimeUnit.SECONDS);
        List<Integer> statuses = new ArrayList<>();
        for (PayaraNode node : NODES) {
            statuses.add(get(node.uri(), "/api/status", "").statusCode());
        }
        assertTrue(statuses.contains(404), "both nodes still serve the app (" + statuses
                + "): Payara refuses Compact tasks now; update docs/security.md");
    }

    /** An asadmin command as the outsider writes it: Payara's AsAdminCallable's fields, in Compact form. */
    record AdminCommand(String command, String[] args) implements Callable<Object> {
        @Override
        public Object call() {
            throw new UnsupportedOperationException("runs on the member, if at all");
        }
    }

    static final class AdminCommandAsPayarasCallable implements CompactSerializer<AdminCommand> {
        @Override
        public AdminCommand read(CompactReader in) {
            return new AdminCommand(in.readString("command"), in.readArrayOfString("args"));
        }

        @Override
        public void write(CompactWriter out, AdminCommand command) {
            out.writeString("command", command.command());
            out.writeArrayOfString("args", command.args());
        }

        @Override
        public String getTypeName() {
            return "fish.payara.appserver.micro.services.command.AsAdminCallable";
        }

        @Override
        public Class<AdminCommand> getCompactClass() {
            return AdminCommand.class;
        }
    }

    /** The grid listens on the address it was given (loopback here), not on every address of the machine. */
    @Test
    void theGridListensOnItsInterfaceOnly() throws Exception {
        Optional<InetAddress> elsewhere = Collections.list(NetworkInterface.getNetworkInterfaces()).stream()
                .flatMap(NetworkInterface::inetAddresses)
                .filter(address -> address instanceof Inet4Address && !address.isLoopbackAddress()).findFirst();
        org.junit.jupiter.api.Assumptions.assumeTrue(elsewhere.isPresent(), "this machine has no other address");
        try (Socket socket = new Socket()) {
            assertThrows(IOException.class, () -> socket.connect(new InetSocketAddress(elsewhere.get(),
                    grid.firstPort()), 2000), "the grid answers on " + elsewhere.get());
        }
        try (Socket socket = new Socket()) {
            socket.connect(new InetSocketAddress("127.0.0.1", grid.firstPort()), 2000);
        }
    }

    /**
     * The session as the grid holds it once the last request's write has landed (Payara writes the session after
     * the response): a copy older than a node's own would not be loaded by that node.
     */
    private static Raw settled(IMap<String, Object> sessions, String id) throws InterruptedException {
        Raw before = (Raw) sessions.get(id);
        while (true) {
            Thread.sleep(300);
            Raw now = (Raw) sessions.get(id);
            if (java.util.Arrays.equals(before.bytes(), now.bytes())) {
                return now;
            }
            before = now;
        }
    }

    /** Every key and value of every map of the grid, as text (values Payara serialized, as their bytes). */
    private static String everythingInTheGrid() {
        StringBuilder text = new StringBuilder();
        for (DistributedObject object : outsider.getDistributedObjects()) {
            try {
                Map<?, ?> entries = object instanceof IMap<?, ?> map ? new HashMap<>(map)
                        : object instanceof ReplicatedMap<?, ?> map ? new HashMap<>(map) : Map.of();
                entries.forEach((key, value) -> text.append(key).append('=').append(asText(value)).append('\n'));
            } catch (RuntimeException unreadable) {
                // a map of Payara's own types, which a plain client cannot read: not the sessions' (asserted below)
                assertNotEquals(SESSIONS, object.getName(), unreadable.toString());
            }
        }
        assertTrue(text.length() > 1000, "the grid holds the sessions: " + text.length() + " characters");
        return text.toString();
    }

    private static String asText(Object value) {
        byte[] bytes = value instanceof Raw raw ? raw.bytes() : value instanceof byte[] array ? array : null;
        return bytes == null ? String.valueOf(value) : new String(bytes, StandardCharsets.ISO_8859_1);
    }

    /** Where a value sealed with the grid's session key starts: the layout's byte, the key id's length and bytes. */
    private static byte[] sealedRecordStart() {
        byte[] id = grid.sessionKey().substring(0, grid.sessionKey().indexOf(':')).getBytes(StandardCharsets.US_ASCII);
        byte[] start = new byte[2 + id.length];
        start[0] = 1;
        start[1] = (byte) id.length;
        System.arraycopy(id, 0, start, 2, id.length);
        return start;
    }

    /**
     * Makes the stored session the newest of all copies, so that a node loads it rather than keep its own: Payara's
     * {@code SimpleMetadata} holds its version (a long) just before the session's bytes (a {@code byte[]}).
     */
    private static void newest(byte[] session) {
        int state = indexOf(session, new byte[] {0x75, 0x72, 0x00, 0x02, '[', 'B'});
        assertTrue(state > 8, "SimpleMetadata's state");
        java.nio.ByteBuffer.wrap(session, state - 8, 8).putLong(Long.MAX_VALUE / 2);
    }

    private static int indexOf(byte[] bytes, byte[] part) {
        outer:
        for (int i = 0; i <= bytes.length - part.length; i++) {
            for (int j = 0; j < part.length; j++) {
                if (bytes[i + j] != part[j]) {
                    continue outer;
                }
            }
            return i;
        }
        return -1;
    }

    /** Payara's AsAdminCallable, loaded from the Payara Micro jar the tests run. */
    private static Callable<?> asAdminCallable(String command, String... arguments) throws Exception {
        Path payara = Path.of(System.getProperty("payara.micro.jar"));
        Path service = Files.createTempFile("payara-micro-service", ".jar");
        try (ZipFile jar = new ZipFile(payara.toFile())) {
            var entry = jar.stream().filter(e -> e.getName().matches("MICRO-INF/runtime/payara-micro-service-.*\\.jar"))
                    .findFirst().orElseThrow();
            Files.copy(jar.getInputStream(entry), service, StandardCopyOption.REPLACE_EXISTING);
        }
        URLClassLoader loader = new URLClassLoader(new URL[] {service.toUri().toURL(), payara.toUri().toURL()},
                GridOutsiderIT.class.getClassLoader());
        return (Callable<?>) loader.loadClass("fish.payara.appserver.micro.services.command.AsAdminCallable")
                .getConstructor(String.class, String[].class).newInstance(command, arguments);
    }

    private static List<String> causes(Throwable error) {
        List<String> messages = new ArrayList<>();
        for (Throwable cause = error; cause != null; cause = cause.getCause()) {
            messages.add(cause.getClass().getSimpleName() + ": " + cause.getMessage());
        }
        return messages;
    }

    private WebClient browser() {
        return cluster.browser();
    }

    private static HtmlPage signIn(WebClient browser, String user, String password) throws Exception {
        return TwoNodeCluster.signIn(browser, user, password);
    }

    private static HtmlPage profile(WebClient browser) throws Exception {
        return browser.getPage(APP + PROFILE);
    }

    private static String cookie(WebClient browser, String name) {
        return TwoNodeCluster.cookie(browser, name);
    }

    /**
     * Payara's session version cookie, one past any node's copy: the node serving the request then loads the
     * session from the grid (a client chooses this cookie freely).
     */
    private static String newerVersion(WebClient browser) {
        String version = cookie(browser, "JSESSIONIDVERSION");
        int colon = version.lastIndexOf(':');
        return "JSESSIONIDVERSION=" + version.substring(0, colon + 1)
                + (Long.parseLong(version.substring(colon + 1)) + 1000);
    }

    /** The browser's session and binding cookies, with {@code version} for the session's version. */
    private static String cookies(WebClient browser, String version) {
        return "JSESSIONID=" + cookie(browser, "JSESSIONID") + "; SESSION_BINDING=" + cookie(browser, "SESSION_BINDING")
                + "; " + version;
    }

    private HttpResponse<String> get(URI node, String path, String cookies) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(node.resolve(path));
        if (!cookies.isEmpty()) {
            request.header("Cookie", cookies);
        }
        return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    private HttpResponse<String> api(PayaraNode node, String accessToken) throws Exception {
        return http.send(HttpRequest.newBuilder(node.uri().resolve("/api/me"))
                .header("Authorization", "Bearer " + accessToken).build(), HttpResponse.BodyHandlers.ofString());
    }

    private static String signatureOf(String token) {
        return token.substring(token.lastIndexOf('.') + 1);
    }

    private static String claim(String jwt, String name) {
        String payload = new String(Base64.getUrlDecoder().decode(jwt.split("\\.")[1]), StandardCharsets.UTF_8);
        java.util.regex.Matcher value = java.util.regex.Pattern.compile("\"" + name + "\":\"([^\"]+)\"").matcher(payload);
        assertTrue(value.find(), name + " in " + payload);
        return value.group(1);
    }

    private static void awaitTrue(java.util.function.BooleanSupplier condition, String what) throws Exception {
        for (int i = 0; i < 100 && !condition.getAsBoolean(); i++) {
            Thread.sleep(100);
        }
        assertTrue(condition.getAsBoolean(), what);
    }

    /** A value Payara's own serializer wrote (Hazelcast type id 1), as its bytes. */
    record Raw(byte[] bytes) {}

    /** Payara's type id, read and written as the bytes it is (Hazelcast's inputs are streams). */
    static final class RawSerializer implements StreamSerializer<Raw> {

        @Override
        public int getTypeId() {
            return 1;
        }

        @Override
        public void write(ObjectDataOutput out, Raw raw) throws IOException {
            out.write(raw.bytes());
        }

        @Override
        public Raw read(ObjectDataInput in) throws IOException {
            return new Raw(((InputStream) in).readAllBytes());
        }
    }
}
