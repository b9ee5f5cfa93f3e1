package shop.system.web;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.restassured.http.ContentType;
import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.support.ui.Select;
import shop.system.RunningPlatform;

/**
 * The staff console's catalog part in a real Chromium: staff build a product (category, product, variant,
 * stock delivery, image) and the storefront shows it; uploads that go wrong show their errors and the job's
 * report; a role without catalog rights is offered none of it.
 */
class ConsoleCatalogBrowserSystemTest {
    private static final String PASSWORD = "console-pass-1";
    private static Browser browser;
    private static String tag;
    private static Path files;

    @BeforeAll
    static void open() throws IOException {
        Assumptions.assumeTrue(Browser.available(), Browser.missing());
        browser = Browser.open();
        tag = UUID.randomUUID().toString().substring(0, 8);
        files = Files.createTempDirectory("console-catalog-");
        String admin = RunningPlatform.adminToken();
        createUser(admin, "manager-" + tag, "manager");
        createUser(admin, "bot-" + tag, "bot");
        int supplier = given().auth().oauth2(admin).contentType(ContentType.JSON)
                .body(Map.of("name", "Console own supplier " + tag)).when().post("/api/catalog/suppliers")
                .then().statusCode(201).extract().path("id");
        given().auth().oauth2(admin).contentType(ContentType.JSON)
                .body(Map.of("login", "supplier-" + tag, "password", PASSWORD, "role", "supplier", "supplierId", supplier))
                .when().post("/api/users").then().statusCode(201);
    }

    @AfterEach
    void noConsoleErrors() {
        browser.assertNoConsoleErrors();
    }

    @AfterAll
    static void close() {
        if (browser != null) {
            browser.close();
        }
    }

    @Test
    void staffBuildAProductWithAVariantStockAndAnImageAndTheShopShowsIt() throws IOException {
        signIn("manager-" + tag);
        browser.waitForText(By.id("home"), "Products");
        assertTrue(browser.find(By.id("home")).getText().contains("Factories"), "a manager runs the whole catalog");

        // a category
        String category = "Console shirts " + tag;
        browser.get("/admin/catalog/categories.html");
        browser.type(browser.field("Name"), category);
        browser.button("Create category").click();
        browser.waitForText(By.cssSelector("#content .tree"), category);

        // a product in it, shown in the shop
        String name = "Console shirt " + tag;
        browser.get("/admin/catalog/products.html");
        browser.type(browser.field("Name"), name);
        browser.type(browser.field("Article"), "CON-" + tag);
        new Select(browser.field("Category")).selectByVisibleText(category);
        browser.field("Visible in the shop").click();
        browser.button("Create product").click();
        browser.waitUntil(d -> browser.currentPath().startsWith("/admin/catalog/product.html?id="));
        long productId = Long.parseLong(browser.currentPath().replaceAll(".*[?&]id=(\\d+).*", "$1"));
        browser.waitForText(By.id("page-title"), name);

        // a variant with 5 on hand, then a delivery of 3
        browser.type(browser.field("Variant name"), "M");
        browser.type(browser.field("Price, ₽"), "1990");
        browser.type(browser.field("On hand"), "5");
        browser.button("Add variant").click();
        browser.waitForText(By.id("variants"), "M (#");
        browser.type(browser.field("Quantity"), "3");
        browser.button("Record delivery").click();
        browser.waitForText(By.id("status"), "on hand now 8");
        assertEquals("8", onHandShown());

        // an image the test draws
        browser.field("Image file").sendKeys(png("shirt-" + tag).toString());
        browser.button("Upload image").click();
        browser.waitUntil(d -> imageLoaded("#images img"));
        browser.script("document.getElementById('variants-title').scrollIntoView();");
        browser.screenshot("console-product");

        // usable on a phone: the page does not scroll sideways (wide tables scroll inside their box)
        browser.resize(375, 740);
        assertFalse(browser.scrollsHorizontally(), "the console's product page scrolls sideways at 375 px");
        browser.desktop();

        // the storefront shows it with its image
        if (given().when().get("/product.html").statusCode() == 200) {
            browser.get("/product.html?id=" + productId);
            browser.waitForText(By.tagName("h1"), name);
            browser.waitUntil(d -> imageLoaded("main img[src*='/api/catalog/images/']"));
        } else {
            // the store's product page is another part's: until it is there, the public API stands in for it
            given().when().get("/api/catalog/products/" + productId).then().statusCode(200)
                    .body("name", org.hamcrest.Matchers.equalTo(name))
                    .body("images.size()", org.hamcrest.Matchers.equalTo(1))
                    .body("variants[0].onHand", org.hamcrest.Matchers.equalTo(8));
        }
        // and the public list finds it
        given().queryParam("q", "CON-" + tag).when().get("/api/catalog/products").then().statusCode(200)
                .body("total", org.hamcrest.Matchers.equalTo(1));
    }

