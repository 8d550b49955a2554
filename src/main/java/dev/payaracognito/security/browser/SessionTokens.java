package dev.payaracognito.security.browser;

import com.nimbusds.jwt.JWTParser;
import dev.payaracognito.cluster.PlainBytes;
import dev.payaracognito.cluster.TextFields;
import dev.payaracognito.cluster.TokenFields;
import java.io.ByteArrayInputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.text.ParseException;
import java.time.Instant;
import java.util.Date;
import java.util.Optional;

/**
 * The ID and access tokens of a signed-in session as our identity store last accepted them, as plain strings: what
 * the OpenID mechanism's own context holds, in a form that travels with the session to another node, in its sealed
 * {@link SignInRecord} ({@link OpenIdContextReplica}), or from the node that refreshed them to the others
 * ({@link SessionRefresh}). Not the refresh token, which is kept apart ({@code RefreshTokens}).
 */
record SessionTokens(String tokenType, String idToken, String accessToken, String scope) {

    /** Never the tokens themselves: a record may end up in a log line or an exception. */
    @Override
    public String toString() {
        return "SessionTokens[tokenType=" + tokenType + ", scope=" + scope + "]";
    }

    void writeTo(DataOutputStream out) throws IOException {
        TextFields.write(out, tokenType);
        TokenFields.write(out, idToken);
        TokenFields.write(out, accessToken);
        TextFields.write(out, scope);
    }

    static SessionTokens readFrom(DataInputStream in) throws IOException {
        return new SessionTokens(TextFields.read(in), TokenFields.read(in), TokenFields.read(in), TextFields.read(in));
    }

    /** When the ID token expires: the identity store accepted it, so it is a JWT that says so. */
    Instant idTokenExpiresAt() {
        try {
            Date expiry = JWTParser.parse(idToken).getJWTClaimsSet().getExpirationTime();
            if (expiry != null) {
                return expiry.toInstant();
            }
        } catch (ParseException unreadable) {
            // not possible for a token the identity store accepted: said below
        }
        throw new IllegalStateException("an ID token without an expiry passed the identity store");
    }

    byte[] bytes() {
        return PlainBytes.of(4096, this::writeTo);
    }

    /** The tokens {@link #bytes()} wrote, with an ID and an access token; empty for anything else. */
    static Optional<SessionTokens> read(byte[] bytes) {
        DataInputStream in = new DataInputStream(new ByteArrayInputStream(bytes));
        try {
            SessionTokens tokens = readFrom(in);
            return in.available() == 0 && tokens.idToken() != null && tokens.accessToken() != null
                    ? Optional.of(tokens) : Optional.empty();
        } catch (IOException notTokens) {
            return Optional.empty();
        }
    }
}
