/**
 * The local Cognito's HTTP side, one class per endpoint as Cognito serves them (discovery and JWKS under the
 * issuer; authorize, login, token, userInfo, revoke and logout on the hosted-UI domain), the stand-in identity
 * providers of federated sign-in, the router that counts requests and applies a test's faults, and the hosted UI's
 * pages, forms and sessions.
 */
package dev.payaracognito.localcognito.endpoints;
