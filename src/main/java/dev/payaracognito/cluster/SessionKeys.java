package dev.payaracognito.cluster;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import javax.crypto.AEADBadTagException;
import javax.crypto.Cipher;
import javax.crypto.Mac;
import javax.crypto.SecretKey;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;

/**
 * The keys that seal what the app puts in the data grid (AES-256-GCM: whoever reads the grid learns nothing, whoever
 * writes it cannot make a value that opens), kept where the grid never is: {@code APP_SESSION_KEY}, a list of
 * {@code id:key} (the key 32 random bytes in base64), the first of which seals and all of which open. A key is
 * rotated in three rolls of the nodes: the new key added after the old one (every node can open what any seals),
 * then put first (it seals), then the old one removed once no session sealed under it lives. A sealed value names
 * its key's id and what it is (its purpose, authenticated with it), so that a value sealed for one purpose does not
 * open as another.
 */
public final class SessionKeys {

    public static final String SETTING = "APP_SESSION_KEY (app.session.key)";
    private static final String ID = "[A-Za-z0-9_.-]{1,32}";
    private static final Pattern KEY_ID = Pattern.compile(ID);
    /**
     * One AES-GCM cipher per thread, initialised again for each value: getting a cipher looks the algorithm up among
     * the security providers, which cost more than the decryption of an entry (every signed-in request opens its
     * sign-in record, an admin's search every entry of the index). A JDK object only, so no class of the app is held
     * by it.
     */
    private static final ThreadLocal<Cipher> AES_GCM = ThreadLocal.withInitial(() -> {
        try {
            return Cipher.getInstance("AES/GCM/NoPadding");
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("AES-GCM is part of every JDK", e);
        }
    });
    private static final int KEY_BYTES = 32;
    private static final int NONCE_BYTES = 12;
    private static final int TAG_BITS = 128;
    /** The layout of a sealed value: this byte, the key id's length and bytes, the nonce, the ciphertext and tag. */
    private static final byte FORMAT = 1;

    private final String sealingId;
    private final Map<String, SecretKey> keys;
    private final boolean ofThisNode;
    private final SecureRandom random;

    private SessionKeys(Map<String, SecretKey> keys, boolean ofThisNode, SecureRandom random) {
        this.sealingId = keys.keySet().iterator().next();
        this.keys = Map.copyOf(keys);
        this.ofThisNode = ofThisNode;
        this.random = random;
    }

    /**
     * The keys of the setting's value; {@link IllegalArgumentException} saying what is wrong (never with the key).
     */
    public static SessionKeys parse(String setting, SecureRandom random) {
        Map<String, SecretKey> keys = new LinkedHashMap<>();
        for (String entry : List.of(setting.split(","))) {
            String[] idAndKey = entry.strip().split(":", 2);
            if (idAndKey.length != 2 || !idAndKey[0].matches(ID)) {
                throw new IllegalArgumentException(SETTING + " must be id:key pairs, comma-separated, the id of 1 to"
                        + " 32 letters, digits, '.', '_' or '-' (the first key seals, every key opens).");
            }
            if (keys.put(idAndKey[0], aesKey(idAndKey[0], idAndKey[1])) != null) {
                throw new IllegalArgumentException(SETTING + " names the key id " + idAndKey[0] + " twice.");
            }
        }
        return new SessionKeys(keys, false, random);
    }

    /** A key this node made for itself: the sessions it seals open on this node only. */
    public static SessionKeys ofThisNode(SecureRandom random) {
        byte[] key = new byte[KEY_BYTES];
        random.nextBytes(key);
        byte[] id = new byte[4];
        random.nextBytes(id);
        return new SessionKeys(Map.of("node-" + HexFormat.of().formatHex(id), new SecretKeySpec(key, "AES")), true,
                random);
    }

    /** Whether the key is this node's own (no {@code APP_SESSION_KEY} was given). */
    public boolean ofThisNode() {
        return ofThisNode;
    }

    /** The id of the key that seals. */
    public String sealingId() {
        return sealingId;
    }

    /**
     * Names for {@code value} that say nothing of it to whoever reads the grid (HMAC-SHA256 under a key derived from
     * each session key, 128 bits in hex), one per key, the sealing key's first: what was named under an older key is
     * still found while that key is listed.
     */
    public List<String> tags(String purpose, String value) {
        List<String> tags = new ArrayList<>();
        tags.add(tag(keys.get(sealingId), purpose, value));
        keys.forEach((id, key) -> {
            if (!id.equals(sealingId)) {
                tags.add(tag(key, purpose, value));
            }
        });
        return tags;
    }

