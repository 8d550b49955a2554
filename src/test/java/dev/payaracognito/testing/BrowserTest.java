package dev.payaracognito.testing;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.payaracognito.localcognito.LocalCognito;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Instant;
import org.htmlunit.Page;
import org.htmlunit.WebClient;
import org.htmlunit.html.HtmlForm;
import org.htmlunit.html.HtmlPage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.TestWatcher;

/**
 * The base of the browser tests: it owns the browser (HtmlUnit, as a user's browser: cookies, redirects, no
 * JavaScript needed) and prints the last page it saw when a test fails. Each test class deploys
 * {@link AppDeployment#war()} (one Payara Micro per class), with settings of its own where it needs them.
 */
@PayaraMicroTest
@ExtendWith(BrowserTest.LastPageOnFailure.class)
public abstract class BrowserTest {

    protected static final String APP = AppDeployment.APP;
    /** A client that sends a request as it is given, and follows nothing. */
    protected static final HttpClient RAW = HttpClient.newHttpClient();

    protected WebClient browser;
    private Page lastPage;

    protected static LocalCognito cognito() {
        return SharedCognito.cognito();
    }

    @BeforeEach
    void openBrowser() {
        browser = newBrowser();
        cognito().healAll();
    }

    @AfterEach
    void closeBrowser() {
        browser.close();
    }

    protected WebClient newBrowser() {
        WebClient client = new WebClient();
        client.getOptions().setJavaScriptEnabled(false);
        client.getOptions().setCssEnabled(false);
        client.getOptions().setThrowExceptionOnFailingStatusCode(false);
        client.getOptions().setTimeout(30_000);
        return client;
    }

    protected <P extends Page> P get(String path) throws IOException {
        return seen(browser.getPage(path.startsWith("http") ? path : APP + path));
    }

    protected <P extends Page> P seen(P page) {
        lastPage = page;
        return page;
    }

    /** The hosted UI the app sends browsers to sign in at: the run's local Cognito's, unless a test has another. */
    protected String hostedUi() {
        return cognito().domain();
    }

    /** Fills in and submits the hosted UI's sign-in form. */
    protected <P extends Page> P signInAs(HtmlPage loginPage, String username, String password) throws IOException {
        assertTrue(loginPage.getUrl().toString().startsWith(hostedUi() + "/login"),
                "expected the hosted sign-in page, got " + loginPage.getUrl());
        HtmlForm form = loginPage.getFormByName("signInForm");
        form.getInputByName("username").setValue(username);
        form.getInputByName("password").setValue(password);
        return seen(form.getInputByName("signInSubmitButton").click());
    }

    /** Goes to a protected page and signs in there: the page itself. */
    protected HtmlPage signInAt(String path, String username, String password) throws IOException {
        HtmlPage page = signInAs(get(path), username, password);
        assertEquals(APP + path, page.getUrl().toString());
        return page;
    }

    /** The browser holds no signed-in session: a protected page sends it to Cognito again. */
    protected void assertNotSignedIn() throws IOException {
        browser.getOptions().setRedirectEnabled(false);
        try {
            Page page = browser.getPage(APP + "/secure/profile.xhtml");
            assertEquals(302, status(page), "a protected page must not be served");
            assertTrue(page.getWebResponse().getResponseHeaderValue("Location")
                    .startsWith(cognito().domain() + "/oauth2/authorize"));
        } finally {
            browser.getOptions().setRedirectEnabled(true);
        }
    }

    /**
     * Cognito started again, and the app has seen it: it keeps its last word on Cognito for a few seconds, during
     * which no sign-in starts (its readiness data say when it knows).
     */
    protected void startCognitoAndAwaitTheAppSeeingIt() throws Exception {
        cognito().start();
        awaitTheAppSaying("answers");
    }

    /** Cognito stopped, and the app has seen it: a new sign-in now gets its "temporarily unavailable" page. */
    protected void stopCognitoAndAwaitTheAppSeeingIt() throws Exception {
        cognito().stop();
        awaitTheAppSaying("does not answer");
    }

    private static void awaitTheAppSaying(String cognitoAnswers) throws Exception {
        Instant deadline = Instant.now().plusSeconds(15);
        while (!RAW.send(HttpRequest.newBuilder(URI.create(APP + "/health/ready")).build(),
                HttpResponse.BodyHandlers.ofString()).body()
                .matches("(?s).*\"cognito\"\\s*:\\s*\"" + cognitoAnswers + "\".*")) {
            assertTrue(Instant.now().isBefore(deadline), "the app never said Cognito " + cognitoAnswers);
            Thread.sleep(250);
        }
    }

    protected static int status(Page page) {
        return page.getWebResponse().getStatusCode();
    }

    protected static String text(Page page) {
        return page.getWebResponse().getContentAsString();
    }

    /** Prints the last page a failed test saw: what a user would have seen. */
    static final class LastPageOnFailure implements TestWatcher {
        @Override
        public void testFailed(ExtensionContext context, Throwable cause) {
            context.getTestInstance().filter(BrowserTest.class::isInstance).map(BrowserTest.class::cast)
                    .map(test -> test.lastPage).ifPresent(page -> System.err.printf(
                            "%nLast page of %s: %s %d%n%s%n", context.getDisplayName(), page.getUrl(),
                            status(page), text(page)));
        }
    }
}
