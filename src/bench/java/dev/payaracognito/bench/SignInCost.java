package dev.payaracognito.bench;

import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * What a browser sign-in costs a running app, with the local Cognito: the round trip (protected page, the hosted
 * UI's form, the password posted, the callback, the page again, as a browser without cookies does it; p50 and p95,
 * and the app's share of it: the time its own answers took), then the heap each signed-in session keeps after a full
 * collection, once signed in and once it has shown 20 pages (Faces keeps views in the session), with the classes
 * that grew most. Run by the source launcher of Java 22+, against the app and the local Cognito that
 * src/bench/load/peers.sh (or {@code ./mvnw -Pdemo}) starts:
 * <pre>java src/bench/java/dev/payaracognito/bench/SignInCost.java http://localhost:8080 app-pid [sign-ins]</pre>
 * Prints one line per measure, "name value"; the sessions it makes stay signed in (their heap is the measure).
 */
public final class SignInCost {

    private static final Pattern CSRF = Pattern.compile("name=\"_csrf\" value=\"([^\"]+)\"");
    private static final Pattern ACTION = Pattern.compile("<form[^>]*name=\"signInForm\"[^>]*action=\"([^\"]+)\"");
    private static final Pattern HISTOGRAM_LINE = Pattern.compile("^\\s*\\d+:\\s+(\\d+)\\s+(\\d+)\\s+(\\S+)");
    /**
     * Dead space, not objects: the JVM fills unused stretches of the heap with these (JDK 19 and later) and the class
     * histogram counts them, by tens of kilobytes per session between two readings, with nothing of a session in them.
     */
    private static final List<String> FILLERS = List.of("[Ljdk.internal.vm.FillerElement;",
            "jdk.internal.vm.FillerObject");
    private static final int WARM_UP = 30;
    private static final int BROWSED = 19;
    private static final long CONNECTIONS_CLOSE = 500;

    /**
     * One connection pool for every browser: a browser here is its cookies, the client's start is not measured. Made
     * anew before each reading of the heap ({@link #liveHeapWithoutConnections}).
     */
    private HttpClient http = newClient();
    private final URI app;
    /** Time spent in the app's answers (the rest of a sign-in is the local Cognito's and the client's). */
    private long appNanos;

    private SignInCost(URI app) {
        this.app = app;
    }

    public static void main(String[] args) throws Exception {
        if (args.length < 2) {
            System.err.println("usage: SignInCost app-url app-pid [sign-ins, default 300]");
            System.exit(2);
        }
        String pid = args[1];
        int signIns = args.length > 2 ? Integer.parseInt(args[2]) : 300;
        SignInCost cost = new SignInCost(URI.create(args[0]));
        for (int i = 0; i < WARM_UP; i++) {
            cost.signIn(new BrowserCookies());
        }
        // the heap is read at five points of each phase, and the bytes per session are the median growth of the four
        // intervals: a full collection's live heap also jumps by megabytes from one reading to another
        List<Long> micros = new ArrayList<>();
        List<Long> appMicros = new ArrayList<>();
        List<BrowserCookies> browsers = new ArrayList<>();
        Slope signedIn = new Slope();
        Map<String, long[]> before = cost.liveHeapWithoutConnections(pid);
        signedIn.add(0, before);
        for (int i = 1; i <= signIns; i++) {
            BrowserCookies browser = new BrowserCookies();
            long[] took = cost.signIn(browser);
            micros.add(took[0]);
            appMicros.add(took[1]);
            browsers.add(browser);
            if (i % (signIns / 4) == 0) {
                signedIn.add(i, cost.liveHeapWithoutConnections(pid));
            }
        }
        Map<String, long[]> after = cost.liveHeapWithoutConnections(pid);
        micros.sort(Comparator.naturalOrder());
        appMicros.sort(Comparator.naturalOrder());
        System.out.printf("sign-in-p50-ms %.1f%n", percentile(micros, 50) / 1000.0);
        System.out.printf("sign-in-p95-ms %.1f%n", percentile(micros, 95) / 1000.0);
        System.out.printf("sign-in-app-share-p50-ms %.1f%n", percentile(appMicros, 50) / 1000.0);
        System.out.printf("heap-per-session-bytes %.0f%n", signedIn.perStep());
        printGrowth(before, after, signIns);

        // each session then shows BROWSED more pages, as someone who uses the app: Faces keeps views in the session
        Slope browsedSessions = new Slope();
        browsedSessions.add(0, after);
        for (int i = 1; i <= signIns; i++) {
            for (int page = 0; page < BROWSED; page++) {
                cost.profile(browsers.get(i - 1));
            }
            if (i % (signIns / 4) == 0) {
                browsedSessions.add(i, cost.liveHeapWithoutConnections(pid));
            }
        }
        System.out.printf("heap-per-session-after-%d-pages-bytes %.0f%n", BROWSED + 1,
                signedIn.perStep() + browsedSessions.perStep());
        printGrowth(after, cost.liveHeapWithoutConnections(pid), signIns);
    }

    /**
     * The heap's growth per session between readings: the median of each interval's, so that a jump of the live
     * heap that has nothing to do with the sessions (a cache cleared or filled, buffers) moves one interval only.
     */
    private static final class Slope {
        private final List<double[]> points = new ArrayList<>();

        void add(int count, Map<String, long[]> heap) {
            points.add(new double[] {count, heap.get("Total")[1]});
        }

        double perStep() {
            List<Double> slopes = new ArrayList<>();
            for (int i = 1; i < points.size(); i++) {
                slopes.add((points.get(i)[1] - points.get(i - 1)[1]) / (points.get(i)[0] - points.get(i - 1)[0]));
            }
            slopes.sort(Comparator.naturalOrder());
            int middle = slopes.size() / 2;
            return slopes.size() % 2 == 1 ? slopes.get(middle) : (slopes.get(middle - 1) + slopes.get(middle)) / 2;
        }
    }

    /** The classes that grew most from {@code before} to {@code after}, per session. */
    private static void printGrowth(Map<String, long[]> before, Map<String, long[]> after, int signIns) {
        after.entrySet().stream().filter(entry -> !entry.getKey().equals("Total"))
                .map(entry -> Map.entry(entry.getKey(), new long[] {entry.getValue()[1]
                        - before.getOrDefault(entry.getKey(), new long[2])[1], entry.getValue()[0]
                        - before.getOrDefault(entry.getKey(), new long[2])[0]}))
                .sorted(Comparator.comparingLong(grown -> -Math.abs(grown.getValue()[0]))).limit(12)
                .forEach(grown -> System.out.printf("heap-per-session-by-class %s %d bytes, %.2f objects%n",
                        grown.getKey(), grown.getValue()[0] / signIns, (double) grown.getValue()[1] / signIns));
    }

    /**
     * alice signed in by a browser that has no cookie yet, from the protected page to the page itself; the
     * microseconds it took. Throws if the page at the end is not alice's profile.
     */
    private long[] signIn(BrowserCookies cookies) throws IOException, InterruptedException {
        appNanos = 0;
        long start = System.nanoTime();
        HttpResponse<String> page = follow(cookies, get(app.resolve("/secure/profile.xhtml")));
        Matcher csrf = CSRF.matcher(page.body());
        Matcher action = ACTION.matcher(page.body());
        if (!csrf.find() || !action.find()) {
            throw new IllegalStateException("not the hosted UI's form: " + page.uri());
        }
        String form = "_csrf=" + encode(csrf.group(1)) + "&username=alice&password=" + encode("Alice-Passw0rd!");
        page = follow(cookies, HttpRequest.newBuilder(page.uri().resolve(action.group(1).replace("&amp;", "&")))
                .header("Content-Type", "application/x-www-form-urlencoded").timeout(Duration.ofSeconds(30))
                .POST(HttpRequest.BodyPublishers.ofString(form)));
        requireProfile(page);
        return new long[] {(System.nanoTime() - start) / 1000, appNanos / 1000};
    }

    /** The profile page, shown to the browser's session. */
    private void profile(BrowserCookies cookies) throws IOException, InterruptedException {
        requireProfile(send(cookies, get(app.resolve("/secure/profile.xhtml"))));
    }

    private static void requireProfile(HttpResponse<String> page) {
        if (page.statusCode() != 200 || !page.body().contains("<dd id=\"username\">alice</dd>")) {
            throw new IllegalStateException("not alice's profile: " + page.uri() + " " + page.statusCode());
        }
    }

    /** Sends with the browser's cookies and follows redirects as a browser does (a 302 after a POST: a GET). */
    private HttpResponse<String> follow(BrowserCookies cookies, HttpRequest.Builder request)
            throws IOException, InterruptedException {
        HttpResponse<String> response = send(cookies, request);
        for (int hops = 0; hops < 10 && response.statusCode() / 100 == 3; hops++) {
            response = send(cookies, get(response.uri().resolve(response.headers().firstValue("Location")
                    .orElseThrow())));
        }
        return response;
    }

    private HttpResponse<String> send(BrowserCookies cookies, HttpRequest.Builder request)
            throws IOException, InterruptedException {
        HttpRequest built = request.copy().build();
        cookies.get(built.uri(), Map.of()).forEach((name, values) -> values.forEach(v -> request.header(name, v)));
        long start = System.nanoTime();
        HttpResponse<String> response = http.send(request.build(), HttpResponse.BodyHandlers.ofString());
        if (built.uri().getAuthority().equals(app.getAuthority())) {
            appNanos += System.nanoTime() - start;
        }
        cookies.put(response.uri(), response.headers().map());
        return response;
    }

    private static HttpRequest.Builder get(URI uri) {
        return HttpRequest.newBuilder(uri).timeout(Duration.ofSeconds(30));
    }

    /**
     * {@link #liveHeap} with none of this client's connections open: the server keeps buffers for each open one
     * (Grizzly's, tens of kilobytes), and a reading taken while the pool held one more connection than at the last
     * counted them as the sessions' (19.2 KB a session in one run, 15.7–16.3 in three others of the same code). The
     * client is closed, which closes its connections, and the next sign-in opens new ones.
     */
    private Map<String, long[]> liveHeapWithoutConnections(String pid) throws IOException, InterruptedException {
        http.close();
        http = newClient();
        // the server closes its end when it reads the client's, on its own thread: a moment for it before the reading
        Thread.sleep(CONNECTIONS_CLOSE);
        return liveHeap(pid);
    }

    private static HttpClient newClient() {
        return HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).followRedirects(HttpClient.Redirect.NEVER)
                .connectTimeout(Duration.ofSeconds(10)).build();
    }

    /**
     * The app's live objects by class, {instances, bytes}, "Total" among them: jcmd's class histogram, which
     * collects the whole heap first, less the heap's {@link #FILLERS}.
     */
    private static Map<String, long[]> liveHeap(String pid) throws IOException, InterruptedException {
        String jcmdOfThisJdk = Path.of(System.getProperty("java.home"), "bin", "jcmd").toString();
        Process jcmd = new ProcessBuilder(jcmdOfThisJdk, pid, "GC.class_histogram").redirectErrorStream(true).start();
        Map<String, long[]> classes = new HashMap<>();
        for (String line : new String(jcmd.getInputStream().readAllBytes(), StandardCharsets.UTF_8).split("\n")) {
            Matcher row = HISTOGRAM_LINE.matcher(line);
            if (row.find()) {
                classes.merge(row.group(3), new long[] {Long.parseLong(row.group(1)), Long.parseLong(row.group(2))},
                        (a, b) -> new long[] {a[0] + b[0], a[1] + b[1]});
            } else if (line.startsWith("Total")) {
                String[] field = line.trim().split("\\s+");
                classes.put("Total", new long[] {Long.parseLong(field[1]), Long.parseLong(field[2])});
            }
        }
        if (jcmd.waitFor() != 0 || !classes.containsKey("Total")) {
            throw new IllegalStateException("jcmd " + pid + " GC.class_histogram failed");
        }
        for (String filler : FILLERS) {
            long[] dead = classes.remove(filler);
            if (dead != null) {
                classes.computeIfPresent("Total", (total, live) -> new long[] {live[0] - dead[0], live[1] - dead[1]});
            }
        }
        return classes;
    }

    private static long percentile(List<Long> sorted, int percent) {
        return sorted.get(Math.min(sorted.size() - 1, sorted.size() * percent / 100));
    }

    private static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }
}
