/**
 * Reading and validating Cognito's JWTs the Cognito way: the strict compact-JWS reader, the validator (RS256,
 * {@code kid} in the pool's JWKS, exact issuer, {@code token_use}, {@code aud} or {@code client_id}, times), the
 * pool's keys, the cache of validated access tokens and the list of ended sign-ins. Plain Java over the JDK,
 * JSON-P and nimbus-jose-jwt: no servlet, CDI, Faces or JAX-RS here, and nothing of the app's other packages.
 */
package dev.payaracognito.security.token;
