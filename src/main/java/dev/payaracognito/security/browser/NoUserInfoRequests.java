package dev.payaracognito.security.browser;

import jakarta.annotation.Priority;
import jakarta.enterprise.context.RequestScoped;
import jakarta.enterprise.inject.Alternative;
import jakarta.interceptor.Interceptor;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import jakarta.security.enterprise.identitystore.openid.AccessToken;
import org.glassfish.soteria.mechanisms.openid.controller.UserInfoController;
import org.glassfish.soteria.mechanisms.openid.domain.OpenIdConfiguration;

/**
 * Soteria asks Cognito's {@code /oauth2/userInfo} for the groups of a user whose tokens carry none (a user in no
 * group: most users) at each sign-in, through a JAX-RS client built for that one call: a third of the app's time in
 * such a sign-in (profiled), a round trip to Cognito, and a request that Cognito meters and may throttle. It learns
 * nothing there: Cognito's userInfo has the user's attributes, never {@code cognito:groups}, and this app takes the
 * groups from the signature-checked access token ({@code CognitoIdentityStore}), the attributes from the validated
 * ID token. So no request is made, and Soteria's userInfo claims are empty.
 */
@Alternative
@Priority(Interceptor.Priority.APPLICATION)
@RequestScoped
public class NoUserInfoRequests extends UserInfoController {

    @Override
    public JsonObject getUserInfo(OpenIdConfiguration configuration, AccessToken token) {
        return JsonValue.EMPTY_JSON_OBJECT;
    }
}
