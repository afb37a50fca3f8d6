package org.sheaf.testing;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Assumptions;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;

/**
 * Debian's headless {@code chromium}, driven through its own {@code chromedriver}, for the browser
 * tests. Each test is skipped where either is missing ({@code .ci/run} installs both).
 */
public final class HeadlessChromium {
    /** Debian's chromium. */
    public static final Path BINARY = Path.of("/usr/bin/chromium");
    /** Debian's chromium-driver. */
    public static final Path DRIVER = Path.of("/usr/bin/chromedriver");

    private HeadlessChromium() {
    }

    /** Skips the calling test (or class) where chromium is not installed. */
    public static void assumeBrowser() {
        Assumptions.assumeTrue(Files.isExecutable(BINARY), "chromium is not installed");
    }

    /** Skips the calling test (or class) where chromium or its driver is not installed. */
    public static void assumeInstalled() {
        assumeBrowser();
        Assumptions.assumeTrue(Files.isExecutable(DRIVER), "chromedriver (Debian's chromium-driver) is not installed");
    }

    /**
     * A new headless browser whose profile is {@code profile} (outside any watched site), with
     * {@code arguments} added to the usual ones. The driver is given explicitly, so Selenium's own
     * manager never looks for (or downloads) one.
     */
    public static ChromeDriver start(Path profile, String... arguments) {
        List<String> all = new ArrayList<>(List.of("--headless=new", "--no-sandbox", "--disable-dev-shm-usage",
                "--disable-gpu", "--user-data-dir=" + profile));
        all.addAll(List.of(arguments));
        ChromeOptions options = new ChromeOptions();
        options.setBinary(BINARY.toFile());
        options.addArguments(all);
        ChromeDriverService service = new ChromeDriverService.Builder()
                .usingDriverExecutable(DRIVER.toFile()).usingAnyFreePort().build();
        return new ChromeDriver(service, options);
    }
}
