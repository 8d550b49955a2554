package dev.payaracognito.bench;

import dev.payaracognito.localcognito.Endpoint;
import dev.payaracognito.localcognito.LocalCognito;
import dev.payaracognito.testing.AppDeployment;
import dev.payaracognito.testing.GridProbeServlet;
import dev.payaracognito.testing.PayaraNode;
import dev.payaracognito.testing.RoundRobinBalancer;
import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.jboss.shrinkwrap.api.exporter.ZipExporter;

/**
 * {@code ./mvnw -Pcluster-bench}: two Payara Micro nodes in one data grid behind a round-robin balancer, with the
 * local Cognito. N users sign in at once through the hosted UI, then keep browsing; one node is killed under load.
 * Prints a Markdown table: what anonymous hits at a protected page cost the grid (each starts a sign-in), sign-ins
 * per second, sign-in latency (p50, p95), bytes the grid holds per signed-in session, requests and errors while
 * browsing, and how many users had to sign in again after the kill.
 * Arguments: [users] [seconds of browsing] [anonymous hits]; defaults 200, 60 and 100,000.
 */
public final class ClusterLoad {

    private static final String APP = AppDeployment.APP;
    private static final Pattern CSRF = Pattern.compile("name=\"_csrf\" value=\"([^\"]+)\"");
    private static final Pattern ACTION = Pattern.compile("<form[^>]*name=\"signInForm\"[^>]*action=\"([^\"]+)\"");
    /** The web sessions' map has no name of its own in the grid (Payara's, for the context root /). */
    private static final String WEB_SESSIONS = "(web sessions)";

    private final LocalCognito cognito;
    private final List<PayaraNode> nodes = new ArrayList<>();
    private final AtomicInteger errors = new AtomicInteger();
    private final AtomicLong browsed = new AtomicLong();
    private final Map<Integer, Boolean> signedInAgain = new ConcurrentHashMap<>();
    private final Map<String, Integer> failures = new ConcurrentHashMap<>();

    private ClusterLoad(LocalCognito cognito) {
        this.cognito = cognito;
    }

    public static void main(String[] args) throws Exception {
        int users = args.length > 0 ? Integer.parseInt(args[0]) : 200;
        int seconds = args.length > 1 ? Integer.parseInt(args[1]) : 60;
        int anonymousHits = args.length > 2 ? Integer.parseInt(args[2]) : 100_000;
        try (LocalCognito cognito = LocalCognito.demo().start()) {
            new ClusterLoad(cognito).run(users, Duration.ofSeconds(seconds), anonymousHits);
        }
        System.exit(0);
    }

