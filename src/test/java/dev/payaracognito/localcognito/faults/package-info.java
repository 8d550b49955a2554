/**
 * How the local Cognito misbehaves when a test asks: endpoints that fail, hang or talk garbage, one-shot hostile
 * answers (a bent state, an error callback, a raw token response), and the pool's movable clock.
 */
package dev.payaracognito.localcognito.faults;
