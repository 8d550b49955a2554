package dev.payaracognito.sessions;

import java.util.List;
import java.util.Locale;

/**
 * A browser and platform as a person recognises them ("Firefox on Android"), summarised from a User-Agent header,
 * whose raw text is never kept nor shown: it is the client's own text, long, and enough to tell one browser from
 * another. The order matters: every Chromium-based browser says "Chrome" and "Safari" too, Edge says "Edg/".
 */
public final class Device {

    private record Name(String marker, String name) {}

    private static final List<Name> BROWSERS = List.of(new Name("edg/", "Edge"), new Name("opr/", "Opera"),
            new Name("samsungbrowser/", "Samsung Internet"), new Name("firefox/", "Firefox"),
            new Name("fxios/", "Firefox"), new Name("crios/", "Chrome"), new Name("chrome/", "Chrome"),
            new Name("chromium/", "Chromium"), new Name("safari/", "Safari"), new Name("htmlunit", "HtmlUnit"),
            new Name("curl/", "curl"));
    private static final List<Name> PLATFORMS = List.of(new Name("iphone", "iPhone"), new Name("ipad", "iPad"),
            new Name("android", "Android"), new Name("windows", "Windows"), new Name("mac os x", "macOS"),
            new Name("cros", "ChromeOS"), new Name("linux", "Linux"));

    private Device() {}

    /** "Browser on platform", or what of it is known; "Unknown browser" for no header or an unknown one. */
    public static String of(String userAgent) {
        if (userAgent == null || userAgent.isBlank()) {
            return "Unknown browser";
        }
        String agent = userAgent.toLowerCase(Locale.ROOT);
        String browser = first(BROWSERS, agent);
        String platform = first(PLATFORMS, agent);
        if (browser == null) {
            return platform == null ? "Unknown browser" : "A browser on " + platform;
        }
        return platform == null ? browser : browser + " on " + platform;
    }

    private static String first(List<Name> names, String agent) {
        return names.stream().filter(name -> agent.contains(name.marker())).map(Name::name).findFirst().orElse(null);
    }
}
