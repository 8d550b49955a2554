package dev.payaracognito.testing;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;
import java.util.logging.Level;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.logging.LogEntry;
import org.openqa.selenium.logging.LogType;
import org.openqa.selenium.logging.LoggingPreferences;

/**
 * Debian's Chromium, headless, with JavaScript on, driven through Debian's chromedriver (named explicitly, so that
 * Selenium never tries to download one: no network in CI). Tests that need it are skipped where it is not
 * installed, except where {@code REQUIRE_REAL_BROWSER=true} (set by {@code .ci/run}, which installs it).
 */
public final class Chromium {

    private static final Path BINARY = Path.of("/usr/bin/chromium");
    private static final Path DRIVER = Path.of("/usr/bin/chromedriver");
    private static final int NARROWEST_WINDOW = 500;
    private static final String PHONE = "Mozilla/5.0 (Linux; Android 15; Pixel 9) AppleWebKit/537.36 (KHTML, like Gecko)"
            + " Chrome/131.0.0.0 Mobile Safari/537.36";

    private Chromium() {}

    /** For {@code @EnabledIf}: installed, or required (then a missing browser fails the test). */
    public static boolean installedOrRequired() {
        return Files.isExecutable(BINARY) && Files.isExecutable(DRIVER)
                || "true".equals(System.getenv("REQUIRE_REAL_BROWSER"));
    }

    /**
     * A new browser, its page {@code width} × {@code height} CSS pixels, its console kept for the test. Below
     * {@link #NARROWEST_WINDOW} (headless Chromium's narrowest window) it is a phone: Chromium's mobile emulation,
     * with that width and a phone's User-Agent.
     */
    public static WebDriver open(int width, int height) {
        LoggingPreferences console = new LoggingPreferences();
        console.enable(LogType.BROWSER, Level.ALL);
        ChromeOptions options = new ChromeOptions()
                .setBinary(BINARY.toFile())
                // --no-sandbox: CI runs as root, where Chromium's sandbox cannot start
                .addArguments("--headless=new", "--no-sandbox", "--disable-dev-shm-usage",
                        "--window-size=" + Math.max(width, NARROWEST_WINDOW) + "," + height, "--hide-scrollbars");
        if (width < NARROWEST_WINDOW) {
            options.setExperimentalOption("mobileEmulation", Map.of(
                    "deviceMetrics", Map.of("width", width, "height", height, "pixelRatio", 1.0, "touch", true),
                    "userAgent", PHONE));
        }
        options.setCapability("goog:loggingPrefs", console);
        WebDriver chromium = new ChromeDriver(new ChromeDriverService.Builder().usingDriverExecutable(DRIVER.toFile())
                .build(), options);
        chromium.manage().timeouts().pageLoadTimeout(Duration.ofSeconds(30));
        return chromium;
    }

    /**
     * A click returns once Chromium has handled it, which on a busy machine can be before the navigation it
     * starts: wait for the address to change (10 s at most).
     */
    public static void awaitUrl(WebDriver chromium, Predicate<String> expected, String what)
            throws InterruptedException {
        for (int tries = 0; tries < 100 && !expected.test(chromium.getCurrentUrl()); tries++) {
            Thread.sleep(100);
        }
        assertTrue(expected.test(chromium.getCurrentUrl()), "expected " + what + ", got " + chromium.getCurrentUrl());
    }

    /** Console errors since the last call: a CSP refusal, a missing resource, a script error. */
    public static void assertNoConsoleErrors(WebDriver chromium, String where) {
        List<String> errors = chromium.manage().logs().get(LogType.BROWSER).getAll().stream()
                .filter(entry -> entry.getLevel().intValue() >= Level.SEVERE.intValue())
                .map(LogEntry::getMessage)
                .toList();
        assertEquals(List.of(), errors, "console errors on the " + where);
    }

    /** The whole page as a PNG at {@code file}, the window as tall as the page is. */
    public static void screenshot(WebDriver chromium, Path file) throws IOException {
        Dimension window = chromium.manage().window().getSize();
        Object height = ((ChromeDriver) chromium).executeScript("return document.documentElement.scrollHeight");
        chromium.manage().window().setSize(new Dimension(window.getWidth(), ((Number) height).intValue()));
        Files.createDirectories(file.getParent());
        Files.write(file, ((TakesScreenshot) chromium).getScreenshotAs(OutputType.BYTES));
        chromium.manage().window().setSize(window);
    }
}
