package dev.payaracognito.security;

import static org.glassfish.soteria.mechanisms.jaspic.Jaspic.fromAuthenticationStatus;
import static org.glassfish.soteria.mechanisms.jaspic.Jaspic.setLastAuthenticationStatus;

import jakarta.security.auth.message.AuthException;
import jakarta.security.auth.message.AuthStatus;
import jakarta.security.auth.message.MessageInfo;
import jakarta.security.auth.message.MessagePolicy;
import jakarta.security.auth.message.module.ServerAuthModule;
import jakarta.security.enterprise.AuthenticationException;
import jakarta.security.enterprise.AuthenticationStatus;
import jakarta.security.enterprise.authentication.mechanism.http.HttpAuthenticationMechanismHandler;
import jakarta.security.enterprise.authentication.mechanism.http.HttpMessageContext;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.util.Map;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.logging.Logger;
import javax.security.auth.Subject;
import javax.security.auth.callback.CallbackHandler;
import org.glassfish.soteria.mechanisms.HttpMessageContextImpl;

/**
 * The bridge from the container's Jakarta Authentication to the Jakarta Security handler, as Soteria's own
 * ({@code HttpBridgeServerAuthModule}, 4.0.2) does it, with one difference: it is given the handler once, where
 * Soteria's looks the handler up for every request, twice (validating the request, securing the response): a JNDI
 * lookup of the bean manager each time, with a new naming context, then the bean's resolution. That was 15 % of the
 * request threads' time under the API's load (JFR, {@code /api/me}). The handler is
 * {@link CognitoAuthenticationHandler}, application scoped: what it is given is the client proxy Soteria's lookup
 * would give. Soteria's request-scope activator is left out: Soteria installs one on Liberty only (on Payara its
 * bridge has none).
 */
final class KeptHandlerBridge implements ServerAuthModule {

    private static final Class<?>[] MESSAGE_TYPES = {HttpServletRequest.class, HttpServletResponse.class};

    private static final Logger LOG = Logger.getLogger(KeptHandlerBridge.class.getName());

    private final HttpAuthenticationMechanismHandler mechanisms;
    private final AtomicBoolean called = new AtomicBoolean();
    private CallbackHandler handler;

    KeptHandlerBridge(HttpAuthenticationMechanismHandler mechanisms) {
        this.mechanisms = mechanisms;
    }

    @Override
    public void initialize(MessagePolicy requestPolicy, MessagePolicy responsePolicy, CallbackHandler handler,
            @SuppressWarnings("rawtypes") Map options) {
        this.handler = handler;
    }

    @Override
    public Class<?>[] getSupportedMessageTypes() {
        return MESSAGE_TYPES.clone();
    }

    @Override
    public AuthStatus validateRequest(MessageInfo messageInfo, Subject clientSubject, Subject serviceSubject)
            throws AuthException {
        if (!called.get() && called.compareAndSet(false, true)) {
            LOG.info("The container's first authentication call reached KeptHandlerBridge");
        }
        HttpMessageContext context = new HttpMessageContextImpl(handler, messageInfo, clientSubject);
        // what Soteria's SecurityContext and authenticate() read back: NOT_DONE until the handler says otherwise
        setLastAuthenticationStatus(context.getRequest(), AuthenticationStatus.NOT_DONE);
        AuthenticationStatus status;
        try {
            status = mechanisms.validateRequest(context.getRequest(), context.getResponse(), context);
        } catch (AuthenticationException e) {
            setLastAuthenticationStatus(context.getRequest(), AuthenticationStatus.SEND_FAILURE);
            throw (AuthException) new AuthException("Authentication failure in HttpAuthenticationMechanism")
                    .initCause(e);
        }
        setLastAuthenticationStatus(context.getRequest(), status);
        return fromAuthenticationStatus(status);
    }

    @Override
    public AuthStatus secureResponse(MessageInfo messageInfo, Subject serviceSubject) throws AuthException {
        HttpMessageContext context = new HttpMessageContextImpl(handler, messageInfo, null);
        try {
            AuthStatus status = fromAuthenticationStatus(
                    mechanisms.secureResponse(context.getRequest(), context.getResponse(), context));
            return status == AuthStatus.SUCCESS ? AuthStatus.SEND_SUCCESS : status;
        } catch (AuthenticationException e) {
            throw (AuthException) new AuthException("Secure response failure in HttpAuthenticationMechanism")
                    .initCause(e);
        }
    }

    /** Called when the app calls {@link HttpServletRequest#logout()}. */
    @Override
    public void cleanSubject(MessageInfo messageInfo, Subject subject) {
        HttpMessageContext context = new HttpMessageContextImpl(handler, messageInfo, subject);
        mechanisms.cleanSubject(context.getRequest(), context.getResponse(), context);
    }
}
