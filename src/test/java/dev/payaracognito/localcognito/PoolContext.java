package dev.payaracognito.localcognito;

/** Everything the endpoints share: the pool, its keys, clock, grants and sessions, and the test hooks. */
final class PoolContext {

    volatile UserPool pool;
    /** {@code http://host:port}: the local Cognito serves its issuer and its hosted-UI domain on one port. */
    volatile String baseUrl;

    final MutableClock clock = new MutableClock();
    final Lifetimes lifetimes = new Lifetimes();
    final SigningKeys keys = new SigningKeys();
    final Grants grants = new Grants(clock);
    final HostedSessions sessions = new HostedSessions(clock);
    final TokenFactory tokens = new TokenFactory(this::issuer, keys, clock, lifetimes);
    final Hostility hostility = new Hostility();
    final Faults faults = new Faults();
    final IssuedTokens issued = new IssuedTokens();

    PoolContext(UserPool pool) {
        this.pool = pool;
    }

    /** Cognito's issuer: {@code https://cognito-idp.{region}.amazonaws.com/{userPoolId}}, no trailing slash. */
    String issuer() {
        return baseUrl + "/" + pool.userPoolId();
    }

    /** The hosted-UI domain, Cognito's second host. */
    String domain() {
        return baseUrl;
    }
}