    private void run(int users, Duration browsing, int anonymousHits) throws Exception {
        Path directory = Path.of("target", "cluster-bench");
        Files.createDirectories(directory);
        Path war = directory.resolve("payara-cognito.war");
        AppDeployment.war(cognito).addClass(GridProbeServlet.class).as(ZipExporter.class)
                .exportTo(war.toFile(), true);
        PayaraNode.Grid grid = PayaraNode.Grid.ofOwn("cluster-bench", 2);
        for (String name : List.of("node-a", "node-b")) {
            nodes.add(PayaraNode.start(name, PayaraNode.freePort(), grid, Path.of(System.getProperty(
                    "payara.micro.jar")), war, Map.of("APP_NODE_NAME", name), directory));
        }
        try (RoundRobinBalancer balancer = new RoundRobinBalancer(8080, nodes.stream().map(PayaraNode::uri)
                .toList()); ExecutorService people = Executors.newVirtualThreadPerTaskExecutor()) {
            for (PayaraNode node : nodes) {
                if (!node.awaitReady(2, Duration.ofMinutes(3))) {
                    throw new IllegalStateException(node.name() + " did not start: " + node.log());
                }
            }
            warmUp();

            // 0. anonymous visitors (or a client without cookies) at a protected page: each hit starts a sign-in,
            //    whose short-lived session is what it costs the grid
            long[] beforeHits = gridTotals();
            Instant hitsStart = Instant.now();
            int refusedHits = anonymousHits(people, anonymousHits);
            double hitSeconds = Duration.between(hitsStart, Instant.now()).toMillis() / 1000.0;
            long[] afterHits = gridTotals();
            long pendingSessions = afterHits[0] - beforeHits[0];
            long pendingBytes = afterHits[1] - beforeHits[1];

            // 0. everyone types the password at the hosted UI first: the local Cognito's password hashing (PBKDF2,
            //    210,000 iterations, on purpose) is Cognito's cost, not the app's, and would drown the measure
            List<HttpClient> browsers = new ArrayList<>();
            List<BrowserCookies> jars = new ArrayList<>();
            List<Future<Boolean>> passwords = new ArrayList<>();
            for (int i = 0; i < users; i++) {
                BrowserCookies jar = new BrowserCookies();
                jars.add(jar);
                HttpClient browser = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
                        .cookieHandler(jar).followRedirects(HttpClient.Redirect.NEVER)
                        .connectTimeout(Duration.ofSeconds(10)).build();
                browsers.add(browser);
                String user = i % 2 == 0 ? "alice" : "bob";
                passwords.add(people.submit(() -> signIn(browser, user) >= 0));
            }
            for (Future<Boolean> password : passwords) {
                password.get();
            }
            jars.forEach(jar -> jar.forget("JSESSIONID", "JSESSIONIDVERSION")); // the app's session, not Cognito's
            errors.set(0);
            failures.clear();

            // 1. everyone signs in to the app at once (Cognito's own session answers the hosted UI)
            Map<String, long[]> mapsBefore = gridMaps();
            long[] before = total(mapsBefore);
            Instant start = Instant.now();
            List<Future<Long>> signIns = new ArrayList<>();
            for (int i = 0; i < users; i++) {
                HttpClient browser = browsers.get(i);
                String user = i % 2 == 0 ? "alice" : "bob";
                signIns.add(people.submit(() -> signIn(browser, user)));
            }
            List<Long> latencies = new ArrayList<>();
            for (Future<Long> signIn : signIns) {
                latencies.add(signIn.get());
            }
            double signInSeconds = Duration.between(start, Instant.now()).toMillis() / 1000.0;
            long failedSignIns = latencies.stream().filter(latency -> latency < 0).count();
            List<Long> sorted = latencies.stream().filter(latency -> latency >= 0).sorted().toList();

            // 2. what the grid holds more per signed-in session (the entries of the sign-in's sessions)
            Map<String, long[]> mapsAfter = gridMaps();
            long[] after = total(mapsAfter);
            long sessionsAdded = webSessions(mapsAfter) - webSessions(mapsBefore);
            long bytesPerSignIn = (after[1] - before[1]) / Math.max(1, users - failedSignIns);
            String bytesByMap = growthByMap(mapsBefore, mapsAfter, users - failedSignIns);

            // 3. everyone keeps browsing; a node dies two thirds of the way through
            int authorizationsBefore = cognito.requests(Endpoint.AUTHORIZE);
            Instant end = Instant.now().plus(browsing);
            List<Future<?>> browsingUsers = new ArrayList<>();
            for (int i = 0; i < users; i++) {
                int person = i;
                browsingUsers.add(people.submit(() -> browse(browsers.get(person), person, end)));
            }
            Thread.sleep(browsing.toMillis() * 2 / 3);
            nodes.get(0).kill();
            Instant killedAt = Instant.now();
            for (Future<?> user : browsingUsers) {
                user.get();
            }
            int authorizationsDuring = cognito.requests(Endpoint.AUTHORIZE) - authorizationsBefore;

            System.out.printf("""

                    | anonymous hits at a protected page (2 nodes, no cookies) | value |
                    |---|---:|
                    | hits / per second / not sent to sign in | %d / %.0f / %d |
                    | sessions added to the grid / grid growth (bytes) | %d / %d |
                    | bytes per pending sign-in | %d |
                    """, anonymousHits, anonymousHits / hitSeconds, refusedHits, pendingSessions, pendingBytes,
                    pendingBytes / Math.max(1, pendingSessions));
            System.out.printf("""

                    | measure (%d users, 2 nodes, round-robin, %d s of browsing) | value |
                    |---|---:|
                    | sign-ins per second (all at once) | %.1f |
                    | sign-in latency p50 / p95 (ms) | %d / %d |
                    | failed sign-ins | %d |
                    | sessions added to the grid / bytes per signed-in session | %d / %d |
                    | pages browsed / errors | %d / %d |
                    | node killed (SIGKILL) after | %d s of browsing |
                    | users who had to sign in again | %d |
                    | authorization requests at Cognito while browsing | %d |

                    Password checks at the local Cognito were made before the measured sign-ins (each browser
                    then holds Cognito's own session, as after a first sign-in), so the sign-ins measure the app:
                    authorize, callback, token exchange, validation, the session stored in the grid.
                    """, users, browsing.toSeconds(), users / signInSeconds, percentile(sorted, 50),
                    percentile(sorted, 95), failedSignIns, sessionsAdded, bytesPerSignIn,
                    browsed.get(), errors.get(), browsing.toSeconds() * 2 / 3, signedInAgain.size(),
                    authorizationsDuring);
            System.out.println("bytes per signed-in session, by map of the grid: " + bytesByMap);
            System.out.println("(node-a killed at " + killedAt + "; the logs are in " + directory + ")");
            failures.forEach((why, count) -> System.out.println("errors: " + count + " × " + why));
        } finally {
            for (PayaraNode node : nodes) {
                node.close();
            }
        }
    }

