/**
 * Everything that talks to Cognito or says where it is: the settings and their checks, the endpoints (the bean the
 * OpenID mechanism reads through EL), discovery, reachability, revocation, and how the app's calls to Cognito
 * behave (timeouts; Cognito's trouble told from a refusal). It may use {@code token} (the JWKS policy), {@code cluster} (the session keys it reads) and
 * {@code audit}.
 */
package dev.payaracognito.cognito;
