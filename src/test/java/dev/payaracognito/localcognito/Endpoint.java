package dev.payaracognito.localcognito;

/** The pool's endpoints, as tests name them to count requests or to make one fail. */
public enum Endpoint {
    DISCOVERY,
    JWKS,
    AUTHORIZE,
    LOGIN,
    /** The stand-in identity providers' pages, {@code /federated/{providerName}}. */
    FEDERATED,
    TOKEN,
    USERINFO,
    REVOKE,
    LOGOUT,
    /** Cognito's API (AWS JSON 1.1, {@code POST /} with {@code X-Amz-Target}, SigV4-signed): AdminUserGlobalSignOut. */
    ADMIN_API
}
