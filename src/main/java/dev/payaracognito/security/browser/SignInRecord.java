package dev.payaracognito.security.browser;

import dev.payaracognito.cluster.PlainBytes;
import dev.payaracognito.cluster.TextFields;
import dev.payaracognito.security.token.CognitoToken;
import dev.payaracognito.security.token.CognitoTokenValidator;
import java.io.ByteArrayInputStream;
import java.io.DataInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.time.Instant;
import java.util.HexFormat;
import java.util.Set;
import java.util.TreeSet;

/**
 * What a signed-in session keeps of its sign-in: who signed in and in which groups (the container's caller on
 * every request, and a refresh must name the same user), when (the absolute lifetime counts from it), which Cognito
 * sign-in it is ({@code origin_jti}, refused everywhere after sign-out), the ID and access tokens our identity store
 * last accepted and when each expires (to tell when they fall due, to notice a refresh, and to give the OpenID
 * mechanism the tokens it refreshes, on any node; the refresh token is kept apart, {@code RefreshTokens}), and the
 * digest of the browser's binding cookie ({@link SessionBinding}).
 * It travels with the session through the data grid sealed ({@link SealedSignIn}), as the bytes of {@link #bytes()}:
 * a plain layout of its own, not Java serialization.
 */
record SignInRecord(String subject, String username, Set<String> groups, String originJti, Instant signedInAt,
        SessionTokens tokens, Instant accessTokenExpiresAt, Instant idTokenExpiresAt, String bindingDigest) {

    /**
     * The layout of {@link #bytes()}: a change of it gets a new number (2: the refresh token kept apart; 3: the ID
     * token's expiry; 4: the tokens as their segments' bytes, {@code TokenFields}).
     */
    private static final int LAYOUT = 4;

    static SignInRecord of(CognitoToken access, SessionTokens tokens, Instant now, String bindingDigest) {
        return new SignInRecord(access.subject(), access.username(), new TreeSet<>(access.groups()),
                access.originJti(), now, tokens, access.expiresAt(), tokens.idTokenExpiresAt(), bindingDigest);
    }

    /**
     * This session's id in the index of sessions ({@code SessionIndex}): derived from the binding's digest, which is
     * new at every sign-in and sealed in the record, so that no node needs to keep it and the grid cannot change it.
     */
    String sessionId() {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256")
                    .digest(("session-index:" + bindingDigest).getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(digest, 0, 16);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every JDK", e);
        }
    }

    /**
     * Until when the sign-in's access tokens verify, or one of its sessions ({@code maxLifetime}) could live,
     * whichever is later: how long an ended sign-in must be remembered.
     */
    Instant usableUntil(Duration maxLifetime) {
        Instant tokensExpire = accessTokenExpiresAt.plus(CognitoTokenValidator.MAX_SKEW);
        Instant sessionsEnd = signedInAt.plus(maxLifetime);
        return tokensExpire.isAfter(sessionsEnd) ? tokensExpire : sessionsEnd;
    }

    /**
     * Whether the OpenID mechanism would refresh the tokens now: one of them expires within {@code minValidity}, as
     * Soteria reckons it (its tokens' {@code isExpired}).
     */
    boolean tokensDue(Instant now, Duration minValidity) {
        return now.plus(minValidity).isAfter(tokensExpireAt());
    }

    /** When the first of the sign-in's tokens expires. */
    Instant tokensExpireAt() {
        return accessTokenExpiresAt.isBefore(idTokenExpiresAt) ? accessTokenExpiresAt : idTokenExpiresAt;
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
                refreshedTokens, access.expiresAt(), refreshedTokens.idTokenExpiresAt(), bindingDigest);
    }

    /** Never the tokens, nor the binding's digest: a record may end up in a log line or an exception. */
    @Override
    public String toString() {
        return "SignInRecord[username=" + username + ", groups=" + groups + ", signedInAt=" + signedInAt + "]";
    }

    byte[] bytes() {
        return PlainBytes.of(4096, out -> {
            out.writeByte(LAYOUT);
            for (String text : new String[] {subject, username, originJti, bindingDigest}) {
                TextFields.write(out, text);
            }
            tokens.writeTo(out);
            out.writeLong(signedInAt.toEpochMilli());
            out.writeLong(accessTokenExpiresAt.toEpochMilli());
            out.writeLong(idTokenExpiresAt.toEpochMilli());
            out.writeInt(groups.size());
            for (String group : groups) {
                TextFields.write(out, group);
            }
        });
    }

    /** The record {@link #bytes()} wrote; an {@link IOException} for anything else. */
    static SignInRecord read(byte[] bytes) throws IOException {
        DataInputStream in = new DataInputStream(new ByteArrayInputStream(bytes));
        if (in.readByte() != LAYOUT) {
            throw new IOException("not a sign-in record of this layout");
        }
        String subject = TextFields.read(in);
        String username = TextFields.read(in);
        String originJti = TextFields.read(in);
        String bindingDigest = TextFields.read(in);
        SessionTokens tokens = SessionTokens.readFrom(in);
        Instant signedInAt = Instant.ofEpochMilli(in.readLong());
        Instant accessTokenExpiresAt = Instant.ofEpochMilli(in.readLong());
        Instant idTokenExpiresAt = Instant.ofEpochMilli(in.readLong());
        int groupCount = in.readInt();
        if (groupCount < 0 || groupCount > bytes.length) {
            throw new IOException("not a sign-in record");
        }
        Set<String> groups = new TreeSet<>();
        for (int i = 0; i < groupCount; i++) {
            groups.add(TextFields.read(in));
        }
        if (in.available() != 0 || subject == null || username == null || tokens.accessToken() == null
                || tokens.idToken() == null || bindingDigest == null) {
            throw new IOException("not a sign-in record");
        }
        return new SignInRecord(subject, username, groups, originJti, signedInAt, tokens, accessTokenExpiresAt,
                idTokenExpiresAt, bindingDigest);
    }
}