    /**
     * {@code hits} GETs of a protected page without cookies, 32 at a time, half to each node; how many were not
     * sent to sign in (anything but a 302 to Cognito).
     */
    private int anonymousHits(ExecutorService people, int hits) throws Exception {
        HttpClient anonymous = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
                .followRedirects(HttpClient.Redirect.NEVER).build();
        AtomicInteger next = new AtomicInteger();
        AtomicInteger refused = new AtomicInteger();
        List<Future<?>> visitors = new ArrayList<>();
        for (int visitor = 0; visitor < 32; visitor++) {
            visitors.add(people.submit(() -> {
                for (int hit = next.getAndIncrement(); hit < hits; hit = next.getAndIncrement()) {
                    URI page = nodes.get(hit % 2).uri().resolve("/secure/profile.xhtml");
                    try {
                        HttpResponse<Void> answer = anonymous.send(HttpRequest.newBuilder(page).build(),
                                HttpResponse.BodyHandlers.discarding());
                        if (answer.statusCode() != 302 || !answer.headers().firstValue("Location").orElse("")
                                .startsWith(cognito.domain())) {
                            refused.incrementAndGet();
                        }
                    } catch (IOException e) {
                        refused.incrementAndGet();
                    }
                }
                return null;
            }));
        }
        for (Future<?> visitor : visitors) {
            visitor.get();
        }
        return refused.get();
    }

