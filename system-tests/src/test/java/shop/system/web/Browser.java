package shop.system.web;

import static org.junit.jupiter.api.Assertions.fail;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;
import java.util.logging.Level;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.StaleElementReferenceException;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.logging.LogEntry;
import org.openqa.selenium.logging.LogType;
import org.openqa.selenium.logging.LoggingPreferences;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;
import shop.system.RunningPlatform;

/**
 * One headless Debian Chromium per test class, driven through Debian's chromedriver (never anything
 * Selenium Manager would download), pointed at the shared {@link RunningPlatform}'s gateway:
 *
 * <pre>{@code
 * static Browser browser;
 * @BeforeAll static void open() { Assumptions.assumeTrue(Browser.available(), Browser.missing()); browser = Browser.open(); }
 * @AfterEach void console() { browser.assertNoConsoleErrors(); }
 * @AfterAll static void close() { if (browser != null) browser.close(); }
 * }</pre>
 *
 * Waits with {@link WebDriverWait} (no sleeping). {@link #screenshot} writes {@code target/screenshots/<name>.png},
 * or with {@code -Dshop.web.screenshots=docs/screenshots} (relative to the project root) into the docs.
 * {@link #assertNoConsoleErrors} fails on every console entry of level SEVERE (script errors, CSP
 * violations) except the network lines Chrome writes for a 4xx answer the page handles itself.
 */
public final class Browser implements AutoCloseable {

    public static final Path CHROMIUM = Path.of(System.getProperty("shop.web.chromium", "/usr/bin/chromium"));
    public static final Path CHROMEDRIVER = Path.of(System.getProperty("shop.web.chromedriver", "/usr/bin/chromedriver"));
    public static final Duration WAIT = Duration.ofSeconds(30);
    public static final int WIDTH = 1280;
    public static final int HEIGHT = 900;

    private final ChromeDriver driver;
    private final ChromeDriverService service;
    private final String baseUrl;

    private Browser(ChromeDriver driver, ChromeDriverService service, String baseUrl) {
        this.driver = driver;
        this.service = service;
        this.baseUrl = baseUrl;
    }

    /** Whether chromium and chromedriver are installed (Debian: {@code chromium chromium-driver}; .ci/run installs both). */
    public static boolean available() {
        boolean ok = Files.isExecutable(CHROMIUM) && Files.isExecutable(CHROMEDRIVER);
        if (!ok) {
            System.out.println("[browser] " + missing());
        }
        return ok;
    }

    /** Why {@link #available()} is false, for {@code Assumptions.assumeTrue}. */
    public static String missing() {
        return "browser tests skipped: " + CHROMIUM + " or " + CHROMEDRIVER
                + " is missing (Debian: apt-get install chromium chromium-driver)";
    }

    /**
     * Starts the shared platform (if not yet) and a browser on its gateway, as {@code http://localhost:<port>}:
     * that is the platform's public URL (where the payment provider sends the browser back), and cookies
     * and local storage belong to one origin.
     */
    public static Browser open() {
        String baseUrl = RunningPlatform.stack().gatewayUrl().replace("://127.0.0.1:", "://localhost:");
        ChromeDriverService service = new ChromeDriverService.Builder()
                .usingDriverExecutable(CHROMEDRIVER.toFile())
                .usingAnyFreePort()
                .build();
        ChromeOptions options = new ChromeOptions();
        options.setBinary(CHROMIUM.toFile());
        options.addArguments("--headless=new", "--no-sandbox", "--disable-dev-shm-usage", "--disable-gpu",
                "--window-size=" + WIDTH + "," + HEIGHT, "--lang=en-US", "--no-first-run",
                "--disable-search-engine-choice-screen", "--disable-features=Translate");
        LoggingPreferences logs = new LoggingPreferences();
        logs.enable(LogType.BROWSER, Level.ALL);
        options.setCapability("goog:loggingPrefs", logs);
        ChromeDriver driver = new ChromeDriver(service, options);
        driver.manage().timeouts().pageLoadTimeout(Duration.ofSeconds(60));
        driver.manage().timeouts().scriptTimeout(Duration.ofSeconds(30));
        return new Browser(driver, service, baseUrl);
    }

    public WebDriver driver() {
        return driver;
    }

    public String baseUrl() {
        return baseUrl;
    }

    /** Opens a path of the gateway, e.g. {@code /product.html?id=3}. */
    public void get(String path) {
        driver.get(baseUrl + path);
    }

    public String currentPath() {
        String url = driver.getCurrentUrl();
        return url.startsWith(baseUrl) ? url.substring(baseUrl.length()) : url;
    }

    /**
     * A wait that asks its condition again when the element it read was replaced meanwhile: the pages re-render
     * parts of themselves (e.g. the cart's totals after each answer), and a node found just before such a
     * render is stale when read (CI saw it on the checkout's delivery cost).
     */
    private WebDriverWait waiting() {
        WebDriverWait wait = new WebDriverWait(driver, WAIT);
        wait.ignoring(StaleElementReferenceException.class);
        return wait;
    }

