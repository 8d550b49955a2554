/**
 * A local stand-in for an Amazon Cognito user pool, as an OpenID Connect relying party sees it (test and
 * development code, never in the WAR). This package is its public face: {@link
 * dev.payaracognito.localcognito.LocalCognito} (start, stop, and the hooks tests bend it with), the pool's users,
 * app clients, resource servers and identity providers, the JUnit extension {@link
 * dev.payaracognito.localcognito.RunningCognito}, a browser-less client of the hosted UI, and the command line. The
 * HTTP endpoints are in {@code endpoints}, tokens and keys in {@code tokens}, outages and hostility in
 * {@code faults}.
 */
package dev.payaracognito.localcognito;
