package dev.payaracognito.web;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Named;

/**
 * The Sign in button. The OpenID mechanism starts Cognito's sign-in only for a protected page (Soteria ignores
 * {@code SecurityContext.authenticate} on a public one), so signing in means going to the profile page: the
 * mechanism sends the browser to the hosted UI and, once signed in, back there.
 */
@Named
@RequestScoped
public class SignInBean {

    public String signIn() {
        return "/secure/profile.xhtml?faces-redirect=true";
    }
}
