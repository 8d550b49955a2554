package dev.payaracognito.bench;

import java.net.CookieHandler;
import java.net.HttpCookie;
import java.net.URI;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Collectors;

/**
 * Cookies as a browser keeps them for a plain-http host: by name, sent back as {@code name=value} pairs. The JDK's
 * own CookieManager answers Payara's versioned session cookie ({@code JSESSIONIDVERSION}, a Version=1 cookie) in
 * RFC 2965's form ({@code $Version="1"; …}), which no browser sends and on which Payara does not find the session.
 */
final class BrowserCookies extends CookieHandler {

    private final Map<String, Map<String, String>> byHost = new ConcurrentHashMap<>();

    @Override
    public Map<String, List<String>> get(URI uri, Map<String, List<String>> requestHeaders) {
        Map<String, String> cookies = byHost.getOrDefault(uri.getHost(), Map.of());
        if (cookies.isEmpty()) {
            return Map.of();
        }
        return Map.of("Cookie", List.of(cookies.entrySet().stream().map(c -> c.getKey() + "=" + c.getValue())
                .collect(Collectors.joining("; "))));
    }

    /** Forgets the cookies of these names, whichever host set them. */
    void forget(String... names) {
        byHost.values().forEach(cookies -> List.of(names).forEach(cookies::remove));
    }

    @Override
    public void put(URI uri, Map<String, List<String>> responseHeaders) {
        Map<String, String> cookies = byHost.computeIfAbsent(uri.getHost(), host -> new ConcurrentHashMap<>());
        responseHeaders.forEach((name, values) -> {
            if ("Set-Cookie".equalsIgnoreCase(name)) {
                for (String value : values) {
                    for (HttpCookie cookie : HttpCookie.parse(value)) {
                        if (cookie.getMaxAge() == 0) {
                            cookies.remove(cookie.getName());
                        } else {
                            cookies.put(cookie.getName(), cookie.getValue());
                        }
                    }
                }
            }
        });
    }
}
