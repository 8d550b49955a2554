package dev.payaracognito.api;

import jakarta.ws.rs.ApplicationPath;
import jakarta.ws.rs.core.Application;

/** The REST API, for clients that hold a Cognito access token: {@code Authorization: Bearer <token>}. */
@ApplicationPath("api")
public class ApiApplication extends Application {}
