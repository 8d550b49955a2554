/**
 * The container's wiring of Jakarta Security: the OpenID mechanism's definition for Cognito
 * ({@link dev.payaracognito.security.CognitoSecurityConfiguration}), the container's bridge to the handler
 * ({@link dev.payaracognito.security.KeptHandlerBridge}), the handler that sends each request to the pages' or the
 * API's mechanism by its path, the identity store that validates Cognito's tokens, and the
 * vocabulary both sides share (credentials, principal, qualifiers, the request's path, the security headers).
 * It may use {@code token}, {@code cognito}, {@code cluster}, {@code audit} and {@code errors}; the mechanisms in
 * {@code browser} and {@code bearer} depend on it, never the other way round (the handler knows them by
 * qualifier only).
 */
package dev.payaracognito.security;
