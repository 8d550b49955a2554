package dev.payaracognito.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.payaracognito.localcognito.LocalCognito;
import dev.payaracognito.testing.AppDeployment;
import dev.payaracognito.testing.Chromium;
import dev.payaracognito.testing.PayaraMicroTest;
import dev.payaracognito.testing.SharedCognito;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIf;
import org.openqa.selenium.By;
import org.openqa.selenium.Cookie;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.chrome.ChromeDriver;

/**
 * The main sign-in story in a real browser: Debian's Chromium, headless, with JavaScript on. It checks what
 * HtmlUnit cannot vouch for: that the pages work under our Content-Security-Policy (no console errors: nothing
 * refused, nothing missing), that the browser keeps the session cookie from scripts and sends it back only
 * same-site, and that the Faces forms sign in and out as a user clicks them. Skipped, saying why, where
 * Chromium is not installed, except where {@code REQUIRE_REAL_BROWSER=true} (set by {@code .ci/run}, which installs
 * it): there a missing browser fails the run.
 */
@PayaraMicroTest
@EnabledIf(value = "chromiumInstalledOrRequired",
        disabledReason = "Chromium is not installed (Debian: apt-get install chromium chromium-driver)")
class ChromiumStoryIT {

    private static final String APP = AppDeployment.APP;

    private WebDriver chromium;

    @Deployment(testable = false)
    static WebArchive deployment() {
        return AppDeployment.war();
    }

    static boolean chromiumInstalledOrRequired() {
        return Chromium.installedOrRequired();
    }

    @BeforeEach
    void openChromium() {
        cognito().healAll();
        chromium = Chromium.open(1200, 900);
    }

    @AfterEach
    void closeChromium() {
        if (chromium != null) {
            chromium.quit();
        }
    }

    @Test
    void aliceSignsInSeesHerProfileAndSignsOut() throws InterruptedException {
        // 1. the home page, signed out, renders without a console error under our CSP (the stylesheet loads)
        chromium.get(APP + "/");
        Chromium.assertNoConsoleErrors(chromium, "home page");
        assertEquals("rgba(35, 47, 62, 1)", chromium.findElement(By.tagName("header"))
                .getCssValue("background-color"), "the stylesheet applies");

        // 2. Sign in: the hosted UI, her password, back on the profile
        chromium.findElement(By.id("signIn")).click();
        signInAsAlice();
        assertEquals(APP + "/secure/profile.xhtml", chromium.getCurrentUrl());
        assertEquals("alice", chromium.findElement(By.id("username")).getText());
        Chromium.assertNoConsoleErrors(chromium, "profile page");

        // 3. the session cookie: out of reach of scripts, same-site only, not Secure on plain http
        Cookie session = chromium.manage().getCookieNamed("JSESSIONID");
        assertNotNull(session, "a session cookie");
        assertTrue(session.isHttpOnly());
        assertEquals("Lax", session.getSameSite());
        String scriptVisible = (String) ((ChromeDriver) chromium).executeScript("return document.cookie");
        assertFalse(scriptVisible.contains("JSESSIONID"), scriptVisible);

        // 4. Sign out: through Cognito's /logout and home again, signed out
        chromium.findElement(By.id("signOut:signOutButton")).click();
        Chromium.awaitUrl(chromium, url -> url.equals(APP + "/"), "the home page");
        assertFalse(chromium.findElements(By.id("signIn")).isEmpty(), "the Sign in button is back");
        assertTrue(chromium.findElements(By.id("greeting")).isEmpty());

        // 5. both sessions ended: the profile asks for the password again
        chromium.get(APP + "/secure/profile.xhtml");
        assertTrue(chromium.getCurrentUrl().startsWith(cognito().domain() + "/login"), chromium.getCurrentUrl());
    }

    @Test
    void aliceIsShownTheFriendlyForbiddenPageForTheAdminPage() throws InterruptedException {
        chromium.get(APP + "/admin/index.xhtml");
        signInAsAlice();
        assertEquals(APP + "/admin/index.xhtml", chromium.getCurrentUrl());
        assertTrue(chromium.findElement(By.tagName("body")).getText().contains("You do not have access to this page"));
    }

    /** Fills in and submits the hosted UI's sign-in form, where the browser must be, and waits to leave it. */
    private void signInAsAlice() throws InterruptedException {
        Chromium.awaitUrl(chromium, url -> url.startsWith(cognito().domain() + "/login"), "the hosted sign-in page");
        chromium.findElement(By.id("signInFormUsername")).sendKeys("alice");
        chromium.findElement(By.id("signInFormPassword")).sendKeys("Alice-Passw0rd!");
        chromium.findElement(By.name("signInSubmitButton")).click();
        Chromium.awaitUrl(chromium, url -> url.startsWith(APP), "back on the app");
    }

    private static LocalCognito cognito() {
        return SharedCognito.cognito();
    }
}
