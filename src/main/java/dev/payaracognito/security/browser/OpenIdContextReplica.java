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
 * Soteria's public setters, before the mechanism looks at them.
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
     * The context holds no refresh token from now on: after sign-in, after a refresh, once it has been kept. A
     * session that has ended meanwhile (a refused refresh) has no context left, and none is made for this.
     */
    void forgetRefreshToken() {
        OpenIdContextImpl session = thisSessionsContextIfAny();
        if (session != null) {
            synchronized (session) {
                session.setRefreshToken(null);
            }
        }
    }

    /**
     * Gives the context {@code tokens} unless it holds them already (it does on the node that last saw them) or holds
     * later ones: the context is the session's on this node, shared by its requests, so while one request refreshes
     * the tokens another that started from the session's earlier record must not put the spent ones back (with
     * refresh-token rotation, the next refresh would be refused and the user signed out).
     *
     * <p>On the session's own context, which is also the lock: two requests of a session new to this node restore at
     * once, and the second, finding the access token already there, went on to a page that read the identity token the
     * first had not set yet (a 500, seen in RefreshRotationIT). The access token, by which a restore is recognised, is
     * set last.
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

    /** The session's instance of the context if it has one; null otherwise (none is made). */
    OpenIdContextImpl thisSessionsContextIfAny() {
        return (OpenIdContextImpl) beans.getContext(SessionScoped.class).get(contextBean);
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
     * A new, empty context for the sign-in about to fill it. Payara remembers, per attribute object, whether it
     * could serialize it; an empty context can be, so one that was saved empty and filled later would make the
     * whole session fail to save. A context filled in the request that created it is simply left out.
     */
    void renew() {
        ((AlterableContext) beans.getContext(SessionScoped.class)).destroy(contextBean);
    }
}
