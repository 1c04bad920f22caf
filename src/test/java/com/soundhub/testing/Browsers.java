package com.soundhub.testing;

import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.logging.Level;

import org.junit.jupiter.api.Assumptions;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.logging.LogType;
import org.openqa.selenium.logging.LoggingPreferences;

/**
 * Headless Chromium for browser tests, using the distribution's Chromium and chromedriver (tools
 * that download their own browser don't work everywhere). Without them the tests are skipped,
 * unless {@code -Dsoundhub.browser-tests=required} says they must run, as CI does.
 */
public final class Browsers {

    private Browsers() {
    }

    public static ChromeDriver chromium() throws Exception {
        String binary = locate("CHROME_BIN", "/usr/bin/chromium", "/usr/bin/chromium-browser", "/usr/bin/google-chrome");
        String driver = locate("CHROMEDRIVER", "/usr/bin/chromedriver", "/usr/lib/chromium/chromedriver");
        boolean required = "required".equals(System.getProperty("soundhub.browser-tests"));
        if (binary == null || driver == null) {
            if (required) {
                throw new IllegalStateException("Browser tests are required but Chromium or chromedriver is missing "
                        + "(apt-get install chromium chromium-driver)");
            }
            Assumptions.abort("No Chromium/chromedriver on this machine; browser tests skipped");
        }
        ChromeOptions options = new ChromeOptions();
        options.setBinary(binary);
        options.addArguments("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
                "--disable-quic", "--no-first-run", "--disable-background-networking", "--disable-component-update",
                "--disable-sync", "--window-size=1280,900", "--autoplay-policy=no-user-gesture-required",
                "--mute-audio",
                "--user-data-dir=" + Files.createTempDirectory("soundhub-chromium"));
        LoggingPreferences logging = new LoggingPreferences();
        logging.enable(LogType.BROWSER, Level.ALL);
        options.setCapability("goog:loggingPrefs", logging);
        ChromeDriverService service = new ChromeDriverService.Builder()
                .usingDriverExecutable(new File(driver))
                .usingAnyFreePort()
                .withEnvironment(Map.of())
                .build();
        return new ChromeDriver(service, options);
    }

    private static String locate(String environmentVariable, String... candidates) {
        String configured = System.getenv(environmentVariable);
        if (configured != null && Files.isExecutable(Path.of(configured))) {
            return configured;
        }
        for (String candidate : candidates) {
            if (Files.isExecutable(Path.of(candidate))) {
                return candidate;
            }
        }
        return null;
    }
}