    /** One sign-in per node first, so that the measured ones do not pay for the first page's compilation. */
    private void warmUp() throws Exception {
        for (int i = 0; i < 4; i++) {
            signIn(HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).cookieHandler(new BrowserCookies()).followRedirects(HttpClient.Redirect.NEVER)
                    .build(), "alice");
        }
    }

    /**
     * Through the hosted UI as a browser does it, typing the password if Cognito asks for it; the milliseconds it
     * took, or -1 if it failed.
     */
    private long signIn(HttpClient browser, String user) {
        long start = System.nanoTime();
        try {
            HttpResponse<String> page = follow(browser, get(APP + "/secure/profile.xhtml"));
            Matcher csrf = CSRF.matcher(page.body());
            Matcher action = ACTION.matcher(page.body());
            if (csrf.find() && action.find()) {
                String form = "_csrf=" + encode(csrf.group(1)) + "&username=" + user + "&password="
                        + encode(user.equals("bob") ? "Bob-Passw0rd!" : "Alice-Passw0rd!");
                URI post = page.uri().resolve(action.group(1).replace("&amp;", "&"));
                page = follow(browser, HttpRequest.newBuilder(post)
                        .header("Content-Type", "application/x-www-form-urlencoded")
                        .POST(HttpRequest.BodyPublishers.ofString(form)).timeout(Duration.ofSeconds(60)).build());
            }
            if (page.statusCode() != 200 || !page.body().contains("id=\"username\">" + user + "<")) {
                return failed("not the profile: " + page.uri().getPath() + " (" + page.statusCode() + ")");
            }
            return (System.nanoTime() - start) / 1_000_000;
        } catch (IOException | InterruptedException e) {
            return failed(e.getClass().getSimpleName());
        }
    }

    private long failed(String why) {
        errors.incrementAndGet();
        failures.merge("sign-in: " + why, 1, Integer::sum);
        return -1;
    }

    private void browse(HttpClient browser, int person, Instant end) {
        while (Instant.now().isBefore(end)) {
            try {
                HttpResponse<String> page = browser.send(get(APP + "/secure/profile.xhtml"),
                        HttpResponse.BodyHandlers.ofString());
                browsed.incrementAndGet();
                if (page.statusCode() == 302 && page.headers().firstValue("Location").orElse("")
                        .startsWith(cognito.domain())) {
                    signedInAgain.put(person, true);
                    follow(browser, get(page.headers().firstValue("Location").orElseThrow()));
                } else if (page.statusCode() != 200) {
                    browsingError("status " + page.statusCode());
                }
                Thread.sleep(500);
            } catch (IOException e) {
                browsingError(e.getClass().getSimpleName());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
        }
    }

    private void browsingError(String what) {
        errors.incrementAndGet();
        failures.merge("browsing: " + what, 1, Integer::sum);
    }

    /** Follows redirects (a 302 after a POST becomes a GET), as a browser does. */
    private static HttpResponse<String> follow(HttpClient browser, HttpRequest request)
            throws IOException, InterruptedException {
        HttpResponse<String> response = browser.send(request, HttpResponse.BodyHandlers.ofString());
        for (int hops = 0; hops < 10 && response.statusCode() / 100 == 3; hops++) {
            URI next = response.uri().resolve(response.headers().firstValue("Location").orElseThrow());
            response = browser.send(get(next.toString()), HttpResponse.BodyHandlers.ofString());
        }
        return response;
    }

    /** The grid's maps, as its members hold them: {entries, bytes}. */
    private long[] gridTotals() throws Exception {
        return total(gridMaps());
    }

    private static long[] total(Map<String, long[]> maps) {
        return maps.values().stream().reduce(new long[2], (sum, map) -> new long[] {sum[0] + map[0], sum[1] + map[1]});
    }

    /** What the grid's members hold of each map: {entries, bytes} by name; Hazelcast's own maps left out. */
    private Map<String, long[]> gridMaps() throws Exception {
        Map<String, long[]> maps = new TreeMap<>();
        for (PayaraNode node : nodes) {
            String lines = HttpClient.newHttpClient().send(get(node.uri().resolve("/test/grid").toString()),
                    HttpResponse.BodyHandlers.ofString()).body();
            for (String line : lines.split("\n")) {
                int bytesAt = line.lastIndexOf(' ');
                int entriesAt = line.lastIndexOf(' ', bytesAt - 1);
                String name = entriesAt < 0 ? "" : line.substring(0, entriesAt);
                if (entriesAt >= 0 && !name.startsWith("__")) {
                    long[] sum = maps.computeIfAbsent(name.isEmpty() ? WEB_SESSIONS : name, map -> new long[2]);
                    sum[0] += Long.parseLong(line.substring(entriesAt + 1, bytesAt));
                    sum[1] += Long.parseLong(line.substring(bytesAt + 1));
                }
            }
        }
        return maps;
    }

    private static long webSessions(Map<String, long[]> maps) {
        return maps.getOrDefault(WEB_SESSIONS, new long[2])[0];
    }

    /** The bytes each map grew by between two readings, per session: "name bytes, ..." for the maps that grew. */
    private static String growthByMap(Map<String, long[]> before, Map<String, long[]> after, long sessions) {
        return after.entrySet().stream()
                .map(map -> Map.entry(map.getKey(), map.getValue()[1] - before.getOrDefault(map.getKey(), new long[2])[1]))
                .filter(growth -> growth.getValue() > 0)
                .map(growth -> growth.getKey() + " " + growth.getValue() / Math.max(1, sessions))
                .collect(Collectors.joining(", "));
    }

    private static long percentile(List<Long> sorted, int percent) {
        return sorted.isEmpty() ? 0 : sorted.get(Math.min(sorted.size() - 1, sorted.size() * percent / 100));
    }

    private static HttpRequest get(String uri) {
        return HttpRequest.newBuilder(URI.create(uri)).timeout(Duration.ofSeconds(60)).build();
    }

    private static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }
}
