/**
 * Sessions people can see and end: an index of the signed-in sessions by user, kept in the data grid beside
 * Payara's sessions (sealed, each entry living and dying with its session), each session's refresh token (there and
 * nowhere else, for whichever node refreshes, signs out or ends the session), "your sessions" for every user, and an
 * admin's ending of all of a user's access, Cognito's {@code AdminUserGlobalSignOut} included where the app is given
 * AWS credentials for it. Ending a session uses what a sign-out uses: the list of ended sign-ins, Cognito's
 * revocation. It knows nothing of the mechanisms or the pages.
 */
package dev.payaracognito.sessions;
