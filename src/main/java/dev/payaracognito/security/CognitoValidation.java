package dev.payaracognito.security;

import dev.payaracognito.audit.SecurityStats;
import dev.payaracognito.cluster.DataGrid;
import dev.payaracognito.cognito.CognitoEndpoints;
import dev.payaracognito.cognito.CognitoSettings;
import dev.payaracognito.security.token.AccessTokenCache;
import dev.payaracognito.security.token.CognitoKeys;
import dev.payaracognito.security.token.CognitoTokenValidator;
import dev.payaracognito.security.token.RevokedSignIns;
import dev.payaracognito.security.token.TokenEvents;
import dev.payaracognito.telemetry.Traced;
import dev.payaracognito.telemetry.Tracing;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.net.MalformedURLException;
import java.net.URI;
import java.net.URL;
import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;

/**
 * The app's one {@link CognitoTokenValidator}, its keys, its cache of validated access tokens and the sign-ins
 * whose tokens it refuses, built from the settings when first needed.
 */
@ApplicationScoped
public class CognitoValidation {

    /** Sealed byte values since this name: not the unsealed ones an older version kept under another name. */
    private static final String REVOKED_SIGN_INS = "payara-cognito.ended-sign-ins";

    @Inject
    private CognitoSettings settings;

    @Inject
    private CognitoEndpoints endpoints;

    @Inject
    private DataGrid grid;

    @Inject
    private SecurityStats stats;

    @Inject
    private Tracing tracing;

    private volatile Built built;

    private record Built(Map<String, CognitoKeys> keysByIssuer, CognitoTokenValidator validator,
            AccessTokenCache accessTokens, RevokedSignIns revokedSignIns) {}

    public CognitoTokenValidator validator() {
        return built().validator();
    }

    public AccessTokenCache accessTokens() {
        return built().accessTokens();
    }

    /**
     * Whether the keys of the sign-ins' issuer are known or can be fetched now; while that issuer is not yet known
     * (it is learnt from Cognito, not asked for here: public requests call this), those of any accepted issuer. A
     * pool serves the keys of its issuer configuration's issuers only.
     */
    public boolean signingKeysKnown() {
        Map<String, CognitoKeys> keys = built().keysByIssuer();
        return endpoints.knownIssuer().map(keys::get).map(CognitoKeys::available)
                .orElseGet(() -> keys.values().stream().anyMatch(CognitoKeys::available));
    }

    public RevokedSignIns revokedSignIns() {
        return built().revokedSignIns();
    }

    private Built built() {
        Built current = built;
        if (current == null) {
            synchronized (this) {
                if (built == null) {
                    built = build();
                }
                current = built;
            }
        }
        return current;
    }

    private Built build() {
        if (!settings.problems().isEmpty()) {
            throw new IllegalStateException("Cognito is not configured: " + settings.problems());
        }
        try {
            TokenEvents counted = new CountedTokenEvents();
            // Each issuer's keys from its own host's JWKS, cached apart (Cognito: {issuer}/.well-known/jwks.json).
            Map<String, CognitoKeys> keysByIssuer = new LinkedHashMap<>();
            for (String issuer : settings.pool().issuers()) {
                keysByIssuer.put(issuer, new CognitoKeys(URI.create(issuer + CognitoEndpoints.JWKS_PATH).toURL(),
                        settings.tokens().jwksPolicy(), counted));
            }
            CognitoTokenValidator validator = new CognitoTokenValidator(keysByIssuer, settings.client().clientId(),
                    Set.copyOf(settings.client().accessTokenClients()), Clock.systemUTC());
            // Shared by the nodes of a cluster: a sign-out on one is seen by the API and the sessions of all.
            RevokedSignIns revoked = new RevokedSignIns(grid.ledger(REVOKED_SIGN_INS, settings.sessions().keys()),
                    settings.tokens().revokedSignInsSize(), Clock.systemUTC(), counted);
            return new Built(Map.copyOf(keysByIssuer), validator, new AccessTokenCache(validator, revoked,
                    settings.tokens().tokenCacheSize(), Clock.systemUTC(), counted), revoked);
        } catch (MalformedURLException e) {
            throw new IllegalStateException("the JWKS URL is not a URL", e);
        }
    }

    /** The token cache's and the keys' events, into the app's metrics and the request's trace. */
    private final class CountedTokenEvents implements TokenEvents {

        @Override
        public void cacheHit() {
            stats.tokenCacheHit();
            tracing.annotate("cognito.token.cache", "hit");
        }

        @Override
        public void cacheMiss() {
            stats.tokenCacheMiss();
            tracing.annotate("cognito.token.cache", "miss");
        }

        @Override
        public KeysFetch keysFetch(URL jwksUrl) {
            Traced call = tracing.call("GET JWKS", "GET", URI.create(jwksUrl.toString()));
            return new KeysFetch() {
                @Override
                public void fetched() {
                    stats.jwksFetched();
                    call.close();
                }

                @Override
                public void failed(String why) {
                    stats.jwksFetchFailed();
                    call.failed(why);
                    call.close();
                }
            };
        }

        @Override
        public void revokedSignInsOverCapacity() {
            stats.revokedSignInsOverCapacity();
        }
    }
}
