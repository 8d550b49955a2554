package dev.payaracognito.security.token;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.payaracognito.cognito.IssuerFormat;
import dev.payaracognito.localcognito.RunningCognito;
import dev.payaracognito.localcognito.TokenUse;
import dev.payaracognito.localcognito.UserPool;
import dev.payaracognito.localcognito.tokens.Forgeries;
import dev.payaracognito.security.token.TokenRejected.Reason;
import java.net.URI;
import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The issuers of a pool as AWS defines them (original and updated formats, replica regions), each accepted only
 * exactly, and each with its own keys. The local Cognito signs the tokens; their {@code iss} is set to the issuer
 * under test and the validator is given the local pool's keys for the AWS issuers it accepts.
 */
class PoolIssuersTest {

    @RegisterExtension
    static final RunningCognito POOL = new RunningCognito();

    private static final String POOL_ID = UserPool.DEMO_POOL_ID; // eu-west-1_LocalDemo
    private static final String ORIGINAL = "https://cognito-idp.eu-west-1.amazonaws.com/" + POOL_ID;
    private static final String UPDATED = "https://issuer-cognito-idp.eu-west-1.amazonaws.com/" + POOL_ID;
    private static final String REPLICA = "https://cognito-idp.us-east-1.amazonaws.com/" + POOL_ID;

    @BeforeEach
    void honestCognito() {
        POOL.cognito().healAll();
    }

    @ParameterizedTest
    @ValueSource(strings = {ORIGINAL, UPDATED, REPLICA})
    void bothFormatsAndTheReplicaRegionAreAccepted(String issuer) throws Exception {
        CognitoTokenValidator validator = validator(IssuerFormat.BOTH, List.of("us-east-1"));
        assertEquals("alice", validator.validateAccessToken(accessTokenIssuedBy(issuer)).username());
    }

    @ParameterizedTest
    @ValueSource(strings = {
        "https://cognito-idp.eu-west-1.amazonaws.com/eu-west-1_OtherPool1", // another pool
        "https://cognito-idp.us-west-2.amazonaws.com/" + POOL_ID, // a region not configured
        "https://issuer-cognito-idp.us-east-1.amazonaws.com/" + POOL_ID, // updated format never names a replica
        "http://cognito-idp.eu-west-1.amazonaws.com/" + POOL_ID, // http
        "https://cognito-idp.eu-west-1.amazonaws.com.evil.example/" + POOL_ID, // a look-alike host
        "https://cognito-idp.eu-west-1.amazonaws.com/" + POOL_ID + "/", // a trailing slash
        "https://COGNITO-IDP.eu-west-1.amazonaws.com/" + POOL_ID, // not exactly
        "https://cognito-idp.eu-west-1.amazonaws.com/eu-west-1_localdemo", // the pool id in another case
    })
    void neighboursAreRefused(String issuer) throws Exception {
        CognitoTokenValidator validator = validator(IssuerFormat.BOTH, List.of("us-east-1"));
        String token = accessTokenIssuedBy(issuer);
        assertEquals(Reason.ISSUER, assertThrows(TokenRejected.class, () -> validator.validateAccessToken(token))
                .reason(), issuer);
    }

    @Test
    void eachFormatAloneRefusesTheOther() throws Exception {
        String original = accessTokenIssuedBy(ORIGINAL);
        String updated = accessTokenIssuedBy(UPDATED);
        assertEquals(Reason.ISSUER, assertThrows(TokenRejected.class,
                () -> validator(IssuerFormat.ORIGINAL, List.of()).validateAccessToken(updated)).reason());
        assertEquals(Reason.ISSUER, assertThrows(TokenRejected.class,
                () -> validator(IssuerFormat.UPDATED, List.of()).validateAccessToken(original)).reason());
        assertEquals(Reason.ISSUER, assertThrows(TokenRejected.class,
                () -> validator(IssuerFormat.ORIGINAL, List.of()).validateAccessToken(accessTokenIssuedBy(REPLICA)))
                .reason(), "a replica region only when configured");
    }

    @Test
    void eachIssuerHasItsOwnKeys() throws Exception {
        // the updated issuer's JWKS cannot be had: its tokens are refused although the original's keys know the kid
        Map<String, CognitoKeys> keys = new LinkedHashMap<>();
        keys.put(ORIGINAL, localKeys());
        keys.put(UPDATED, new CognitoKeys(URI.create("http://127.0.0.1:9/.well-known/jwks.json").toURL(),
                CognitoKeys.Policy.defaults(), TokenEvents.NONE));
        CognitoTokenValidator validator = new CognitoTokenValidator(keys, UserPool.DEMO_CLIENT_ID,
                Set.of(UserPool.DEMO_CLIENT_ID), Clock.systemUTC());
        assertEquals("alice", validator.validateAccessToken(accessTokenIssuedBy(ORIGINAL)).username());
        String updated = accessTokenIssuedBy(UPDATED);
        assertEquals(Reason.KEYS_UNAVAILABLE, assertThrows(TokenRejected.class,
                () -> validator.validateAccessToken(updated)).reason());
    }

    /** The configured pool's issuers, each with the local pool's keys (they sign every token here). */
    private static CognitoTokenValidator validator(IssuerFormat format, List<String> replicas) throws Exception {
        Map<String, CognitoKeys> keys = new LinkedHashMap<>();
        for (String issuer : format.issuers("eu-west-1", POOL_ID, replicas)) {
            keys.put(issuer, localKeys());
        }
        return new CognitoTokenValidator(keys, UserPool.DEMO_CLIENT_ID, Set.of(UserPool.DEMO_CLIENT_ID),
                Clock.systemUTC());
    }

    private static CognitoKeys localKeys() throws Exception {
        return new CognitoKeys(URI.create(POOL.cognito().issuer() + "/.well-known/jwks.json").toURL(),
                CognitoKeys.Policy.defaults(), TokenEvents.NONE);
    }

    private static String accessTokenIssuedBy(String issuer) throws Exception {
        POOL.cognito().forgeNextTokens(Forgeries.claim(TokenUse.ACCESS, "iss", issuer));
        return (String) POOL.client().tokens("alice", "Alice-Passw0rd!").get("access_token");
    }
}
