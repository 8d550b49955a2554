/**
 * The REST API's authentication: a Cognito access token in {@code Authorization: Bearer}, for one request,
 * answered the RFC 6750 way. Its credential lives in {@code security}, beside the identity store that validates
 * it. It may use {@code security}, {@code token}, {@code audit} and {@code errors}.
 */
package dev.payaracognito.security.bearer;
