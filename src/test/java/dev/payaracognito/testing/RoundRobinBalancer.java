package dev.payaracognito.testing;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The least a load balancer can do: every request to the next node in turn, with no stickiness at all (two
 * requests of one browser in a row go to two nodes, the sign-in's callback included). A node that cannot be
 * reached is skipped, as a real balancer's health check would, so that losing a node loses no request.
 */
public final class RoundRobinBalancer implements AutoCloseable {

    /** Headers that belong to one hop, or that the JDK's client sets itself. */
    private static final Set<String> HOP = Set.of("connection", "content-length", "expect", "host", "keep-alive",
            "proxy-connection", "te", "trailer", "transfer-encoding", "upgrade");

    private final List<URI> nodes;
    private final AtomicLong turn = new AtomicLong();
    private final Map<URI, AtomicInteger> served = new ConcurrentHashMap<>();
    private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .followRedirects(HttpClient.Redirect.NEVER).connectTimeout(Duration.ofSeconds(2)).build();
    private final HttpServer server;
    private final ExecutorService executor = Executors.newVirtualThreadPerTaskExecutor();

    public RoundRobinBalancer(int port, List<URI> nodes) throws IOException {
        this.nodes = List.copyOf(nodes);
        nodes.forEach(node -> served.put(node, new AtomicInteger()));
        server = HttpServer.create(new InetSocketAddress("localhost", port), 128);
        server.setExecutor(executor);
        server.createContext("/", this::forward);
        server.start();
    }

    /** How many requests {@code node} has answered. */
    public int served(URI node) {
        return served.get(node).get();
    }

    private void forward(HttpExchange exchange) throws IOException {
        try (exchange) {
            byte[] body = exchange.getRequestBody().readAllBytes();
            long first = turn.getAndIncrement();
            for (int tries = 0; tries < nodes.size(); tries++) {
                URI node = nodes.get((int) ((first + tries) % nodes.size()));
                HttpResponse<InputStream> answer;
                try {
                    answer = http.send(request(exchange, node, body), HttpResponse.BodyHandlers.ofInputStream());
                } catch (IOException unreachable) {
                    continue; // the next node
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    return;
                }
                served.get(node).incrementAndGet();
                answer.headers().map().forEach((name, values) -> {
                    if (!HOP.contains(name.toLowerCase()) && !name.startsWith(":")) {
                        exchange.getResponseHeaders().put(name, values);
                    }
                });
                try (InputStream in = answer.body()) {
                    byte[] content = in.readAllBytes();
                    exchange.sendResponseHeaders(answer.statusCode(), content.length == 0 ? -1 : content.length);
                    if (content.length > 0) {
                        try (OutputStream out = exchange.getResponseBody()) {
                            out.write(content);
                        }
                    }
                }
                return;
            }
            exchange.sendResponseHeaders(502, -1);
        }
    }

    private static HttpRequest request(HttpExchange exchange, URI node, byte[] body) {
        HttpRequest.Builder request = HttpRequest.newBuilder(node.resolve(exchange.getRequestURI().toString()))
                .timeout(Duration.ofSeconds(30))
                .method(exchange.getRequestMethod(), body.length == 0 ? HttpRequest.BodyPublishers.noBody()
                        : HttpRequest.BodyPublishers.ofByteArray(body));
        exchange.getRequestHeaders().forEach((name, values) -> {
            if (!HOP.contains(name.toLowerCase())) {
                values.forEach(value -> request.header(name, value));
            }
        });
        return request.build();
    }

    @Override
    public void close() {
        server.stop(0);
        executor.shutdownNow();
    }
}
