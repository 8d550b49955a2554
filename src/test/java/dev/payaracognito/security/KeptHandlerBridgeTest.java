package dev.payaracognito.security;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.payaracognito.testing.AttributeRequests;
import jakarta.security.auth.message.AuthException;
import jakarta.security.auth.message.AuthStatus;
import jakarta.security.auth.message.MessageInfo;
import jakarta.security.enterprise.AuthenticationException;
import jakarta.security.enterprise.AuthenticationStatus;
import jakarta.security.enterprise.authentication.mechanism.http.HttpAuthenticationMechanismHandler;
import jakarta.security.enterprise.authentication.mechanism.http.HttpMessageContext;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import javax.security.auth.Subject;
import javax.security.auth.callback.CallbackHandler;
import org.glassfish.soteria.mechanisms.jaspic.Jaspic;
import org.junit.jupiter.api.Test;

/**
 * The bridge answers the container as Soteria's own does (statuses, the last status Soteria's security context
 * reads, failures), and asks the handler it was given, on every call.
 */
class KeptHandlerBridgeTest {

    private final List<String> calls = new ArrayList<>();
    private AuthenticationStatus answer = AuthenticationStatus.SUCCESS;
    private Exception failure;
    private HttpMessageContext seen;

    private final HttpAuthenticationMechanismHandler mechanisms = new HttpAuthenticationMechanismHandler() {
        @Override
        public AuthenticationStatus validateRequest(HttpServletRequest request, HttpServletResponse response,
                HttpMessageContext context) throws AuthenticationException {
            calls.add("validate " + request.getAttribute("name"));
            seen = context;
            if (failure instanceof AuthenticationException refused) {
                throw refused;
            }
            if (failure instanceof RuntimeException broken) {
                throw broken;
            }
            return answer;
        }

        @Override
        public AuthenticationStatus secureResponse(HttpServletRequest request, HttpServletResponse response,
                HttpMessageContext context) throws AuthenticationException {
            calls.add("secure " + request.getAttribute("name"));
            if (failure instanceof AuthenticationException refused) {
                throw refused;
            }
            return answer;
        }

        @Override
        public void cleanSubject(HttpServletRequest request, HttpServletResponse response, HttpMessageContext context) {
            calls.add("clean " + request.getAttribute("name"));
        }
    };

    private final KeptHandlerBridge bridge = new KeptHandlerBridge(mechanisms);

    @Test
    void eachStatusIsTheContainersAsSoteriaWouldSayIt() throws Exception {
        bridge.initialize(null, null, callbacks -> {}, Map.of());
        Map<AuthenticationStatus, AuthStatus> expected = Map.of(AuthenticationStatus.SUCCESS, AuthStatus.SUCCESS,
                AuthenticationStatus.NOT_DONE, AuthStatus.SUCCESS,
                AuthenticationStatus.SEND_CONTINUE, AuthStatus.SEND_CONTINUE,
                AuthenticationStatus.SEND_FAILURE, AuthStatus.SEND_FAILURE);
        for (var status : expected.entrySet()) {
            answer = status.getKey();
            HttpServletRequest request = request("r");
            assertEquals(status.getValue(), bridge.validateRequest(message(request), new Subject(), null));
            assertEquals(status.getKey(), Jaspic.getLastAuthenticationStatus(request));
        }
    }

    @Test
    void aFailureOfTheHandlerIsTheContainersAuthExceptionAndTheLastStatusSaysSo() {
        failure = new AuthenticationException("refused");
        HttpServletRequest request = request("r");
        AuthException thrown = assertThrows(AuthException.class,
                () -> bridge.validateRequest(message(request), new Subject(), null));
        assertSame(failure, thrown.getCause());
        assertEquals(AuthenticationStatus.SEND_FAILURE, Jaspic.getLastAuthenticationStatus(request));
    }

    @Test
    void theHandlerSeesTheContainersSubjectAndCallbacks() throws Exception {
        CallbackHandler callbacks = given -> {};
        Subject client = new Subject();
        bridge.initialize(null, null, callbacks, Map.of());
        bridge.validateRequest(message(request("r")), client, new Subject());
        assertSame(client, seen.getClientSubject());
        assertSame(callbacks, seen.getHandler());
    }

    @Test
    void anUncheckedFailureLeavesTheLastStatusNotDone() {
        failure = new IllegalStateException("broken");
        HttpServletRequest request = request("r");
        assertThrows(IllegalStateException.class, () -> bridge.validateRequest(message(request), new Subject(), null));
        assertEquals(AuthenticationStatus.NOT_DONE, Jaspic.getLastAuthenticationStatus(request));
    }

    @Test
    void aFailureToSecureTheResponseIsTheContainersAuthException() throws Exception {
        answer = AuthenticationStatus.NOT_DONE;
        assertEquals(AuthStatus.SEND_SUCCESS, bridge.secureResponse(message(request("a")), null));
        failure = new AuthenticationException("refused");
        AuthException thrown = assertThrows(AuthException.class,
                () -> bridge.secureResponse(message(request("b")), null));
        assertSame(failure, thrown.getCause());
    }

    @Test
    void aSecuredResponseIsSentAndEveryCallAsksTheHandlerGiven() throws Exception {
        assertEquals(AuthStatus.SEND_SUCCESS, bridge.secureResponse(message(request("a")), null));
        bridge.validateRequest(message(request("b")), new Subject(), null);
        bridge.cleanSubject(message(request("c")), new Subject());
        assertEquals(List.of("secure a", "validate b", "clean c"), calls);
        assertArrayEquals(new Class<?>[] {HttpServletRequest.class, HttpServletResponse.class},
                bridge.getSupportedMessageTypes());
    }

    /** A request named by one of its attributes. */
    private static HttpServletRequest request(String name) {
        return AttributeRequests.with(Map.of("name", name));
    }

    private static MessageInfo message(HttpServletRequest request) {
        Map<Object, Object> map = new HashMap<>();
        return new MessageInfo() {
            @Override
            public Object getRequestMessage() {
                return request;
            }

            @Override
            public Object getResponseMessage() {
                return null;
            }

            @Override
            public void setRequestMessage(Object message) {}

            @Override
            public void setResponseMessage(Object message) {}

            @Override
            @SuppressWarnings("rawtypes")
            public Map getMap() {
                return map;
            }
        };
    }
}
