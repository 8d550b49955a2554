/**
 * How a failure looks to the user: one status and one sentence per {@link dev.payaracognito.errors.Failure}, as a
 * plain page for the browser or a small JSON body for the API, and the container's error page for everything
 * else. It uses nothing of the app's other packages.
 */
package dev.payaracognito.errors;
