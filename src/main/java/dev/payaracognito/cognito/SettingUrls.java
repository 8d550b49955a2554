package dev.payaracognito.cognito;

import java.net.URI;
import java.util.List;
import java.util.Locale;

/**
 * The URLs the settings name (the issuer, the hosted-UI domain, the app's own address, the Cognito emulator): an
 * absolute https URL without a trailing slash; on this machine, and there over http too, only in development mode,
 * since a production app must never trust an issuer that answers on loopback or in clear.
 */
final class SettingUrls {

    private final boolean developmentMode;
    private final List<String> problems;

    SettingUrls(boolean developmentMode, List<String> problems) {
        this.developmentMode = developmentMode;
        this.problems = problems;
    }

    boolean developmentMode() {
        return developmentMode;
    }

    /** {@code value} as such a URL; null, with a problem said under {@code name}, if it is not one. */
    String url(String value, String name) {
        String trimmed = value.strip();
        String url = trimmed.endsWith("/") ? trimmed.substring(0, trimmed.length() - 1) : trimmed;
        try {
            URI uri = URI.create(url);
            boolean local = isOnThisMachine(uri.getHost());
            if ("https".equals(uri.getScheme()) && uri.getHost() != null && !local
                    || ("https".equals(uri.getScheme()) || "http".equals(uri.getScheme())) && local && developmentMode) {
                return url;
            }
            if (local) {
                problems.add(name + " on this machine (" + uri.getHost() + ") is for development only: set"
                        + " APP_DEVELOPMENT_MODE=true with it.");
                return null;
            }
        } catch (IllegalArgumentException malformed) {
            // said below
        }
        problems.add(name + " must be an https URL (http only on localhost, in development mode).");
        return null;
    }

    /** A loopback or unspecified address, or a name for one: whatever answers there is on this machine. */
    static boolean isOnThisMachine(String host) {
        if (host == null) {
            return false;
        }
        String name = host.toLowerCase(Locale.ROOT);
        return name.equals("localhost") || name.endsWith(".localhost") || name.matches("127(\\.\\d{1,3}){3}")
                || name.matches("0+(\\.0+){3}") || name.matches("\\[[0:]*:0*1?\\]")
                || name.matches("\\[(0*:)*:?ffff:(127(\\.\\d{1,3}){3}|0+(\\.0+){3})\\]");
    }
}
