package dev.payaracognito.cognito;

import jakarta.ws.rs.client.ClientRequestContext;
import jakarta.ws.rs.client.ClientRequestFilter;
import jakarta.ws.rs.core.Form;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.Base64;

/**
 * PKCE (RFC 7636, S256) for the browser sign-in, which Soteria does not do (no version of it does, and RFC 9700
 * section 2.1.1 recommends it for confidential clients too, against a stolen code injected into a callback): a
 * verifier made for each sign-in, whose challenge goes on the authorization request, and the verifier added to the
 * code exchange Soteria makes with Cognito's token endpoint. This is that exchange's part: a JAX-RS client filter on
 * Soteria's calls ({@link ProviderCalls}), given the verifier of the sign-in being answered for as long as the
 * exchange runs on this thread. Cognito: S256 only; the code is then bound to the challenge, and a wrong or missing
 * verifier is {@code invalid_grant}.
 */
public class CodeVerifier implements ClientRequestFilter {

    private static final String TOKEN_PATH = "/oauth2/token";
    private static final SecureRandom RANDOM = new SecureRandom();
    private static final Base64.Encoder BASE64URL = Base64.getUrlEncoder().withoutPadding();
    private static final ThreadLocal<String> ANSWERING = new ThreadLocal<>();

    /** A new verifier: 32 random bytes, 43 characters of base64url (RFC 7636 section 4.1). */
    public static String newVerifier() {
        byte[] verifier = new byte[32];
        RANDOM.nextBytes(verifier);
        return BASE64URL.encodeToString(verifier);
    }

    /** The S256 challenge of {@code verifier}. */
    public static String challengeOf(String verifier) {
        try {
            return BASE64URL.encodeToString(MessageDigest.getInstance("SHA-256")
                    .digest(verifier.getBytes(StandardCharsets.US_ASCII)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is not available", e);
        }
    }

    /** The code exchange about to run on this thread answers the sign-in of {@code verifier} (null: none). */
    public static void answering(String verifier) {
        ANSWERING.set(verifier);
    }

    /** The exchange is over. */
    public static void answered() {
        ANSWERING.remove();
    }

    @Override
    public void filter(ClientRequestContext request) {
        String verifier = ANSWERING.get();
        if (verifier != null && "POST".equals(request.getMethod()) && request.getUri().getPath().endsWith(TOKEN_PATH)
                && request.getEntity() instanceof Form form
                && "authorization_code".equals(form.asMap().getFirst("grant_type"))) {
            form.param("code_verifier", verifier);
        }
    }
}
