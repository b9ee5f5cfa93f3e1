package shop.analytics.dashboard;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import java.io.File;
import java.io.IOException;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDateTime;
import java.math.BigDecimal;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;
import shop.contracts.EventJson;
import shop.contracts.Topics;
import shop.contracts.orders.OrderEvent;
import shop.contracts.orders.OrderLine;
import shop.devstack.testing.KafkaResource;
import shop.devstack.testing.TopicWatcher;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import shop.analytics.AnalyticsClient;
import shop.analytics.logs.SyntheticLog;

/**
 * The dashboard in a real browser: headless Chromium (Debian's {@code chromium}; .ci/run installs it)
 * opens the page signed in as staff, and the page reports how many charts it drew with data in
 * {@code <body data-rendered="n">}, read back with {@code --dump-dom}. A screenshot goes to
 * target/dashboard.png, or where {@code -Dshop.dashboard.screenshot=PATH} says (relative to the project
 * root: {@code docs/dashboard.png} refreshes the README's picture; a plain build never touches a tracked
 * file). Skipped when no Chromium is on the PATH.
 */
@QuarkusTest
class DashboardBrowserTest {
    /** Reports 1–5, the carts numbers (6–7) and the three live sales charts. */
    private static final int CHARTS = 9;
    private static final Pattern RENDERED = Pattern.compile("<body[^>]*\\bdata-rendered=\"(\\d+)\"");

    @TestHTTPResource("/analytics/")
    URL page;

    static Optional<Path> chromium() {
        for (String name : List.of("chromium", "chromium-browser")) {
            for (String dir : System.getenv().getOrDefault("PATH", "").split(File.pathSeparator)) {
                Path candidate = Path.of(dir, name);
                if (Files.isExecutable(candidate)) {
                    return Optional.of(candidate);
                }
            }
        }
        return Optional.empty();
    }

    /** target/dashboard.png, or {@code -Dshop.dashboard.screenshot} (Maven hands -D properties to the test JVM). */
    static Path screenshotFile() {
        String asked = System.getProperty("shop.dashboard.screenshot", "").strip();
        if (asked.isEmpty()) {
            return Path.of("target", "dashboard.png").toAbsolutePath();
        }
        Path path = Path.of(asked);
        return (path.isAbsolute() ? path : projectRoot().resolve(path)).normalize();
    }

    /** The test runs in the module's directory; the project root is the nearest one with the Maven wrapper. */
    private static Path projectRoot() {
        Path here = Path.of("").toAbsolutePath();
        for (Path dir = here; dir != null; dir = dir.getParent()) {
            if (Files.isRegularFile(dir.resolve("mvnw"))) {
                return dir;
            }
        }
        return here;
    }

    private static boolean imported;

