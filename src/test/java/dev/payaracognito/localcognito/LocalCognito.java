package dev.payaracognito.localcognito;

import com.sun.net.httpserver.HttpServer;
import com.sun.net.httpserver.HttpsConfigurator;
import com.sun.net.httpserver.HttpsServer;
import dev.payaracognito.localcognito.endpoints.Router;
import dev.payaracognito.localcognito.faults.Faults;
import dev.payaracognito.localcognito.faults.Hostility;
import dev.payaracognito.localcognito.faults.MutableClock;
import dev.payaracognito.localcognito.tokens.TokenFactory;
import dev.payaracognito.localcognito.tokens.TokenForgery;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.function.UnaryOperator;
import javax.net.ssl.SSLContext;

/**
 * A local stand-in for an Amazon Cognito user pool, as an OpenID Connect relying party sees it: the issuer
 * ({@code /cognito-idp.{region}.amazonaws.com/{userPoolId}/.well-known/…}) and the hosted UI ({@code /oauth2/…}, {@code /login}, {@code /logout})
 * on one port. The methods below the lifecycle ones are test hooks; none of them is reachable over HTTP.
 */
public final class LocalCognito implements AutoCloseable {

    public static final int DEFAULT_PORT = 9229;

    private final PoolContext context;
    private final String host;
    private final SSLContext tls;
    private int port;
    private HttpServer server;
    private ExecutorService executor;

    /** A pool on {@code host:port}; port 0 picks a free port at the first {@link #start()}. */
    public LocalCognito(UserPool pool, String host, int port) {
        this(pool, host, port, null);
    }

    /** A pool served over https with {@code tls} (over http when null). */
    public LocalCognito(UserPool pool, String host, int port, SSLContext tls) {
        this.context = new PoolContext(pool);
        this.host = host;
        this.port = port;
        this.tls = tls;
    }

    /** The demo pool on localhost, on a free port: what most tests want. */
    public static LocalCognito demo() {
        return new LocalCognito(UserPool.demo(), "localhost", 0);
    }

    // ---- lifecycle ----------------------------------------------------------------------------------------

    /** Starts serving, on the same port again after a {@link #stop()}; keys, users and grants survive. */
    public synchronized LocalCognito start() throws IOException {
        if (server != null) {
            return this;
        }
        if (tls == null) {
            server = HttpServer.create(new InetSocketAddress(host, port), 64);
        } else {
            HttpsServer https = HttpsServer.create(new InetSocketAddress(host, port), 64);
            https.setHttpsConfigurator(new HttpsConfigurator(tls));
            server = https;
        }
        port = server.getAddress().getPort();
        context.baseUrl = (tls == null ? "http://" : "https://") + host + ":" + port;
        // Virtual threads: a hanging endpoint (a test's outage) must not block the others.
        executor = Executors.newVirtualThreadPerTaskExecutor();
        server.setExecutor(executor);
        server.createContext("/", new Router(context));
        server.start();
        return this;
    }

    public synchronized void stop() {
        if (server != null) {
            server.stop(0);
            executor.shutdownNow();
            server = null;
        }
    }

    @Override
    public void close() {
        stop();
    }

    public int port() {
        return port;
    }

    /**
     * The issuer of the tokens issued now, {@code http://host:port/cognito-idp.{region}.amazonaws.com/{userPoolId}}
     * unless {@link #issuing(IssuerConfiguration)} changed it: what {@code iss} says and discovery hangs under.
     */
    public String issuer() {
        return context.issuer();
    }

    /** {@code http://host:port}: what the app's {@code COGNITO_EMULATOR_URL} names, AWS's issuer hosts under it. */
    public String emulatorUrl() {
        return context.domain();
    }

    /** The pool's issuer format and the region issuing its tokens from now on (e.g. a replica region). */
    public void issuing(IssuerConfiguration configuration) {
        context.issuing = configuration;
    }

    /** The hosted-UI domain, {@code http://host:port}. */
    public String domain() {
        return context.domain();
    }

    public UserPool pool() {
        return context.pool;
    }

    /** Replaces one app client, e.g. {@code client.withRequirePkce(true)}. */
    public void updateClient(AppClient client) {
        context.pool = context.pool.withClient(client);
    }

    // ---- keys, lifetimes, clock ---------------------------------------------------------------------------

    /** New signing keys for new tokens; the old ones stay in the JWKS until {@link #dropRetiredKeys()}. */
    public void rotateKeys() {
        context.keys.rotate();
    }

    public void dropRetiredKeys() {
        context.keys.dropRetired();
    }

