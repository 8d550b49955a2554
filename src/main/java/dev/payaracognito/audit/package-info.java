/**
 * What the app's security did, for operators: one JSON line per sign-in, refresh, refusal and sign-out on the
 * logger {@code audit}, and the counters behind {@code /api/admin/stats}. It uses nothing of the app's other
 * packages.
 */
package dev.payaracognito.audit;
