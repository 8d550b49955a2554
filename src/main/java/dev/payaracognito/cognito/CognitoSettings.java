package dev.payaracognito.cognito;

import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.logging.Logger;
import org.eclipse.microprofile.config.Config;

/**
 * Every setting of the app, from MicroProfile Config (so each is also an environment variable:
 * {@code cognito.client-id} is {@code COGNITO_CLIENT_ID}), read once as its type ({@link TypedConfig}) and checked,
 * by concern: the {@link #site()}, the {@link #pool()}, the app's {@link #client()}, the {@link #sessions()} and the
 * {@link #tokens()}' validation. A missing or wrong setting does not stop the app: {@link #problems()} says what to
 * set (every page shows it, the log says it once), and sane defaults stand in meanwhile. The settings table of
 * docs/configuration.md is tested against these classes ({@code SettingsTableTest}).
 */
@ApplicationScoped
public class CognitoSettings {

    private static final Logger LOG = Logger.getLogger(CognitoSettings.class.getName());

    @Inject
    private Config config;

    private SiteSettings site;
    private PoolSettings pool;
    private ClientSettings client;
    private SessionSettings sessions;
    private TokenSettings tokens;
    private List<String> problems;

    @PostConstruct
    void read() {
        List<String> found = new ArrayList<>();
        TypedConfig settings = new TypedConfig(config, found);
        site = SiteSettings.read(settings, found);
        SettingUrls urls = new SettingUrls(site.developmentMode(), found);
        pool = PoolSettings.read(settings, urls, found);
        client = ClientSettings.read(settings, urls, found);
        tokens = TokenSettings.read(settings, found);
        sessions = SessionSettings.read(settings, found);
        problems = List.copyOf(new LinkedHashSet<>(found));
        if (!problems.isEmpty()) {
            LOG.warning("Cognito sign-in is not configured: " + String.join(" ", problems));
        } else {
            LOG.info("Tokens are accepted from these issuers only: " + String.join(", ", pool.issuers()));
        }
    }

    /** The app's own address, development mode, its proxies, this node's name, readiness. */
    public SiteSettings site() {
        return site;
    }

    /** The user pool's issuers. */
    public PoolSettings pool() {
        return pool;
    }

    /** The app's client of the pool, its sign-in choices, and the other clients the API takes. */
    public ClientSettings client() {
        return client;
    }

    /** The sessions' lifetimes and the keys that seal them. */
    public SessionSettings sessions() {
        return sessions;
    }

    /** How tokens are validated: the JWKS, the token cache, the ended sign-ins kept. */
    public TokenSettings tokens() {
        return tokens;
    }

    /** What must be set before anyone can sign in; empty when the settings are complete. */
    public List<String> problems() {
        return problems;
    }
}
