package dev.payaracognito.localcognito.endpoints;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.Optional;

/**
 * The hosted UI's forms are protected as Cognito's are: a double-submit token, in the cookie {@code XSRF-TOKEN}
 * and in the form's field {@code _csrf}; a post whose two copies differ is refused.
 */
final class DoubleSubmitCsrf {

    private static final String COOKIE = "XSRF-TOKEN";
    private static final SecureRandom RANDOM = new SecureRandom();

    private DoubleSubmitCsrf() {}

    /** A new token: set in the cookie, answered for the form's field. */
    static String issue(Exchange exchange) {
        byte[] token = new byte[32];
        RANDOM.nextBytes(token);
        String csrf = Base64.getUrlEncoder().withoutPadding().encodeToString(token);
        exchange.setCookie(COOKIE + "=" + csrf + "; Path=/; HttpOnly; SameSite=Lax");
        return csrf;
    }

    static boolean posted(Exchange exchange) throws IOException {
        Optional<String> cookie = exchange.cookie(COOKIE);
        String field = exchange.form().getOrDefault("_csrf", "");
        return cookie.isPresent() && MessageDigest.isEqual(cookie.get().getBytes(StandardCharsets.UTF_8),
                field.getBytes(StandardCharsets.UTF_8));
    }
}
