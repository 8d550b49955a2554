package dev.payaracognito.web;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import jakarta.security.enterprise.SecurityContext;
import jakarta.security.enterprise.identitystore.openid.OpenIdContext;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * What the profile page shows of the signed-in user. The tokens stay on the server; their claims were
 * validated at sign-in by our identity store.
 */
@Named
@RequestScoped
public class ProfileBean {

    @Inject
    private SecurityContext securityContext;

    @Inject
    private OpenIdContext openIdContext;

    public String getUsername() {
        return securityContext.getCallerPrincipal().getName();
    }

    public String getEmail() {
        return openIdContext.getIdentityToken().getJwtClaims().getStringClaim("email").orElse("");
    }

    public List<String> getGroups() {
        return openIdContext.getAccessToken().getJwtClaims().getArrayStringClaim("cognito:groups");
    }

    /** When the sign-in's tokens expire (the earlier of the two). */
    public Instant getTokensExpireAt() {
        return Stream.of(openIdContext.getIdentityToken().getJwtClaims().getExpirationTime(),
                        openIdContext.getAccessToken().getJwtClaims().getExpirationTime())
                .flatMap(Optional::stream)
                .min(Comparator.naturalOrder())
                .orElse(null);
    }
}
