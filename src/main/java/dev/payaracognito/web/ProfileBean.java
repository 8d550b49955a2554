package dev.payaracognito.web;

import dev.payaracognito.security.browser.SignInSummary;
import dev.payaracognito.security.browser.SignedInSession;
import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import jakarta.security.enterprise.SecurityContext;
import jakarta.servlet.http.HttpServletRequest;
import java.time.Instant;
import java.util.List;

/**
 * What the profile page shows of the signed-in user, from the session's sign-in record: the tokens stay on the
 * server, and their claims were validated by our identity store when the session got them.
 */
@Named
@RequestScoped
public class ProfileBean {

    private static final SignInSummary NONE = new SignInSummary(null, List.of(), null);

    @Inject
    private SecurityContext securityContext;

    @Inject
    private SignedInSession signedInSession;

    @Inject
    private HttpServletRequest request;

    private SignInSummary signIn;

    @PostConstruct
    void read() {
        signIn = signedInSession.summary(request).orElse(NONE);
    }

    public String getUsername() {
        return securityContext.getCallerPrincipal().getName();
    }

    public String getEmail() {
        return signIn.email() == null ? "" : signIn.email();
    }

    public List<String> getGroups() {
        return signIn.groups();
    }

    /** When the sign-in's tokens expire (the earlier of the two). */
    public Instant getTokensExpireAt() {
        return signIn.tokensExpireAt();
    }
}
