package dev.payaracognito.localcognito;

import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.Base64;
import javax.crypto.SecretKeyFactory;
import javax.crypto.spec.PBEKeySpec;

/**
 * PBKDF2-HMAC-SHA512 password hashes in the form {@code pbkdf2-sha512$iterations$salt$hash}: the pool keeps
 * no password in clear, in memory or in its file.
 */
public final class PasswordHash {

    private static final String PREFIX = "pbkdf2-sha512";
    /** OWASP's recommendation for PBKDF2-HMAC-SHA512. */
    private static final int ITERATIONS = 210_000;
    /**
     * For the demo's users, whose passwords the README prints: a slow hash would protect nothing, and cost about
     * 0.15 s at each of the test suite's 300-odd sign-ins.
     */
    private static final int PUBLISHED_PASSWORD_ITERATIONS = 1_000;
    private static final SecureRandom RANDOM = new SecureRandom();

    private PasswordHash() {}

    public static String of(String password) {
        return of(password, ITERATIONS);
    }

    /** The hash of a password everyone knows (a demo user's). */
    static String ofPublished(String password) {
        return of(password, PUBLISHED_PASSWORD_ITERATIONS);
    }

    private static String of(String password, int iterations) {
        byte[] salt = new byte[16];
        RANDOM.nextBytes(salt);
        return String.join("$", PREFIX, Integer.toString(iterations), b64(salt), b64(derive(password, salt, iterations)));
    }

    public static boolean matches(String password, String encoded) {
        String[] parts = encoded.split("\\$");
        if (parts.length != 4 || !parts[0].equals(PREFIX)) {
            throw new IllegalArgumentException("not a " + PREFIX + " password hash");
        }
        byte[] salt = Base64.getDecoder().decode(parts[2]);
        byte[] expected = Base64.getDecoder().decode(parts[3]);
        return MessageDigest.isEqual(expected, derive(password, salt, Integer.parseInt(parts[1])));
    }

    static void requireWellFormed(String encoded) {
        String[] parts = encoded.split("\\$");
        if (parts.length != 4 || !parts[0].equals(PREFIX) || !parts[1].matches("\\d{4,9}")) {
            throw new IllegalArgumentException("passwordHash must look like " + PREFIX + "$iterations$salt$hash");
        }
    }

    private static byte[] derive(String password, byte[] salt, int iterations) {
        try {
            PBEKeySpec spec = new PBEKeySpec(password.toCharArray(), salt, iterations, 512);
            return SecretKeyFactory.getInstance("PBKDF2WithHmacSHA512").generateSecret(spec).getEncoded();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("PBKDF2WithHmacSHA512 is part of every JDK", e);
        }
    }

    private static String b64(byte[] bytes) {
        return Base64.getEncoder().withoutPadding().encodeToString(bytes);
    }
}
