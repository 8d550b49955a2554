/**
 * The app's part of a trace, through MicroProfile Telemetry (Payara's OpenTelemetry, injected): spans for what only
 * the app knows (authentication, token validation, the pool's keys, refresh, revocation, sign-out), client spans for
 * the app's own calls to Cognito, and the trace's ids on every log line written inside a traced request. Off unless
 * the operator turns OpenTelemetry on (docs/operating.md, "Traces"); then a no-op costs nothing. It uses nothing of
 * the app's other packages.
 */
package dev.payaracognito.telemetry;