    /** Once per class (not @BeforeAll: the application's port is set for instances). */
    @BeforeEach
    void someLogs() {
        if (imported) {
            return;
        }
        AnalyticsClient.loadIpRanges(SyntheticLog.IP_TABLE);
        String status = AnalyticsClient.importLog(new SyntheticLog(11, "D", LocalDateTime.of(2036, 5, 1, 0, 0, 7), 150, 900_000)
                .bytes()).getString("status");
        assertEquals("succeeded", status);
        // a few live orders for the sales charts: three placed, two of them paid
        long order = ThreadLocalRandom.current().nextLong(1_000_000_000L, 2_000_000_000L);
        for (int i = 0; i < 3; i++) {
            List<OrderLine> lines = List.of(new OrderLine(order * 10 + i, order + i, null, i + 1, new BigDecimal("4.25")));
            OrderEvent placed = new OrderEvent(order + i, 77L, "new", null, "card",
                    new BigDecimal("4.25").multiply(BigDecimal.valueOf(i + 1)), lines, null);
            List<String> events = new ArrayList<>();
            events.add(EventJson.write(EventJson.envelope(OrderEvent.PLACED, OrderEvent.VERSION, placed)));
            if (i > 0) {
                events.add(EventJson.write(EventJson.envelope(OrderEvent.PAID, OrderEvent.VERSION, placed)));
            }
            TopicWatcher.send(KafkaResource.bootstrapServers(), Topics.ORDERS_EVENTS, Long.toString(order + i),
                    events.toArray(String[]::new));
        }
        await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(300)).until(() ->
                AnalyticsClient.report("sales/top-products", Map.of("limit", 1000)).getList("items.productId", Long.class)
                        .containsAll(List.of(order + 1, order + 2)));
        imported = true;
    }

    /** Runs Chromium headless on {@code url}; answers its standard output. */
    private static String chromium(Path browser, String url, String... extra) throws IOException, InterruptedException {
        Path profile = Files.createTempDirectory("dashboard-chromium");
        List<String> command = new ArrayList<>(List.of(browser.toString(), "--headless", "--no-sandbox",
                "--disable-gpu", "--disable-dev-shm-usage", "--no-first-run", "--hide-scrollbars",
                "--user-data-dir=" + profile, "--window-size=1400,1100", "--virtual-time-budget=20000"));
        command.addAll(List.of(extra));
        command.add(url);
        Path out = Files.createTempFile("dashboard-chromium", ".out");
        Process process = new ProcessBuilder(command).redirectOutput(out.toFile())
                .redirectError(ProcessBuilder.Redirect.DISCARD).start();
        try {
            assertTrue(process.waitFor(120, TimeUnit.SECONDS), "chromium did not finish within 120 s");
            return Files.readString(out, StandardCharsets.UTF_8);
        } finally {
            process.destroyForcibly();
            Files.deleteIfExists(out);
            try (Stream<Path> files = Files.walk(profile)) {
                files.sorted(java.util.Comparator.reverseOrder()).map(Path::toFile).forEach(File::delete);
            }
        }
    }

    private static int rendered(String dom) {
        Matcher m = RENDERED.matcher(dom);
        assertTrue(m.find(), "the page has no body[data-rendered]: " + dom.substring(0, Math.min(500, dom.length())));
        return Integer.parseInt(m.group(1));
    }

    @Test
    void chartsRenderWithDataForStaffAndAScreenshotIsSaved() throws Exception {
        Path browser = chromium().orElse(null);
        Assumptions.assumeTrue(browser != null, "no chromium on the PATH (.ci/run installs Debian's chromium): browser test skipped");
        String url = page + "#token=" + AnalyticsClient.ADMIN;

        String dom = chromium(browser, url, "--dump-dom");
        assertEquals(CHARTS, rendered(dom), "charts with data: " + rendered(dom));
        assertTrue(dom.contains("data-loaded=\"true\""));
        assertTrue(dom.contains("<svg"), "no chart was drawn");
        assertTrue(dom.contains("fresh_fish"), "report 2's category is missing");

        Path screenshot = screenshotFile();
        Files.createDirectories(screenshot.getParent());
        Files.deleteIfExists(screenshot);
        chromium(browser, url, "--screenshot=" + screenshot);
        assertTrue(Files.size(screenshot) > 10_000, "screenshot too small: " + screenshot);
    }

    @Test
    void withoutAStaffTokenThePageAsksToSignInAndDrawsNothing() throws Exception {
        Path browser = chromium().orElse(null);
        Assumptions.assumeTrue(browser != null, "no chromium on the PATH (.ci/run installs Debian's chromium): browser test skipped");

        String signedOut = chromium(browser, page.toString(), "--dump-dom");
        assertEquals(0, rendered(signedOut));
        assertTrue(signedOut.contains("<form id=\"sign-in\">"), "the sign-in form is not shown");

        String customer = chromium(browser, page + "#token=" + AnalyticsClient.CUSTOMER, "--dump-dom");
        assertEquals(0, rendered(customer));
        assertTrue(customer.contains("staff only"), "the refusal is not explained");
    }

    @Test
    void thePageIsStaticHoldsNoSecretAndLoadsNothingFromElsewhere() {
        given().redirects().follow(false).when().get("/analytics").then().statusCode(301)
                .header("Location", "/analytics/");
        String html = given().when().get("/analytics/").then().statusCode(200)
                .contentType(containsString("text/html")).extract().asString();
        assertTrue(html.contains("dashboard.js"));
        String script = given().when().get("/analytics/dashboard.js").then().statusCode(200)
                .body(containsString("/api/auth/token")).extract().asString();
        // the SVG namespace is a name, not something loaded
        assertTrue(!script.replace("http://www.w3.org/2000/svg", "").contains("http"),
                "the script loads something from elsewhere");
        assertTrue(!html.contains("https://") && !html.contains("http://"), "the page loads something from elsewhere");
    }
}
