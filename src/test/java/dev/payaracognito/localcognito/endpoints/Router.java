package dev.payaracognito.localcognito.endpoints;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpHandler;
import dev.payaracognito.localcognito.Endpoint;
import dev.payaracognito.localcognito.PoolContext;
import dev.payaracognito.localcognito.faults.Faults;
import java.io.IOException;
import java.lang.System.Logger.Level;
import java.util.Map;

/** Sends each request to its endpoint, counting it and applying the fault a test injected there. */
public final class Router implements HttpHandler {

    private static final System.Logger LOG = System.getLogger(Router.class.getName());

    private interface Handler {
        void handle(Exchange exchange) throws Exception;
    }

    private record Route(Endpoint endpoint, String methods, Handler handler) {}

    private final PoolContext context;
    private final Map<String, Route> hostedUi;
    private final Route federated;

    public Router(PoolContext context) {
        this.context = context;
        DiscoveryEndpoint discovery = new DiscoveryEndpoint(context);
        this.hostedUi = Map.of(
                "/oauth2/authorize", new Route(Endpoint.AUTHORIZE, "GET", new AuthorizeEndpoint(context)::handle),
                "/login", new Route(Endpoint.LOGIN, "GET, POST", new LoginEndpoint(context)::handle),
                "/oauth2/token", new Route(Endpoint.TOKEN, "POST", new TokenEndpoint(context)::handle),
                "/oauth2/userInfo", new Route(Endpoint.USERINFO, "GET, POST", new UserInfoEndpoint(context)::handle),
                "/oauth2/revoke", new Route(Endpoint.REVOKE, "POST", new RevokeEndpoint(context)::handle),
                "/logout", new Route(Endpoint.LOGOUT, "GET", new LogoutEndpoint(context)::handle),
                "/.well-known/openid-configuration", new Route(Endpoint.DISCOVERY, "GET", discovery::configuration),
                "/.well-known/jwks.json", new Route(Endpoint.JWKS, "GET", discovery::jwks),
                "/", new Route(Endpoint.ADMIN_API, "POST", new AdminApiEndpoint(context)::handle));
        this.federated = new Route(Endpoint.FEDERATED, "GET, POST", new FederatedEndpoint(context)::handle);
    }

    @Override
    public void handle(HttpExchange http) throws IOException {
        Exchange exchange = new Exchange(http);
        try {
            Route route = route(exchange.path());
            if (route == null) {
                exchange.html(404, HostedPages.errorPage("Not found."));
                return;
            }
            Faults.Fault fault = context.faults.arrived(route.endpoint(),
                    http.getRequestHeaders().getFirst("traceparent"));
            if (fault != null) {
                if (fault.healedWithinDelay()) {
                    return; // healed while the request hung: it is never answered
                }
                if (fault.status() != 0) {
                    exchange.send(fault.status(), "text/html;charset=UTF-8", fault.body());
                    return;
                }
            }
            if (!route.methods().contains(exchange.method())) {
                exchange.header("Allow", route.methods());
                exchange.empty(405);
                return;
            }
            route.handler().handle(exchange);
        } catch (InterruptedException stopped) {
            // A hanging endpoint's wait, cut short by stop(): the connection just closes, as a dead server's would.
            Thread.currentThread().interrupt();
        } catch (Exception e) {
            LOG.log(Level.ERROR, "local Cognito failed on " + exchange.path(), e);
            exchange.json(500, Map.of("error", "server_error"));
        } finally {
            http.close();
        }
    }

    /**
     * Hosted-UI paths on the domain, and the stand-in identity providers under {@code /federated/}; the two
     * well-known documents under each issuer path the pool's issuer configuration serves.
     */
    private Route route(String path) {
        for (String issuerPath : context.servedIssuerPaths()) {
            if (path.startsWith(issuerPath + "/.well-known/")) {
                return hostedUi.get(path.substring(issuerPath.length()));
            }
        }
        if (path.startsWith(FederatedEndpoint.PATH)) {
            return federated;
        }
        return path.startsWith("/.well-known/") ? null : hostedUi.get(path);
    }
}
