package dev.payaracognito.localcognito;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;

import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.oauth2.sdk.AuthorizationCode;
import com.nimbusds.oauth2.sdk.AuthorizationCodeGrant;
import com.nimbusds.oauth2.sdk.RefreshTokenGrant;
import com.nimbusds.oauth2.sdk.ResponseType;
import com.nimbusds.oauth2.sdk.Scope;
import com.nimbusds.oauth2.sdk.TokenRequest;
import com.nimbusds.oauth2.sdk.auth.ClientSecretBasic;
import com.nimbusds.oauth2.sdk.auth.Secret;
import com.nimbusds.oauth2.sdk.id.ClientID;
import com.nimbusds.oauth2.sdk.id.Issuer;
import com.nimbusds.oauth2.sdk.id.State;
import com.nimbusds.oauth2.sdk.pkce.CodeChallengeMethod;
import com.nimbusds.oauth2.sdk.pkce.CodeVerifier;
import com.nimbusds.oauth2.sdk.token.BearerAccessToken;
import com.nimbusds.openid.connect.sdk.AuthenticationRequest;
import com.nimbusds.openid.connect.sdk.AuthenticationResponse;
import com.nimbusds.openid.connect.sdk.AuthenticationResponseParser;
import com.nimbusds.openid.connect.sdk.AuthenticationSuccessResponse;
import com.nimbusds.openid.connect.sdk.Nonce;
import com.nimbusds.openid.connect.sdk.OIDCTokenResponse;
import com.nimbusds.openid.connect.sdk.OIDCTokenResponseParser;
import com.nimbusds.openid.connect.sdk.UserInfoRequest;
import com.nimbusds.openid.connect.sdk.UserInfoResponse;
import com.nimbusds.openid.connect.sdk.UserInfoSuccessResponse;
import com.nimbusds.openid.connect.sdk.claims.IDTokenClaimsSet;
import com.nimbusds.openid.connect.sdk.op.OIDCProviderMetadata;
import com.nimbusds.openid.connect.sdk.validators.IDTokenValidator;
import java.net.URI;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** An OpenID Connect client we did not write (nimbus oauth2-oidc-sdk) completes the whole flow. */
class OidcClientLibraryTest {

    @RegisterExtension
    static final RunningCognito POOL = new RunningCognito();

    @Test
    void discoveryCodeFlowWithPkceIdTokenValidationUserInfoAndRefresh() throws Exception {
        // 1. discovery
        OIDCProviderMetadata provider = OIDCProviderMetadata.resolve(new Issuer(POOL.cognito().issuer()));
        assertEquals(POOL.cognito().issuer(), provider.getIssuer().getValue());

        // 2. the authorization request, with PKCE S256, state and nonce
        ClientID clientId = new ClientID(UserPool.DEMO_CLIENT_ID);
        URI callback = URI.create(UserPool.DEMO_CALLBACK_URL);
        State state = new State();
        Nonce nonce = new Nonce();
        CodeVerifier verifier = new CodeVerifier();
        AuthenticationRequest request = new AuthenticationRequest.Builder(ResponseType.CODE,
                new Scope("openid", "email", "profile"), clientId, callback)
                .endpointURI(provider.getAuthorizationEndpointURI())
                .state(state)
                .nonce(nonce)
                .codeChallenge(verifier, CodeChallengeMethod.S256)
                .build();
        Map<String, String> parameters = new LinkedHashMap<>();
        request.toParameters().forEach((k, v) -> parameters.put(k, v.get(0)));

        // 3. the user signs in at the hosted UI; the library parses the callback
        URI redirect = new HostedUiClient(POOL.cognito()).signIn(parameters, "bob", "Bob-Passw0rd!");
        AuthenticationResponse response = AuthenticationResponseParser.parse(redirect);
        AuthenticationSuccessResponse success = assertInstanceOf(AuthenticationSuccessResponse.class, response);
        assertEquals(state, success.getState());
        AuthorizationCode code = success.getAuthorizationCode();

        // 4. the code for tokens, client_secret_basic, with the verifier
        ClientSecretBasic auth = new ClientSecretBasic(clientId, new Secret(UserPool.DEMO_CLIENT_SECRET));
        OIDCTokenResponse tokens = (OIDCTokenResponse) OIDCTokenResponseParser.parse(new TokenRequest(
                provider.getTokenEndpointURI(), auth, new AuthorizationCodeGrant(code, callback, verifier))
                .toHTTPRequest().send()).toSuccessResponse();
        assertNotNull(tokens.getOIDCTokens().getRefreshToken());

        // 5. the ID token validated against the published JWKS, with the nonce
        IDTokenValidator validator = new IDTokenValidator(provider.getIssuer(), clientId, JWSAlgorithm.RS256,
                provider.getJWKSetURI().toURL());
        IDTokenClaimsSet claims = validator.validate(tokens.getOIDCTokens().getIDToken(), nonce);
        assertEquals("bob", claims.getStringClaim("cognito:username"));

        // 6. userInfo with the access token
        BearerAccessToken accessToken = tokens.getOIDCTokens().getBearerAccessToken();
        UserInfoResponse userInfo = UserInfoResponse.parse(new UserInfoRequest(provider.getUserInfoEndpointURI(),
                accessToken).toHTTPRequest().send());
        UserInfoSuccessResponse info = assertInstanceOf(UserInfoSuccessResponse.class, userInfo);
        assertEquals(claims.getSubject(), info.getUserInfo().getSubject());
        assertEquals("bob@example.com", info.getUserInfo().getEmailAddress());

        // 7. a refresh: new tokens that validate, no new refresh token
        OIDCTokenResponse refreshed = (OIDCTokenResponse) OIDCTokenResponseParser.parse(new TokenRequest(
                provider.getTokenEndpointURI(), auth, new RefreshTokenGrant(tokens.getOIDCTokens().getRefreshToken()))
                .toHTTPRequest().send()).toSuccessResponse();
        assertNull(refreshed.getOIDCTokens().getRefreshToken());
        assertEquals(claims.getSubject(),
                validator.validate(refreshed.getOIDCTokens().getIDToken(), null).getSubject());
    }
}
