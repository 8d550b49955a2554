package dev.payaracognito.security.browser;

import java.io.Serializable;

/**
 * The tokens of a signed-in session as our identity store last accepted them, as plain strings: what the OpenID
 * mechanism's own context holds, in a form that travels with the session to another node ({@link
 * OpenIdContextReplica}). The refresh token is absent when Cognito gave none.
 */
record SessionTokens(String tokenType, String idToken, String accessToken, String refreshToken, String scope)
        implements Serializable {}
