/**
 * What the local Cognito hands out and remembers: Cognito-shaped tokens and their signing keys, authorization
 * codes and refresh tokens, the lifetimes of each, and the forgeries a test can have it sign instead.
 */
package dev.payaracognito.localcognito.tokens;