    public void tokenLifetime(Duration lifetime) {
        context.lifetimes.token = lifetime;
    }

    public void refreshTokenLifetime(Duration lifetime) {
        context.lifetimes.refreshToken = lifetime;
    }

    /** The pool's clock: {@code clock().advance(…)} expires codes, hosted sessions and tokens. */
    public MutableClock clock() {
        return context.clock;
    }

    // ---- counts and outages -------------------------------------------------------------------------------

    /** How often {@code AdminUserGlobalSignOut} signed {@code username} out everywhere. */
    public int globalSignOuts(String username) {
        return context.grants.globalSignOuts(username);
    }

    /** The W3C {@code traceparent} the last request to {@code endpoint} carried; null if none did. */
    public String lastTraceparent(Endpoint endpoint) {
        return context.faults.lastTraceparent(endpoint);
    }

    public int requests(Endpoint endpoint) {
        return context.faults.count(endpoint);
    }

    /** Token requests of one grant type: {@code refresh_token} tells a refresh from a new sign-in. */
    public int tokenRequests(String grantType) {
        return context.issued.requests(grantType);
    }

    public void resetRequestCounts() {
        context.faults.resetCounts();
        context.issued.reset();
    }

    /** Whether {@code refreshToken} would still be honoured (neither revoked nor expired). */
    public boolean honours(String refreshToken) {
        return context.grants.refreshGrant(refreshToken).isPresent();
    }

    /** The token endpoint's refusals since the counts were last reset: {@code error (why)}, oldest first. */
    public List<String> tokenRefusals() {
        return context.issued.refusals();
    }

    /**
     * The tokens last issued to {@code username} ({@code id_token}, {@code access_token}, {@code refresh_token}: the
     * refresh token of the sign-in they come from), or null: what a relying party holds, for tests to check.
     */
    public Map<String, String> lastTokens(String username) {
        TokenFactory.Tokens tokens = context.issued.last(username);
        if (tokens == null) {
            return null;
        }
        Map<String, String> named = new HashMap<>();
        named.put("id_token", tokens.idToken());
        named.put("access_token", tokens.accessToken());
        named.put("refresh_token", tokens.refreshToken());
        return named;
    }

    /** The endpoint answers {@code status} (e.g. 500, 503) until healed. */
    public void fail(Endpoint endpoint, int status) {
        context.faults.inject(endpoint, new Faults.Fault(status, "<html><body>Service unavailable</body></html>",
                Duration.ZERO));
    }

    /** The endpoint waits {@code delay} before answering normally, until healed: a slow or hung provider. */
    public void hang(Endpoint endpoint, Duration delay) {
        context.faults.inject(endpoint, new Faults.Fault(0, "", delay));
    }

    /** The endpoint answers 200 with an HTML page instead of its JSON, until healed. */
    public void answerGarbage(Endpoint endpoint) {
        context.faults.inject(endpoint, new Faults.Fault(200, "<html><body>Not what you expected</body></html>",
                Duration.ZERO));
    }

    /** The endpoint answers 200 with {@code json} instead of its own answer, until healed. */
    public void answerJson(Endpoint endpoint, String json) {
        context.faults.inject(endpoint, new Faults.Fault(200, json, Duration.ZERO));
    }

    public void heal(Endpoint endpoint) {
        context.faults.heal(endpoint);
    }

    /**
     * Back to an honest pool with the usual settings, as each test starts: heals every endpoint, restores the
     * default token lifetimes, and forgets the hostile next-exchange behaviours not yet played.
     */
    public void healAll() {
        context.faults.healAll();
        context.lifetimes.restoreDefaults();
        context.hostility.forget();
    }

    // ---- a hostile provider, for the next exchange only ---------------------------------------------------

    /** The next token response carries these forged tokens in place of the honest ones. */
    public void forgeNextTokens(TokenForgery... forgeries) {
        context.hostility.nextTokens.set(List.of(forgeries));
    }

    /** The next token response is exactly this, whatever was asked. */
    public void answerNextTokenRequest(int status, String contentType, String body) {
        context.hostility.nextTokenResponse.set(new Hostility.RawResponse(status, contentType, body));
    }

    /** The next callback carries {@code bend.apply(state)} as its state ({@code null} drops the parameter). */
    public void bendNextState(UnaryOperator<String> bend) {
        context.hostility.nextState.set(bend);
    }

    /** The next callback is an error ({@code error}, {@code error_description}) instead of a code. */
    public void failNextCallback(String error, String description) {
        context.hostility.nextCallbackError.set(new Hostility.CallbackError(error, description));
    }
}