    public <T> T waitUntil(Function<WebDriver, T> condition) {
        return waiting().until(condition::apply);
    }

    /** The element once it is visible. */
    public WebElement waitFor(By by) {
        return waiting().until(ExpectedConditions.visibilityOfElementLocated(by));
    }

    /** Waits until the element's text contains {@code text}; answers the element. */
    public WebElement waitForText(By by, String text) {
        waiting().until(ExpectedConditions.textToBePresentInElementLocated(by, text));
        return driver.findElement(by);
    }

    public WebElement find(By by) {
        return driver.findElement(by);
    }

    public List<WebElement> findAll(By by) {
        return driver.findElements(by);
    }

    /** The input, select or textarea a visible {@code <label>} with exactly this text names. */
    public WebElement field(String label) {
        WebElement labelElement = waitFor(By.xpath("//label[normalize-space(.)=" + xpathLiteral(label) + "]"));
        String id = labelElement.getAttribute("for");
        if (id != null && !id.isEmpty()) {
            return driver.findElement(By.id(id));
        }
        return labelElement.findElement(By.xpath(".//input|.//select|.//textarea"));
    }

    /** The button with this accessible text (its visible text, trimmed). */
    public WebElement button(String text) {
        return waitFor(By.xpath("//button[normalize-space(.)=" + xpathLiteral(text) + "]"));
    }

    /** The link with this text. */
    public WebElement link(String text) {
        return waitFor(By.xpath("//a[normalize-space(.)=" + xpathLiteral(text) + "]"));
    }

    /** Types into a field after clearing it. */
    public void type(WebElement field, String text) {
        field.clear();
        field.sendKeys(text);
    }

    public Object script(String script, Object... args) {
        return ((JavascriptExecutor) driver).executeScript(script, args);
    }

    /** Resizes the window (e.g. 375 x 740 for a phone); {@link #desktop()} goes back. */
    public void resize(int width, int height) {
        driver.manage().window().setSize(new Dimension(width, height));
    }

    public void desktop() {
        resize(WIDTH, HEIGHT);
    }

    /** Whether the document is wider than the window (a horizontal scroll bar). */
    public boolean scrollsHorizontally() {
        Object result = script("return document.documentElement.scrollWidth > document.documentElement.clientWidth;");
        return Boolean.TRUE.equals(result);
    }

    /** Writes a PNG of the window: {@code target/screenshots/<name>.png} or {@code -Dshop.web.screenshots}. */
    public Path screenshot(String name) {
        Path target = screenshotDirectory().resolve(name + ".png");
        try {
            Files.createDirectories(target.getParent());
            File shot = driver.getScreenshotAs(OutputType.FILE);
            Files.copy(shot.toPath(), target, StandardCopyOption.REPLACE_EXISTING);
            return target;
        } catch (IOException e) {
            throw new UncheckedIOException("screenshot " + target, e);
        }
    }

    static Path screenshotDirectory() {
        String asked = System.getProperty("shop.web.screenshots", "").strip();
        if (asked.isEmpty()) {
            return Path.of("target", "screenshots").toAbsolutePath();
        }
        Path path = Path.of(asked);
        Path root = Path.of(System.getProperty("shop.root", "..")).toAbsolutePath().normalize();
        return (path.isAbsolute() ? path : root.resolve(path)).normalize();
    }

    /** The console's SEVERE entries since the last call, without Chrome's lines for handled 4xx answers. */
    public List<String> consoleErrors() {
        List<String> errors = new ArrayList<>();
        for (LogEntry entry : driver.manage().logs().get(LogType.BROWSER)) {
            if (entry.getLevel().intValue() >= Level.SEVERE.intValue() && !isHandledRefusal(entry.getMessage())) {
                errors.add(entry.getMessage());
            }
        }
        return errors;
    }

    static boolean isHandledRefusal(String message) {
        // "http://…/web/session - Failed to load resource: the server responded with a status of 401 (Unauthorized)"
        return message != null && message.matches("(?s).*Failed to load resource: the server responded with a status of 4\\d\\d.*");
    }

    public void assertNoConsoleErrors() {
        List<String> errors = consoleErrors();
        if (!errors.isEmpty()) {
            fail("browser console errors on " + currentPath() + ": " + errors);
        }
    }

    /** Whether a JavaScript alert is open (e.g. from injected script); dismisses it. */
    public boolean alertShown() {
        try {
            driver.switchTo().alert().dismiss();
            return true;
        } catch (org.openqa.selenium.NoAlertPresentException e) {
            return false;
        }
    }

    /** Deletes cookies and local storage of the shop's origin: a new visitor. */
    public void forgetVisitor() {
        get("/assets/css/shop.css");
        driver.manage().deleteAllCookies();
        script("try { localStorage.clear(); sessionStorage.clear(); } catch (e) {}");
    }

    static String xpathLiteral(String text) {
        if (!text.contains("'")) {
            return "'" + text + "'";
        }
        return "concat('" + text.replace("'", "', \"'\", '") + "')";
    }

    @Override
    public void close() {
        try {
            driver.quit();
        } finally {
            service.stop();
        }
    }
}
