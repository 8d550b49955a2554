package dev.payaracognito.api;

import jakarta.ws.rs.ApplicationPath;
import jakarta.ws.rs.core.Application;
import java.util.Map;

/** The REST API, for clients that hold a Cognito access token: {@code Authorization: Bearer <token>}. */
@ApplicationPath("api")
public class ApiApplication extends Application {

    /** No WADL: Jersey would describe the whole API to anyone who sends OPTIONS. */
    @Override
    public Map<String, Object> getProperties() {
        return Map.of("jersey.config.server.wadl.disableWadl", true);
    }
}
