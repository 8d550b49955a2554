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
    /** Cognito's API (the AWS SDK's calls, {@code POST /} with {@code X-Amz-Target}): AdminUserGlobalSignOut. */
    ADMIN_API
}
