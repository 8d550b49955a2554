/**
 * The Faces pages' beans (profile, sign-out), the callback servlet that sends a signed-in user on, the
 * listeners that set the session's cookie and idle timeout, and what the app changes of Faces itself (the flash off,
 * queries out of traces). It may use every package but {@code api}.
 */
package dev.payaracognito.web;
