package dev.payaracognito.localcognito.tokens;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jwt.JWTClaimsSet;
import dev.payaracognito.localcognito.TokenUse;

/**
 * How a hostile provider writes one token of the next token response. {@link Forgeries} has the usual ones.
 *
 * @see LocalCognito#forgeNextTokens(TokenForgery...)
 */
public interface TokenForgery {

    /** The token this forgery replaces; the other token of the response stays honest. */
    TokenUse target();

    /** The serialized token, from the claims and the key the honest pool would have used. */
    String forge(JWTClaimsSet honestClaims, RSAKey honestKey) throws JOSEException;
}
