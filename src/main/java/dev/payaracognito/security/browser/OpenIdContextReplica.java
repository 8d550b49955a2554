package dev.payaracognito.security.browser;

import dev.payaracognito.security.CognitoSecurityConfiguration;
import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.SessionScoped;
import jakarta.enterprise.context.spi.AlterableContext;
import jakarta.enterprise.context.spi.Context;
import jakarta.enterprise.inject.spi.Bean;
import jakarta.enterprise.inject.spi.BeanManager;
import jakarta.inject.Inject;
import jakarta.security.enterprise.identitystore.openid.AccessToken;
import jakarta.security.enterprise.identitystore.openid.OpenIdContext;
import jakarta.security.enterprise.identitystore.openid.RefreshToken;
import java.time.Instant;
import java.util.Optional;
import org.glassfish.soteria.mechanisms.openid.domain.AccessTokenImpl;
import org.glassfish.soteria.mechanisms.openid.domain.IdentityTokenImpl;
import org.glassfish.soteria.mechanisms.openid.domain.OpenIdContextImpl;
import org.glassfish.soteria.mechanisms.openid.domain.RefreshTokenImpl;

/**
 * Soteria's OpenID context, where the mechanism keeps the session's tokens, on whichever node serves the request.
 * It is a session-scoped bean that cannot be serialized (Soteria 4.0.2's token classes are not Serializable,
 * eclipse-ee4j/soteria#379), so Payara leaves it out of the session it replicates (with a warning,
 * AS-WEB-CORE-00395) and another node starts from an empty one, on which the mechanism fails. The tokens
 * therefore travel as {@link SessionTokens} in the session's {@link SignInRecord}, and are put back here, through
 * Soteria's public setters, before the mechanism refreshes them; the context lives only while the mechanism works
 * (a sign-in, a refresh: {@link #discard}), as it keeps the tokens parsed, several kilobytes per session.
 */
@ApplicationScoped
public class OpenIdContextReplica {

    @Inject
    private OpenIdContext context;

    @Inject
    private BeanManager beans;

    /** Soteria's context as a bean of the session scope, resolved once. */
    private Bean<?> contextBean;

    @PostConstruct
    void resolveContextBean() {
        contextBean = beans.resolve(beans.getBeans(OpenIdContextImpl.class));
    }

    /** The ID and access tokens the context holds now, as strings. */
    SessionTokens tokens() {
        AccessToken access = context.getAccessToken();
        return new SessionTokens(context.getTokenType(), context.getIdentityToken().getToken(), access.getToken(),
                access.getScope() == null ? null : access.getScope().toString());
    }

    /**
     * The refresh token the context holds now: the one Cognito gave at sign-in or with a rotating refresh, or the one
     * {@link #lendRefreshToken lent} for a refresh (Soteria keeps it when the refresh's answer has none).
     */
    Optional<String> refreshToken() {
        return context.getRefreshToken().map(RefreshToken::getToken);
    }

    /**
     * The session's refresh token, for the mechanism's refresh on this request: the context holds none otherwise
     * (it is kept in the data grid, {@code RefreshTokens}), and the mechanism refreshes with the context's.
     */
    void lendRefreshToken(String refreshToken) {
        OpenIdContextImpl session = thisSessionsContext();
        synchronized (session) {
            session.setRefreshToken(new RefreshTokenImpl(refreshToken));
        }
    }

    /**
     * Gives the context {@code tokens}, for the mechanism's refresh of them or for our identity store to validate the
     * ones another node refreshed, unless it holds them already or holds later ones: the context is the session's on
     * this node, shared by its requests, so while one request refreshes the tokens another that started from the
     * session's earlier record must not put the spent ones back (with refresh-token rotation, the next refresh would
     * be refused and the user signed out).
     *
     * <p>On the session's own context, which is also the lock: two requests of a session restoring at once must not
     * see the access token, by which a restore is recognised, before the identity token is there (a 500, once seen in
     * RefreshRotationIT); it is set last.
     */
    void restore(SessionTokens tokens) {
        OpenIdContextImpl session = thisSessionsContext();
        synchronized (session) {
            AccessToken held = session.getAccessToken();
            if (held != null && held.getToken().equals(tokens.accessToken())) {
                return;
            }
            long minValidity = CognitoSecurityConfiguration.TOKEN_MIN_VALIDITY_MILLIS;
            // No expires_in: the access token is a JWT, whose exp says when it expires, on any node and at any time.
            AccessToken access = new AccessTokenImpl(tokens.tokenType(), tokens.accessToken(), null, tokens.scope(),
                    minValidity);
            if (held != null && issuedAt(held).compareTo(issuedAt(access)) > 0) {
                return;
            }
            session.setTokenType(tokens.tokenType());
            session.setIdentityToken(new IdentityTokenImpl(tokens.idToken(), minValidity));
            session.setAccessToken(access);
        }
    }

    /** The session's instance of the context, not the proxy every session shares (made now if it is not yet). */
    OpenIdContextImpl thisSessionsContext() {
        return (OpenIdContextImpl) sessionsInstance(contextBean);
    }

    private <T> T sessionsInstance(Bean<T> bean) {
        Context sessions = beans.getContext(SessionScoped.class);
        T instance = sessions.get(bean);
        return instance != null ? instance : sessions.get(bean, beans.createCreationalContext(bean));
    }

    private static Instant issuedAt(AccessToken token) {
        return token.getJwtClaims().getIssuedAt().orElse(Instant.MIN);
    }

    /**
     * The session's context goes: before a sign-in fills a new one, and once the mechanism has done its work (a
     * sign-in, a refresh), so that between them a session holds no parsed tokens on any node (they are in its
     * record, from which the next refresh makes the context again). Payara remembers, per attribute object, whether
     * it could serialize it: an empty context can be, so one saved empty and filled later would make the whole
     * session fail to save; a context made and filled within one request is left out, and one that goes before the
     * request ends is never saved at all. Nothing of the request may read the context after this: reading the
     * injected {@code OpenIdContext} makes a new, empty one.
     */
    void discard() {
        ((AlterableContext) beans.getContext(SessionScoped.class)).destroy(contextBean);
    }
}
