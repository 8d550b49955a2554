package dev.payaracognito.bench;

import dev.payaracognito.cluster.Ledger;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.source.ImmutableJWKSet;
import com.nimbusds.jose.proc.JWSVerificationKeySelector;
import com.nimbusds.jose.proc.SecurityContext;
import com.nimbusds.jose.util.Base64URL;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import com.nimbusds.jwt.proc.DefaultJWTClaimsVerifier;
import com.nimbusds.jwt.proc.DefaultJWTProcessor;
import dev.payaracognito.localcognito.HostedUiClient;
import dev.payaracognito.localcognito.LocalCognito;
import dev.payaracognito.localcognito.UserPool;
import dev.payaracognito.security.token.AccessTokenCache;
import dev.payaracognito.security.token.CognitoKeys;
import dev.payaracognito.security.token.CognitoToken;
import dev.payaracognito.security.token.CognitoTokenValidator;
import dev.payaracognito.security.token.RevokedSignIns;
import dev.payaracognito.security.token.TokenEvents;
import dev.payaracognito.security.token.TokenRejected;
import java.net.URI;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.security.PublicKey;
import java.security.Signature;
import java.time.Clock;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;

/**
 * Validating one Cognito access token (minted by the local Cognito, checked against its real JWKS), five ways:
 * the raw RSA-2048 SHA256withRSA verification of its signature (the floor), nimbus's DefaultJWTProcessor with
 * the equivalent claim checks, nimbus's lean path with our claim checks ({@link NimbusLeanValidator}), our
 * validator, and our validator behind its cache (a client's repeat call). And refusing hostile tokens made to
 * break a JSON parser (a number of 1,100 digits, arrays nested 1,000 deep): the cost of a refusal an attacker
 * can send at will.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
public class TokenValidationBenchmark {

    private LocalCognito cognito;
    private String token;
    private byte[] signingInput;
    private byte[] signature;
    private PublicKey publicKey;
    private DefaultJWTProcessor<SecurityContext> nimbusProcessor;
    private CognitoTokenValidator validator;
    private AccessTokenCache cache;
    private NimbusLeanValidator nimbusLean;
    private String hugeNumberToken;
    private String deepNestingToken;

    /** One Signature object per thread, as a server would keep one. */
    @State(Scope.Thread)
    public static class Rsa {
        Signature verifier;

        @Setup
        public void create() throws Exception {
            verifier = Signature.getInstance("SHA256withRSA");
        }
    }

    @Setup(Level.Trial)
    public void mintAToken() throws Exception {
        cognito = LocalCognito.demo().start();
        token = (String) new HostedUiClient(cognito).tokens("bob", "Bob-Passw0rd!").get("access_token");
        URL jwksUrl = URI.create(cognito.issuer() + "/.well-known/jwks.json").toURL();
        JWKSet jwks = JWKSet.load(jwksUrl);

        int lastDot = token.lastIndexOf('.');
        signingInput = token.substring(0, lastDot).getBytes(StandardCharsets.US_ASCII);
        signature = new Base64URL(token.substring(lastDot + 1)).decode();
        publicKey = ((RSAKey) jwks.getKeyByKeyId(SignedJWT.parse(token).getHeader().getKeyID())).toRSAPublicKey();

        nimbusProcessor = new DefaultJWTProcessor<>();
        nimbusProcessor.setJWSKeySelector(new JWSVerificationKeySelector<>(JWSAlgorithm.RS256,
                new ImmutableJWKSet<>(jwks)));
        nimbusProcessor.setJWTClaimsSetVerifier(new DefaultJWTClaimsVerifier<>(new JWTClaimsSet.Builder()
                .issuer(cognito.issuer())
                .claim("token_use", "access")
                .claim("client_id", UserPool.DEMO_CLIENT_ID)
                .build(), Set.of("sub", "exp", "iat", "username")));

        validator = new CognitoTokenValidator(Map.of(cognito.issuer(), new CognitoKeys(jwksUrl,
                CognitoKeys.Policy.defaults(), TokenEvents.NONE)), UserPool.DEMO_CLIENT_ID,
                Set.of(UserPool.DEMO_CLIENT_ID), Clock.systemUTC());
        validator.validateAccessToken(token);
        cache = new AccessTokenCache(validator, new RevokedSignIns(Ledger.inMemory(), 1_000, Clock.systemUTC(),
                TokenEvents.NONE), 10_000,
                Clock.systemUTC(), TokenEvents.NONE);
        nimbusLean = new NimbusLeanValidator(cognito.issuer(), UserPool.DEMO_CLIENT_ID, jwks, Clock.systemUTC());
        nimbusLean.validateAccessToken(token);
        hugeNumberToken = hostile("{\"kid\":" + "9".repeat(1_100) + ",\"alg\":\"RS256\"}");
        deepNestingToken = hostile("{\"alg\":\"RS256\",\"kid\":" + "[".repeat(1_000) + "]".repeat(1_000) + "}");
    }

    /** The honest token's claims and signature under a hostile header. */
    private String hostile(String header) {
        return Base64URL.encode(header.getBytes(StandardCharsets.UTF_8)) + token.substring(token.indexOf('.'));
    }

    @TearDown(Level.Trial)
    public void stop() {
        cognito.stop();
    }

    @Benchmark
    public boolean rsaVerifyFloor(Rsa rsa) throws Exception {
        rsa.verifier.initVerify(publicKey);
        rsa.verifier.update(signingInput);
        return rsa.verifier.verify(signature);
    }

    @Benchmark
    public JWTClaimsSet nimbusProcessor() throws Exception {
        return nimbusProcessor.process(token, null);
    }

    @Benchmark
    public JWTClaimsSet nimbusLeanPath() throws Exception {
        return nimbusLean.validateAccessToken(token);
    }

    @Benchmark
    public CognitoToken validatorNewToken() throws Exception {
        return validator.validateAccessToken(token);
    }

    @Benchmark
    public CognitoToken validatorRepeatToken() throws Exception {
        return cache.validate(token);
    }

    @Benchmark
    public TokenRejected.Reason validatorRefusesHugeNumber() {
        return refusal(hugeNumberToken);
    }

    @Benchmark
    public TokenRejected.Reason validatorRefusesDeepNesting() {
        return refusal(deepNestingToken);
    }

    private TokenRejected.Reason refusal(String hostileToken) {
        try {
            validator.validateAccessToken(hostileToken);
            throw new IllegalStateException("a hostile token was accepted");
        } catch (TokenRejected refused) {
            return refused.reason();
        }
    }
}
