package dev.payaracognito.security.browser;

import dev.payaracognito.security.token.CognitoToken;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Set;
import java.util.TreeSet;

/**
 * What a signed-in session keeps of its sign-in: who signed in and in which groups (the container's caller on
 * every request, and a refresh must name the same user), when (the absolute lifetime counts from it), which Cognito
 * sign-in it is ({@code origin_jti}, refused everywhere after sign-out), the tokens our identity store last accepted
 * (to notice a refresh, and to give the OpenID mechanism its tokens again on another node), and the digest of the
 * browser's binding cookie ({@link SessionBinding}). It travels with the session through the data grid sealed
 * ({@link SealedSignIn}), as the bytes of {@link #bytes()}: a plain layout of its own, not Java serialization.
 */
record SignInRecord(String subject, String username, Set<String> groups, String originJti, Instant signedInAt,
        SessionTokens tokens, Instant accessTokenExpiresAt, String bindingDigest) {

    /** The layout of {@link #bytes()}: a change of it gets a new number. */
    private static final int LAYOUT = 1;

    static SignInRecord of(CognitoToken access, SessionTokens tokens, Instant now, String bindingDigest) {
        return new SignInRecord(access.subject(), access.username(), new TreeSet<>(access.groups()),
                access.originJti(), now, tokens, access.expiresAt(), bindingDigest);
    }

    /** Whether {@code token} names the same user as this sign-in. */
    boolean sameUser(CognitoToken token) {
        return subject.equals(token.subject()) && username.equals(token.username());
    }

    /** Whether {@code accessToken} is the one our identity store last accepted for this session. */
    boolean validated(String accessToken) {
        return tokens.accessToken().equals(accessToken);
    }

    SignInRecord refreshed(CognitoToken access, SessionTokens refreshedTokens) {
        return new SignInRecord(subject, username, new TreeSet<>(access.groups()), originJti, signedInAt,
                refreshedTokens, access.expiresAt(), bindingDigest);
    }

    /** Never the tokens, nor the binding's digest: a record may end up in a log line or an exception. */
    @Override
    public String toString() {
        return "SignInRecord[username=" + username + ", groups=" + groups + ", signedInAt=" + signedInAt + "]";
    }

    byte[] bytes() {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream(4096);
        try (DataOutputStream out = new DataOutputStream(bytes)) {
            out.writeByte(LAYOUT);
            for (String text : new String[] {subject, username, originJti, bindingDigest}) {
                writeText(out, text);
            }
            tokens.writeTo(out);
            out.writeLong(signedInAt.toEpochMilli());
            out.writeLong(accessTokenExpiresAt.toEpochMilli());
            out.writeInt(groups.size());
            for (String group : groups) {
                writeText(out, group);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return bytes.toByteArray();
    }

    /** The record {@link #bytes()} wrote; an {@link IOException} for anything else. */
    static SignInRecord read(byte[] bytes) throws IOException {
        DataInputStream in = new DataInputStream(new ByteArrayInputStream(bytes));
        if (in.readByte() != LAYOUT) {
            throw new IOException("not a sign-in record of this layout");
        }
        String subject = readText(in);
        String username = readText(in);
        String originJti = readText(in);
        String bindingDigest = readText(in);
        SessionTokens tokens = SessionTokens.readFrom(in);
        Instant signedInAt = Instant.ofEpochMilli(in.readLong());
        Instant accessTokenExpiresAt = Instant.ofEpochMilli(in.readLong());
        int groupCount = in.readInt();
        if (groupCount < 0 || groupCount > bytes.length) {
            throw new IOException("not a sign-in record");
        }
        Set<String> groups = new TreeSet<>();
        for (int i = 0; i < groupCount; i++) {
            groups.add(readText(in));
        }
        if (in.available() != 0 || subject == null || username == null || tokens.accessToken() == null
                || tokens.idToken() == null || bindingDigest == null) {
            throw new IOException("not a sign-in record");
        }
        return new SignInRecord(subject, username, groups, originJti, signedInAt, tokens, accessTokenExpiresAt,
                bindingDigest);
    }

    /** A length (-1 for null) and UTF-8: tokens may be longer than {@code writeUTF}'s 64 KB. */
    static void writeText(DataOutputStream out, String text) throws IOException {
        if (text == null) {
            out.writeInt(-1);
            return;
        }
        byte[] utf8 = text.getBytes(StandardCharsets.UTF_8);
        out.writeInt(utf8.length);
        out.write(utf8);
    }

    static String readText(DataInputStream in) throws IOException {
        int length = in.readInt();
        if (length == -1) {
            return null;
        }
        if (length < 0 || length > in.available()) {
            throw new IOException("not a sign-in record");
        }
        return new String(in.readNBytes(length), StandardCharsets.UTF_8);
    }
}
