package dev.payaracognito.localcognito;

import dev.payaracognito.localcognito.endpoints.HostedSessions;
import dev.payaracognito.localcognito.faults.Faults;
import dev.payaracognito.localcognito.faults.Hostility;
import dev.payaracognito.localcognito.faults.MutableClock;
import dev.payaracognito.localcognito.tokens.Grants;
import dev.payaracognito.localcognito.tokens.IssuedTokens;
import dev.payaracognito.localcognito.tokens.Lifetimes;
import dev.payaracognito.localcognito.tokens.SigningKeys;
import dev.payaracognito.localcognito.tokens.TokenFactory;
import java.util.Set;

/** Everything the endpoints share: the pool, its keys, clock, grants and sessions, and the test hooks. */
public final class PoolContext {

    public volatile UserPool pool;
    /** Which issuer the pool's tokens name, and where its discovery documents are served. */
    public volatile IssuerConfiguration issuing;
    /** {@code http://host:port}: the local Cognito serves its issuer and its hosted-UI domain on one port. */
    volatile String baseUrl;

    public final MutableClock clock = new MutableClock();
    public final Lifetimes lifetimes = new Lifetimes();
    public final SigningKeys keys = new SigningKeys();
    public final Grants grants = new Grants(clock);
    public final HostedSessions sessions = new HostedSessions(clock);
    public final TokenFactory tokens = new TokenFactory(this::issuer, keys, clock, lifetimes);
    public final Hostility hostility = new Hostility();
    public final Faults faults = new Faults();
    public final IssuedTokens issued = new IssuedTokens();

    PoolContext(UserPool pool) {
        this.pool = pool;
        this.issuing = IssuerConfiguration.original(pool.userPoolId());
    }

    /** The issuer of the tokens issued now, no trailing slash ({@link IssuerConfiguration}). */
    public String issuer() {
        return baseUrl + issuing.issuerPath(pool.userPoolId());
    }

    /** The issuer paths under which the discovery document and the JWKS are served now. */
    public Set<String> servedIssuerPaths() {
        return issuing.servedIssuerPaths(pool.userPoolId());
    }

    /** The hosted-UI domain, Cognito's second host. */
    public String domain() {
        return baseUrl;
    }
}
