package dev.payaracognito.security.browser;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.payaracognito.localcognito.UserPool;
import dev.payaracognito.testing.AppDeployment;
import dev.payaracognito.testing.BrowserTest;
import java.net.URI;
import java.util.List;
import org.htmlunit.Page;
import org.htmlunit.WebRequest;
import org.htmlunit.WebResponse;
import org.htmlunit.html.DomElement;
import org.htmlunit.html.HtmlAnchor;
import org.htmlunit.html.HtmlPage;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.Test;

/**
 * "Sign in with …": the app offers the identity providers it is configured with (here Google only, although the
 * local pool also has Okta-SAML) and sends the browser through the hosted UI straight to the chosen one, in the
 * browser's language.
 */
class FederatedSignInIT extends BrowserTest {

    @Deployment(testable = false)
    static WebArchive deployment() {
        return AppDeployment.war("cognito.identity-providers=" + UserPool.DEMO_GOOGLE_PROVIDER);
    }

    @Test
    void signInWithGoogleGoesStraightToItAndComesBackAsItsUser() throws Exception {
        // 1. the home page offers the configured provider beside the hosted UI's own sign-in
        HtmlPage home = get("/");
        List<String> offered = home.getByXPath("//a[contains(@class,'signInWith')]").stream()
                .map(link -> ((HtmlAnchor) link).getTextContent()).toList();
        assertEquals(List.of("Sign in with Google"), offered);
        assertTrue(home.getElementById("signIn") != null, "the hosted UI's sign-in is still offered");

        // 2. the link: the authorization request names Google and the browser's language
        browser.addRequestHeader("Accept-Language", "de-CH,de;q=0.9,en;q=0.5");
        String authorize = firstRedirect("/secure/profile.xhtml?identity_provider=Google");
        assertTrue(authorize.startsWith(cognito().domain() + "/oauth2/authorize?"), authorize);
        assertTrue(authorize.contains("&identity_provider=Google&lang=de&"), authorize);
        assertTrue(authorize.contains("&code_challenge_method=S256"), "PKCE goes to the provider too: " + authorize);

        // 3. through the hosted UI to Google's page (no password form), and back signed in as Google's user
        HtmlPage google = seen(((HtmlAnchor) home.getByXPath("//a[contains(@class,'signInWith')]").get(0)).click());
        assertTrue(google.getUrl().toString().startsWith(cognito().domain() + "/federated/Google"),
                google.getUrl().toString());
        DomElement account = google.getFirstByXPath("//button[@name='userId']");
        HtmlPage profile = seen(account.click());
        assertEquals(APP + "/secure/profile.xhtml?identity_provider=Google", profile.getUrl().toString());
        assertEquals("Google_" + UserPool.DEMO_GOOGLE_USER_ID, profile.getElementById("username").getTextContent());
        // Cognito puts federated users in the automatic group {poolId}_{provider}
        assertEquals(UserPool.DEMO_POOL_ID + "_Google", profile.getElementById("groups").getTextContent());
    }

    @Test
    void cancellingAtTheProviderSaysSoAndSignsNobodyIn() throws Exception {
        HtmlPage home = get("/");
        HtmlPage google = seen(((HtmlAnchor) home.getByXPath("//a[contains(@class,'signInWith')]").get(0)).click());
        Page cancelled = seen(((DomElement) google.getFirstByXPath("//button[@name='cancel']")).click());
        assertTrue(cancelled.getUrl().toString().startsWith(APP + "/callback?error=access_denied"),
                cancelled.getUrl().toString());
        assertEquals(400, status(cancelled));
        assertTrue(text(cancelled).contains("Sign-in was cancelled or refused"), text(cancelled));
        assertNotSignedIn();
    }

    @Test
    void aProviderTheAppWasNotGivenIsNeverPassedOn() throws Exception {
        // Okta-SAML exists in the pool but not in the app's settings: the hosted UI's own sign-in, no provider
        String authorize = firstRedirect("/secure/profile.xhtml?identity_provider=Okta-SAML");
        assertFalse(authorize.contains("identity_provider"), authorize);
        HtmlPage login = get("/secure/profile.xhtml?identity_provider=Okta-SAML");
        assertTrue(login.getUrl().toString().startsWith(cognito().domain() + "/login"), login.getUrl().toString());
    }

    /** Where the app sends the browser from {@code path}, without following it. */
    private String firstRedirect(String path) throws Exception {
        browser.getOptions().setRedirectEnabled(false);
        try {
            WebResponse response = browser.loadWebResponse(new WebRequest(URI.create(APP + path).toURL()));
            assertEquals(302, response.getStatusCode());
            return response.getResponseHeaderValue("Location");
        } finally {
            browser.getOptions().setRedirectEnabled(true);
        }
    }
}
