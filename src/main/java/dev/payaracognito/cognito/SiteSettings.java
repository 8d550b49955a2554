package dev.payaracognito.cognito;

import dev.payaracognito.audit.ClientAddress;
import jakarta.servlet.http.HttpServletRequest;
import java.util.List;
import java.util.logging.Logger;

/**
 * The app's own place: its public address ({@code app.base-url}), development mode, the proxies in front of it
 * ({@code app.trusted-proxies}), this node's name, what readiness asks of Cognito, and whether traces name users.
 */
public final class SiteSettings {

    private static final Logger LOG = Logger.getLogger(SiteSettings.class.getName());

    private final boolean developmentMode;
    private final String baseUrl;
    private final ClientAddress clientAddress;
    private final String nodeName;
    private final boolean readyRequiresCognito;
    private final boolean tracesUserIds;

    private SiteSettings(boolean developmentMode, String baseUrl, ClientAddress clientAddress, String nodeName,
            boolean readyRequiresCognito, boolean tracesUserIds) {
        this.developmentMode = developmentMode;
        this.baseUrl = baseUrl;
        this.clientAddress = clientAddress;
        this.nodeName = nodeName;
        this.readyRequiresCognito = readyRequiresCognito;
        this.tracesUserIds = tracesUserIds;
    }

    static SiteSettings read(TypedConfig settings, List<String> problems) {
        boolean developmentMode = settings.value("app.development-mode", Boolean.class, false,
                "APP_DEVELOPMENT_MODE (app.development-mode) must be true or false.");
        String baseUrl = settings.text("app.base-url")
                .map(url -> new SettingUrls(developmentMode, problems).url(url, "APP_BASE_URL (app.base-url)"))
                .orElse(null);
        ClientAddress clientAddress = ClientAddress.DIRECT;
        String proxies = settings.text("app.trusted-proxies").orElse(null);
        if (proxies != null) {
            try {
                clientAddress = ClientAddress.trusting(proxies);
            } catch (IllegalArgumentException wrong) {
                problems.add(wrong.getMessage());
            }
        }
        boolean readyRequiresCognito = settings.value("app.health.ready-requires-cognito", Boolean.class, false,
                "APP_HEALTH_READY_REQUIRES_COGNITO (app.health.ready-requires-cognito) must be true or false.");
        boolean tracesUserIds = settings.value("app.telemetry.enduser-id", Boolean.class, false,
                "APP_TELEMETRY_ENDUSER_ID (app.telemetry.enduser-id) must be true or false.");
        SiteSettings site = new SiteSettings(developmentMode, baseUrl, clientAddress,
                settings.text("app.node-name").orElse(null), readyRequiresCognito, tracesUserIds);
        if (developmentMode) {
            if (site.isHttps()) {
                problems.add("APP_DEVELOPMENT_MODE is for a machine of your own: never with an https APP_BASE_URL.");
            }
            LOG.warning("APP_DEVELOPMENT_MODE is on: http and loopback addresses are accepted for Cognito and the app."
                    + " Never in production.");
        }
        return site;
    }

    /** {@code app.development-mode}: http and loopback addresses for Cognito and the app, on a machine of one's own. */
    public boolean developmentMode() {
        return developmentMode;
    }

    /** {@code app.base-url}, or null (development: the request's own host is used). */
    String configuredBaseUrl() {
        return baseUrl;
    }

    /** The app's public base URL: {@code app.base-url}, or else the request's scheme, host and port. */
    public String baseUrl(HttpServletRequest request) {
        if (baseUrl != null) {
            return baseUrl;
        }
        return request.getScheme() + "://" + request.getServerName() + ":" + request.getServerPort()
                + request.getContextPath();
    }

    /** Whether the app's public address is https (TLS may end at a proxy in front). */
    public boolean isHttps() {
        return baseUrl != null && baseUrl.startsWith("https://");
    }

    /** Where a request comes from: {@code X-Forwarded-For} believed from {@code app.trusted-proxies} only. */
    public ClientAddress clientAddress() {
        return clientAddress;
    }

    /** This node's name for the pages' footer ({@code app.node-name}); null where none is set. */
    public String nodeName() {
        return nodeName;
    }

    /** Whether traces name the signed-in user ({@code enduser.id}): {@code app.telemetry.enduser-id}. */
    public boolean tracesUserIds() {
        return tracesUserIds;
    }

    /** Whether a node is "not ready" while Cognito does not answer: {@code app.health.ready-requires-cognito}. */
    public boolean readyRequiresCognito() {
        return readyRequiresCognito;
    }
}
