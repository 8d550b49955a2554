/**
 * The Faces pages' beans (profile, sign-out), the callback servlet that sends a signed-in user on, and the
 * listeners that set the session's cookie and idle timeout. It may use every package but {@code api}.
 */
package dev.payaracognito.web;
