/**
 * The browser's sign-in, around the OpenID mechanism: the callback made authoritative, the pending sign-in and
 * the page to return to, the signed-in session's lifetime and its refreshed tokens, and the one helper through
 * which every redirect built from a request stays on this site. It may use {@code security}, {@code token},
 * {@code cognito}, {@code cluster}, {@code sessions}, {@code audit} and {@code errors}.
 */
package dev.payaracognito.security.browser;
