package dev.payaracognito.localcognito.endpoints;

import com.nimbusds.jose.util.JSONObjectUtils;
import com.sun.net.httpserver.HttpExchange;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.URI;
import java.net.URLDecoder;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;

/** One HTTP request to the pool and its answer: parameters, cookies, and the few kinds of response it gives. */
public final class Exchange {

    private static final int MAX_BODY = 64 * 1024;

    private final HttpExchange http;
    private Map<String, String> form;
    private boolean repeatedParameter;

    Exchange(HttpExchange http) {
        this.http = http;
    }

    String method() {
        return http.getRequestMethod();
    }

    String path() {
        return http.getRequestURI().getPath();
    }

    /** The path as sent, still percent-encoded. */
    String rawPath() {
        return http.getRequestURI().getRawPath();
    }

    String rawQuery() {
        return Optional.ofNullable(http.getRequestURI().getRawQuery()).orElse("");
    }

    Map<String, String> query() {
        return parse(rawQuery());
    }

    /** The {@code application/x-www-form-urlencoded} body; empty for any other content type. */
    Map<String, String> form() throws IOException {
        if (form == null) {
            form = isForm() ? parse(body()) : Map.of();
        }
        return form;
    }

    /** Whether the body is {@code application/x-www-form-urlencoded}, as the token and revoke endpoints require. */
    boolean isForm() {
        String type = header("Content-Type");
        return type != null && type.toLowerCase().startsWith("application/x-www-form-urlencoded");
    }

    /** OAuth 2.0 forbids repeating a parameter; endpoints answer {@code invalid_request} when one was. */
    boolean hadRepeatedParameter() {
        return repeatedParameter;
    }

    String header(String name) {
        return http.getRequestHeaders().getFirst(name);
    }

    Optional<String> cookie(String name) {
        // A client may send its cookies in one Cookie header or in several.
        for (String header : http.getRequestHeaders().getOrDefault("Cookie", List.of())) {
            for (String pair : header.split(";")) {
                String[] kv = pair.trim().split("=", 2);
                if (kv.length == 2 && kv[0].equals(name)) {
                    return Optional.of(kv[1]);
                }
            }
        }
        return Optional.empty();
    }

    void setCookie(String cookie) {
        http.getResponseHeaders().add("Set-Cookie", cookie);
    }

    void json(int status, Map<String, ?> body) throws IOException {
        // Token responses must never be cached (RFC 6749 section 5.1); Cognito sends the same headers.
        http.getResponseHeaders().set("Cache-Control", "no-store");
        http.getResponseHeaders().set("Pragma", "no-cache");
        send(status, "application/json;charset=UTF-8", JSONObjectUtils.toJSONString(body));
    }

    void html(int status, String html) throws IOException {
        http.getResponseHeaders().set("Cache-Control", "no-store");
        send(status, "text/html;charset=UTF-8", html);
    }

    void send(int status, String contentType, String body) throws IOException {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        http.getResponseHeaders().set("Content-Type", contentType);
        http.sendResponseHeaders(status, bytes.length == 0 ? -1 : bytes.length);
        try (OutputStream out = http.getResponseBody()) {
            out.write(bytes);
        }
    }

    void empty(int status) throws IOException {
        http.sendResponseHeaders(status, -1);
        http.close();
    }

    void redirect(String location) throws IOException {
        http.getResponseHeaders().set("Location", location);
        http.getResponseHeaders().set("Cache-Control", "no-store");
        empty(302);
    }

    void header(String name, String value) {
        http.getResponseHeaders().set(name, value);
    }

    public static String withParameters(String uri, Map<String, String> parameters) {
        String query = parameters.entrySet().stream()
                .filter(e -> e.getValue() != null)
                .map(e -> encode(e.getKey()) + "=" + encode(e.getValue()))
                .collect(Collectors.joining("&"));
        if (query.isEmpty()) {
            return uri;
        }
        return uri + (URI.create(uri).getRawQuery() == null ? "?" : "&") + query;
    }

    static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }

    static String escapeHtml(String text) {
        StringBuilder out = new StringBuilder(text.length());
        for (char c : text.toCharArray()) {
            switch (c) {
                case '<' -> out.append("&lt;");
                case '>' -> out.append("&gt;");
                case '&' -> out.append("&amp;");
                case '"' -> out.append("&quot;");
                case '\'' -> out.append("&#39;");
                default -> out.append(c);
            }
        }
        return out.toString();
    }

    /** The request's body as text (at most the size every endpoint takes). */
    String text() throws IOException {
        return body();
    }

    private String body() throws IOException {
        try (InputStream in = http.getRequestBody()) {
            byte[] bytes = in.readNBytes(MAX_BODY + 1);
            if (bytes.length > MAX_BODY) {
                throw new IOException("request body over " + MAX_BODY + " bytes");
            }
            return new String(bytes, StandardCharsets.UTF_8);
        }
    }

    private Map<String, String> parse(String encoded) {
        Map<String, String> parameters = new LinkedHashMap<>();
        for (String pair : encoded.split("&")) {
            if (pair.isEmpty()) {
                continue;
            }
            String[] kv = pair.split("=", 2);
            String name = decode(kv[0]);
            if (parameters.put(name, kv.length == 2 ? decode(kv[1]) : "") != null) {
                repeatedParameter = true;
            }
        }
        return parameters;
    }

    private static String decode(String value) {
        try {
            return URLDecoder.decode(value, StandardCharsets.UTF_8);
        } catch (IllegalArgumentException malformed) {
            return "";
        }
    }
}
