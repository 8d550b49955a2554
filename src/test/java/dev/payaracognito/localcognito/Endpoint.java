package dev.payaracognito.localcognito;

/** The pool's endpoints, as tests name them to count requests or to make one fail. */
public enum Endpoint {
    DISCOVERY,
    JWKS,
    AUTHORIZE,
    LOGIN,
    TOKEN,
    USERINFO,
    REVOKE,
    LOGOUT
}
