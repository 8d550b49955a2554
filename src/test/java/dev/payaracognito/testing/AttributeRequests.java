package dev.payaracognito.testing;

import jakarta.servlet.http.HttpServletRequest;
import java.lang.reflect.Proxy;
import java.util.HashMap;
import java.util.Map;

/** Requests for a test without a server: they keep their attributes, and answer nothing else. */
public final class AttributeRequests {

    private AttributeRequests() {}

    /** A request whose attributes start as {@code attributes}. */
    public static HttpServletRequest with(Map<String, Object> attributes) {
        Map<String, Object> kept = new HashMap<>(attributes);
        return (HttpServletRequest) Proxy.newProxyInstance(AttributeRequests.class.getClassLoader(),
                new Class<?>[] {HttpServletRequest.class}, (proxy, called, args) -> switch (called.getName()) {
                    case "getAttribute" -> kept.get((String) args[0]);
                    case "setAttribute" -> kept.put((String) args[0], args[1]);
                    case "removeAttribute" -> kept.remove((String) args[0]);
                    default -> null;
                });
    }
}
