package dev.payaracognito.security.browser;

import jakarta.annotation.PostConstruct;
import jakarta.annotation.PreDestroy;
import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Alternative;
import jakarta.inject.Inject;
import jakarta.interceptor.Interceptor;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonReader;
import jakarta.json.JsonReaderFactory;
import jakarta.security.enterprise.authentication.mechanism.http.openid.OpenIdConstant;
import jakarta.security.enterprise.identitystore.openid.RefreshToken;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.ws.rs.client.Client;
import jakarta.ws.rs.client.ClientBuilder;
import jakarta.ws.rs.client.Entity;
import jakarta.ws.rs.core.Form;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.io.StringReader;
import java.lang.reflect.Constructor;
import java.lang.reflect.InvocationTargetException;
import java.util.Map;
import java.util.logging.Logger;
import org.glassfish.soteria.mechanisms.openid.controller.TokenController;
import org.glassfish.soteria.mechanisms.openid.domain.OpenIdConfiguration;

/**
 * Soteria's requests to Cognito's token endpoint (the code exchange at sign-in, the refresh), made as Soteria makes
 * them but on one JAX-RS client kept for the application's life. Soteria builds a new client for every request,
 * and building one is most of a sign-in's own time (a JFR profile of sign-ins: Jersey's
 * {@code ClientConfig$State.initRuntime}, an injection manager and a search of the jars for providers, about half
 * the samples; docs/performance.md). A Jersey client is safe to share between threads; it is configured once
 * as every client of the app is ({@code ProviderCalls}: timeouts, {@code TokenEndpointAnswers}, PKCE's
 * {@code CodeVerifier}), and Payara traces its calls as it traced Soteria's.
 *
 * <p>Soteria's answer type has a package-private constructor (Soteria 4.0.2, as Payara 7 ships it): it is called
 * reflectively, looked up once. A Soteria without it fails {@code KeptTokenClientTest} at build time; at run time each
 * sign-in would fail with an IllegalStateException, which the callback answers with its sign-in-failed page (and the
 * log says why once, when the class loads).
 */
@Alternative
@Priority(Interceptor.Priority.APPLICATION)
@ApplicationScoped
public class KeptTokenClient extends TokenController {

    private static final Logger LOG = Logger.getLogger(KeptTokenClient.class.getName());
    private static final Constructor<TokensResponse> ANSWER = answerConstructor();
    /** One factory: {@code Json.createReader} looks the JSON provider up (a search of the class path) each call. */
    private static final JsonReaderFactory JSON = Json.createReaderFactory(Map.of());

    private Client client;

    @Inject
    private OpenIdConfiguration configuration;

    /** The code exchange (Soteria's form: client_secret_post, which Cognito accepts), on the kept client. */
    @Override
    public TokensResponse getTokens(HttpServletRequest request) {
        return post(clientForm()
                .param(OpenIdConstant.GRANT_TYPE, OpenIdConstant.AUTHORIZATION_CODE)
                .param(OpenIdConstant.CODE, request.getParameter(OpenIdConstant.CODE))
                .param(OpenIdConstant.REDIRECT_URI, configuration.buildRedirectURI(request)));
    }

    /** The refresh, on the kept client. */
    @Override
    public TokensResponse refreshTokens(RefreshToken refreshToken) {
        return post(clientForm()
                .param(OpenIdConstant.GRANT_TYPE, OpenIdConstant.REFRESH_TOKEN)
                .param(OpenIdConstant.REFRESH_TOKEN, refreshToken.getToken()));
    }

    /**
     * Jersey looks for providers at the client's first request, with that thread's class loader: a request thread of
     * the app, so that it finds {@code ProviderCalls} as it did for Soteria's clients.
     */
    @PostConstruct
    void open() {
        client = ClientBuilder.newClient();
    }

    @PreDestroy
    void close() {
        client.close();
    }

    private Form clientForm() {
        return new Form()
                .param(OpenIdConstant.CLIENT_ID, configuration.getClientId())
                .param(OpenIdConstant.CLIENT_SECRET, new String(configuration.getClientSecret()));
    }

    /** Soteria's reading of the answer: its status, and its body as a JSON object (anything else fails). */
    private TokensResponse post(Form form) {
        try (Response response = client.target(configuration.getProviderMetadata().getTokenEndpoint()).request()
                .accept(MediaType.APPLICATION_JSON).post(Entity.form(form));
                JsonReader body = JSON.createReader(new StringReader(response.readEntity(String.class)))) {
            return answer(response.getStatus(), body.readObject());
        }
    }

    static TokensResponse answer(int status, JsonObject tokens) {
        if (ANSWER == null) {
            throw new IllegalStateException("this Soteria's TokensResponse has no (status, tokens) constructor");
        }
        try {
            return ANSWER.newInstance(status, tokens);
        } catch (InstantiationException | IllegalAccessException | InvocationTargetException e) {
            throw new IllegalStateException("Soteria's TokensResponse could not be made", e);
        }
    }

    /** Null when this Soteria has no such constructor ({@link #answer} then refuses every call). */
    private static Constructor<TokensResponse> answerConstructor() {
        try {
            Constructor<TokensResponse> constructor = TokensResponse.class.getDeclaredConstructor(int.class,
                    JsonObject.class);
            constructor.setAccessible(true);
            return constructor;
        } catch (NoSuchMethodException e) {
            LOG.severe("This Soteria's TokensResponse has no (status, tokens) constructor: no sign-in can succeed"
                    + " until KeptTokenClient is made for this Soteria");
            return null;
        }
    }
}
