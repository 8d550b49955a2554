/**
 * The REST API under {@code /api}, for clients holding a Cognito access token; what each resource needs is
 * declared in {@code web.xml}. It may use {@code security}, {@code token}, {@code cognito} and {@code audit}.
 */
package dev.payaracognito.api;
