package dev.payaracognito.security.browser;

import dev.payaracognito.cognito.CognitoSettings;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.servlet.http.HttpServletRequest;

/**
 * Every redirect the app builds from request data, in one place, so that none leaves this site: a path is
 * followed only if it is a path of this origin ({@code //evil}, {@code /\evil}, {@code https:evil} are not), and
 * it is sent as an absolute URL on the app's public base URL. A request for {@code //evil.example/x} whose session
 * just ended is sent home, not to {@code http://evil.example/x}.
 */
@ApplicationScoped
public class SiteRedirects {

    private static final String HOME = "/";

    @Inject
    private CognitoSettings settings;

    /** The page a GET request asked for, with its query, if it is a path of this site; otherwise the home page. */
    public static String thisPage(HttpServletRequest request) {
        if (!"GET".equals(request.getMethod())) {
            return localOrHome(request.getRequestURI());
        }
        String query = request.getQueryString();
        return localOrHome(request.getRequestURI() + (query == null ? "" : "?" + query));
    }

    /** Where to send the browser for {@code path}: the same path on this site, or the home page. */
    public String location(HttpServletRequest request, String path) {
        return location(settings.site().baseUrl(request), path);
    }

    static String location(String baseUrl, String path) {
        return baseUrl + localOrHome(path);
    }

    static String localOrHome(String path) {
        return isLocalPath(path) ? path : HOME;
    }

    /** A path of this origin: one leading slash, then no second slash or backslash, no control characters. */
    static boolean isLocalPath(String path) {
        if (path == null || path.isEmpty() || path.charAt(0) != '/') {
            return false;
        }
        if (path.length() > 1 && (path.charAt(1) == '/' || path.charAt(1) == '\\')) {
            return false;
        }
        return path.chars().noneMatch(c -> c < 0x20 || c == 0x7f || c == '\\');
    }
}
