package org.lararena.web;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.File;
import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.Comparator;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebDriverException;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.ExpectedCondition;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * Debian's Chromium, headless, driven by Debian's chromedriver (packages {@code chromium} and {@code chromium-driver};
 * {@code .ci/run} installs them). Tests skip themselves with a message where they are not installed. Each session
 * ends by saving a screenshot of its last page to {@code target/screenshots}.
 */
public final class Browser implements AutoCloseable {

    private static final Path CHROMIUM = Path.of("/usr/bin/chromium");
    private static final Path CHROMEDRIVER = Path.of("/usr/bin/chromedriver");
    /** The longest a page of the running application is given to show what a test expects. */
    private static final Duration WAIT = Duration.ofSeconds(30);

    private final WebDriver driver;
    private final URI base;
    private final String name;
    private final Path profile;

    private Browser(WebDriver driver, URI base, String name, Path profile) {
        this.driver = driver;
        this.base = base;
        this.name = name;
        this.profile = profile;
    }

    /** A fresh browser (empty profile, so no earlier session) for the application at {@code base}. */
    public static Browser open(URI base, String name) throws IOException {
        assumeTrue(Files.isExecutable(CHROMIUM) && Files.isExecutable(CHROMEDRIVER),
                "browser tests need Debian's chromium and chromium-driver (apt-get install chromium chromium-driver); .ci/run installs them");
        Path profile = Files.createTempDirectory("lararena-chromium-");
        ChromeOptions options = new ChromeOptions().setBinary(CHROMIUM.toFile())
                .addArguments("--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-quic",
                        "--no-first-run", "--disable-component-update", "--disable-sync", "--disable-dev-shm-usage",
                        "--window-size=1280,900", "--lang=sv-SE", "--user-data-dir=" + profile);
        ChromeDriverService service = new ChromeDriverService.Builder().usingDriverExecutable(CHROMEDRIVER.toFile()).usingAnyFreePort().build();
        WebDriver driver = new ChromeDriver(service, options);
        driver.manage().timeouts().pageLoadTimeout(Duration.ofSeconds(60));
        return new Browser(driver, base, name, profile);
    }

    public WebDriver driver() {
        return driver;
    }

    public void go(String path) {
        driver.get(base.resolve(path).toString());
    }

    public WebElement find(By by) {
        return waiting().until(ExpectedConditions.visibilityOfElementLocated(by));
    }

    /**
     * Waits until the element {@code by} finds holds {@code text}, found again on every look. After a click that loads
     * a page, the element of the page before may still be there, and gone (stale) when read: a test waits for what the
     * new page shows before it reads the page.
     */
    public void awaitText(By by, String text) {
        waiting().until(ExpectedConditions.textToBePresentInElementLocated(by, text));
    }

    /** Waits until the browser's address holds {@code part}: the page a click or a form asked for has come. */
    public void awaitUrl(String part) {
        waiting().until(ExpectedConditions.urlContains(part));
    }

    /** Waits until {@code condition} holds and returns what it found: for a page that may come in more than one form. */
    public <T> T await(ExpectedCondition<T> condition) {
        return waiting().until(condition);
    }

    /**
     * A wait of {@link #WAIT}. Pages draw their lists again after an action, and a click may load a page, so an element
     * a poll found may be replaced before the same poll reads it: that poll counts as not yet, and the next one finds
     * the new element. Chrome reports an element of the page before as stale, or, while the next page loads, as an
     * unknown error ("Node with given id does not belong to the document"), so any failure of the driver counts as not
     * yet; a failure that lasts is the cause of the timeout the wait then reports.
     */
    private WebDriverWait waiting() {
        WebDriverWait wait = new WebDriverWait(driver, WAIT);
        wait.ignoring(WebDriverException.class);
        return wait;
    }

    /** Logs in through the Keycloak login form, starting from the application's "Logga in". */
    public void logIn(String username, String password) {
        go("/login");
        find(By.id("username")).sendKeys(username);
        driver.findElement(By.id("password")).sendKeys(password);
        driver.findElement(By.id("kc-login")).click();
        waiting().until(d -> d.getCurrentUrl().startsWith(base.toString()));
    }

    /** Makes the page {@code width} CSS pixels wide (and 900 high), as a phone or a desktop window would. */
    public void resize(int width) {
        driver.manage().window().setSize(new Dimension(width, 900));
    }

    /** Saves a screenshot of what the browser shows now to {@code file} (under the build output). */
    public void screenshot(Path file) throws IOException {
        Files.createDirectories(file.getParent());
        File shot = ((TakesScreenshot) driver).getScreenshotAs(OutputType.FILE);
        Files.copy(shot.toPath(), file, StandardCopyOption.REPLACE_EXISTING);
    }

    /** Runs a script in the page (see {@link org.openqa.selenium.JavascriptExecutor#executeScript}). */
    public Object script(String script, Object... args) {
        return ((JavascriptExecutor) driver).executeScript(script, args);
    }

    public String pageText() {
        return driver.findElement(By.tagName("body")).getText();
    }

    @Override
    public void close() {
        try {
            Path screenshots = Files.createDirectories(Path.of("target/screenshots"));
            File shot = ((TakesScreenshot) driver).getScreenshotAs(OutputType.FILE);
            Files.copy(shot.toPath(), screenshots.resolve(name + ".png"), StandardCopyOption.REPLACE_EXISTING);
        } catch (IOException | RuntimeException e) {
            // a missing screenshot must not hide the test's own result
        } finally {
            driver.quit();
            try (var files = Files.walk(profile)) {
                files.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
            } catch (IOException e) {
                // temporary profile; the system cleans /tmp
            }
        }
    }
}