    @Test
    void uploadsThatGoWrongShowTheirErrorsAndTheJobsReport() throws IOException {
        String admin = RunningPlatform.adminToken();
        String supplier = "Console supplier " + tag;
        given().auth().oauth2(admin).contentType(ContentType.JSON).body(Map.of("name", supplier))
                .when().post("/api/catalog/suppliers").then().statusCode(201);
        signIn("manager-" + tag);
        browser.get("/admin/catalog/imports.html");

        // a price list with a negative price: refused whole, the error names its line
        new Select(browser.field("Supplier")).selectByVisibleText(supplier);
        Path list = files.resolve("broken-" + tag + ".yaml");
        Files.writeString(list, """
                shop: Console
                categories:
                  - id: 1
                    name: Console things
                goods:
                  - id: A-1
                    category: 1
                    name: Broken offer
                    price: -5
                    quantity: 1
                """, StandardCharsets.UTF_8);
        browser.field("Price list (YAML)").sendKeys(list.toString());
        browser.button("Upload price list").click();
        browser.waitForText(By.cssSelector("#price-list-upload .form-errors"), "goods[0].price");

        // a 1C stock report with rows that cannot be applied: the job runs and its report lists them
        Path report = files.resolve("stock-" + tag + ".xlsx");
        Files.write(report, MiniXlsx.of(List.of(
                List.of("Остатки товаров"),
                List.of("Характеристика.Код", "Итого по всем складам"),
                List.of("NO-SUCH-" + tag, 5),
                List.of("BAD-" + tag, "много"))));
        browser.field("Report file (.xlsx)").sendKeys(report.toString());
        browser.button("Upload report").click();
        browser.waitForText(By.cssSelector("#onec-output .job-status"), "succeeded");
        String shown = browser.find(By.id("onec-output")).getText();
        assertTrue(shown.contains("Unknown codes (1)") && shown.contains("NO-SUCH-" + tag), shown);
        assertTrue(shown.contains("Rows not applied (1)") && shown.contains("BAD-" + tag), shown);
        assertTrue(browser.currentPath().contains("job="), "the job is kept in the address: " + browser.currentPath());
        browser.script("document.getElementById('onec-output').scrollIntoView();");
        browser.screenshot("console-import-report");

        // a file that is no workbook at all is refused before any job, and the page says why
        Path notXlsx = files.resolve("not-a-report-" + tag + ".xlsx");
        Files.writeString(notXlsx, "code;onHand\nX;1\n");
        browser.field("Report file (.xlsx)").sendKeys(notXlsx.toString());
        browser.button("Upload report").click();
        browser.waitForText(By.cssSelector("#onec-upload .form-errors"), "xlsx");
    }

    @Test
    void aRoleWithoutCatalogRightsIsOfferedNoCatalogActions() {
        signIn("bot-" + tag);
        browser.waitFor(By.cssSelector("[data-testid='nothing-offered']"));
        assertTrue(browser.findAll(By.xpath("//a[normalize-space(.)='Products']")).isEmpty(), "no catalog link for a bot");

        browser.get("/admin/catalog/products.html");
        browser.waitFor(By.cssSelector("[data-testid='not-allowed']"));
        assertTrue(browser.findAll(By.xpath("//button[normalize-space(.)='Create product']")).isEmpty());
        browser.get("/admin/catalog/categories.html");
        browser.waitFor(By.cssSelector("[data-testid='not-allowed']"));
        assertFalse(browser.find(By.id("content")).getText().contains("New category"));
    }

    @Test
    void aSupplierUserIsOfferedItsOwnProductsStockAndPriceListsOnly() {
        signIn("supplier-" + tag);
        String home = browser.waitForText(By.id("areas"), "Products").getText();
        assertTrue(home.contains("Price lists and 1C") && home.contains("Stock"), home);
        assertFalse(home.contains("Categories") || home.contains("Factories") || home.contains("Dictionaries"), home);

        // its price lists are its own supplier's: no supplier to choose, and no 1C reports (staff only)
        browser.get("/admin/catalog/imports.html");
        browser.waitFor(By.id("price-list-upload"));
        assertTrue(browser.findAll(By.id("onec-upload")).isEmpty(), "1C reports are for staff");
        assertTrue(browser.findAll(By.xpath("//label[normalize-space(.)='Supplier']")).isEmpty());
        browser.get("/admin/catalog/factories.html");
        browser.waitFor(By.cssSelector("[data-testid='not-allowed']"));
    }

    /** Signs in at /admin as a new browser visitor. */
    private static void signIn(String login) {
        browser.forgetVisitor();
        browser.get("/admin/index.html");
        browser.type(browser.field("Login"), login);
        browser.type(browser.field("Password"), PASSWORD);
        browser.button("Sign in").click();
        browser.waitFor(By.id("home"));
    }

    private static void createUser(String adminToken, String login, String role) {
        given().auth().oauth2(adminToken).contentType(ContentType.JSON)
                .body(Map.of("login", login, "password", PASSWORD, "role", role))
                .when().post("/api/users").then().statusCode(201);
    }

    private static String onHandShown() {
        // columns: Variant, Colour, Size, Price, Discounted, On hand, ...
        return browser.find(By.cssSelector("#variants tbody tr td:nth-child(6)")).getText();
    }

    private static boolean imageLoaded(String selector) {
        Object loaded = browser.script("const img = document.querySelector(arguments[0]);"
                + " return !!img && img.complete && img.naturalWidth > 0;", selector);
        return Boolean.TRUE.equals(loaded);
    }

    /** A small PNG, drawn here. */
    private static Path png(String name) {
        BufferedImage image = new BufferedImage(64, 48, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = image.createGraphics();
        g.setColor(new Color(0x0b5cad));
        g.fillRect(0, 0, 64, 48);
        g.setColor(Color.WHITE);
        g.fillOval(16, 8, 32, 32);
        g.dispose();
        Path file = files.resolve(name + ".png");
        try {
            ImageIO.write(image, "png", file.toFile());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return file;
    }
}