    private static String tag(SecretKey key, String purpose, String value) {
        try {
            Mac derive = Mac.getInstance("HmacSHA256");
            derive.init(new SecretKeySpec(key.getEncoded(), "HmacSHA256"));
            byte[] tagKey = derive.doFinal(("tags:" + purpose).getBytes(StandardCharsets.UTF_8));
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(tagKey, "HmacSHA256"));
            return HexFormat.of().formatHex(mac.doFinal(value.getBytes(StandardCharsets.UTF_8)), 0, 16);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 is part of every JDK", e);
        }
    }

    /** {@code plaintext} sealed for {@code purpose} under the first key. */
    public byte[] seal(String purpose, byte[] plaintext) {
        byte[] id = sealingId.getBytes(StandardCharsets.US_ASCII);
        byte[] nonce = new byte[NONCE_BYTES];
        random.nextBytes(nonce);
        ByteBuffer sealed = ByteBuffer.allocate(2 + id.length + NONCE_BYTES + plaintext.length + TAG_BITS / 8);
        sealed.put(FORMAT).put((byte) id.length).put(id).put(nonce);
        try {
            Cipher cipher = AES_GCM.get();
            cipher.init(Cipher.ENCRYPT_MODE, keys.get(sealingId), new GCMParameterSpec(TAG_BITS, nonce));
            cipher.updateAAD(associatedData(purpose, id));
            cipher.doFinal(ByteBuffer.wrap(plaintext), sealed);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("AES-GCM is not available", e);
        }
        return sealed.array();
    }

    /** What {@link #seal} sealed for {@code purpose}; {@link Unopened} if it is not that. */
    public byte[] open(String purpose, byte[] sealed) throws Unopened {
        if (sealed == null || sealed.length < 2 || sealed[0] != FORMAT) {
            throw new Unopened(Unopened.Reason.FORGED, null);
        }
        int idLength = sealed[1] & 0xff;
        int nonceAt = 2 + idLength;
        if (sealed.length < nonceAt + NONCE_BYTES + TAG_BITS / 8) {
            throw new Unopened(Unopened.Reason.FORGED, null);
        }
        String id = new String(sealed, 2, idLength, StandardCharsets.US_ASCII);
        SecretKey key = keys.get(id);
        if (key == null) {
            // only a miss is matched against the ids' form (every listed id has it): every signed-in request opens
            // its record, and the match cost more than the map's lookup
            throw KEY_ID.matcher(id).matches() ? new Unopened(Unopened.Reason.UNKNOWN_KEY, id)
                    : new Unopened(Unopened.Reason.FORGED, null);
        }
        try {
            Cipher cipher = AES_GCM.get();
            cipher.init(Cipher.DECRYPT_MODE, key, new GCMParameterSpec(TAG_BITS, sealed, nonceAt, NONCE_BYTES));
            cipher.updateAAD(associatedData(purpose, id.getBytes(StandardCharsets.US_ASCII)));
            int ciphertextAt = nonceAt + NONCE_BYTES;
            return cipher.doFinal(sealed, ciphertextAt, sealed.length - ciphertextAt);
        } catch (AEADBadTagException forged) {
            throw new Unopened(Unopened.Reason.FORGED, id);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("AES-GCM is not available", e);
        }
    }

    private static byte[] associatedData(String purpose, byte[] id) {
        byte[] what = purpose.getBytes(StandardCharsets.UTF_8);
        return ByteBuffer.allocate(2 + id.length + what.length).put(FORMAT).put((byte) id.length).put(id).put(what)
                .array();
    }

    private static SecretKey aesKey(String id, String base64) {
        byte[] key;
        try {
            // base64 or base64url, padded or not
            String standard = base64.strip().replace('-', '+').replace('_', '/');
            key = Base64.getDecoder().decode(standard + "=".repeat((4 - standard.length() % 4) % 4));
        } catch (IllegalArgumentException notBase64) {
            key = new byte[0];
        }
        if (key.length != KEY_BYTES) {
            throw new IllegalArgumentException(SETTING + ": the key " + id + " must be 32 random bytes in base64"
                    + " (openssl rand -base64 32).");
        }
        return new SecretKeySpec(key, "AES");
    }

    /** A sealed value that does not open: under a key this node does not have, or not sealed by us at all. */
    public static final class Unopened extends Exception {

        public enum Reason { UNKNOWN_KEY, FORGED }

        private final Reason reason;
        private final String keyId;

        Unopened(Reason reason, String keyId) {
            super(reason == Reason.UNKNOWN_KEY ? "sealed under the key " + keyId + ", which this node does not have"
                    : "not sealed by this app (or altered)", null, false, false);
            this.reason = reason;
            this.keyId = keyId;
        }

        public Reason reason() {
            return reason;
        }

        /** The key id the value names; null when it was forged. */
        public String keyId() {
            return keyId;
        }
    }
}
