package shop.system.web;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.restassured.http.ContentType;
import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.time.Duration;
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
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.Select;
import shop.system.RunningPlatform;

/**
 * The storefront in Debian's Chromium, through the gateway of the shared platform: a guest browses the
 * category tree, searches, filters by colour, size, supplier, price and stock, opens a product, picks two
 * variants by colour and size, checks out with a structured address, pays in the sandbox and watches the
 * order go placed → confirmed → paid. A product named like a script shows as text. The list works on a
 * phone-sized window. Screenshots: storefront-list, product-page, cart.
 */
class StorefrontBrowserSystemTest {

    static final Duration SAGA = Duration.ofSeconds(90);
    static final String SCRIPT_NAME = "<script>alert(1)</script>";

    static Browser browser;
    static String tag;
    static int category;
    static int subCategory;
    static int supplier;
    static int dress;
    static int red;
    static int blue;
    static int sizeS;
    static int sizeM;
    static int redS;
    static int blueM;
    static int hostile;
    static int courier;

    @BeforeAll
    static void openBrowserAndBuildCatalog() throws IOException {
        Assumptions.assumeTrue(Browser.available(), Browser.missing());
        RunningPlatform.stack();
        buildCatalog();
        browser = Browser.open();
    }

    @AfterEach
    void consoleStaysClean() {
        if (browser != null) {
            assertFalse(browser.alertShown(), "no script from product data ran");
            browser.assertNoConsoleErrors();
        }
    }

    @AfterAll
    static void closeBrowser() {
        if (browser != null) {
            browser.close();
        }
    }

    static int create(String path, Map<String, Object> body) {
        return given().auth().oauth2(RunningPlatform.adminToken()).contentType(ContentType.JSON).body(body)
                .when().post(path).then().statusCode(201).extract().path("id");
    }

    static void buildCatalog() throws IOException {
        tag = UUID.randomUUID().toString().substring(0, 6);
        category = create("/api/catalog/categories", Map.of("name", "Clothes " + tag));
        subCategory = create("/api/catalog/categories", Map.of("name", "Dresses " + tag, "parentId", category));
        supplier = create("/api/catalog/suppliers", Map.of("name", "Atelier " + tag, "email", "atelier-" + tag + "@example.com"));
        red = create("/api/catalog/colors", Map.of("name", "Red " + tag, "code", "#B22222"));
        blue = create("/api/catalog/colors", Map.of("name", "Blue " + tag, "code", "#1E3A8A"));
        sizeS = create("/api/catalog/sizes", Map.of("name", "S " + tag));
        sizeM = create("/api/catalog/sizes", Map.of("name", "M " + tag));

        dress = create("/api/catalog/products", Map.of("name", "Summer dress " + tag, "article", "WEB-D-" + tag,
                "categoryId", subCategory, "supplierId", supplier, "description", "A light cotton dress"));
        redS = create("/api/catalog/products/" + dress + "/variants", Map.of("name", "Red S", "colorId", red,
                "sizeId", sizeS, "price", 4990.00, "discountedPrice", 3990.00, "sale", true, "onHand", 5));
        create("/api/catalog/products/" + dress + "/variants", Map.of("name", "Red M", "colorId", red,
                "sizeId", sizeM, "price", 4990.00, "onHand", 0));
        blueM = create("/api/catalog/products/" + dress + "/variants", Map.of("name", "Blue M", "colorId", blue,
                "sizeId", sizeM, "price", 5490.00, "onHand", 4));
        given().auth().oauth2(RunningPlatform.adminToken())
                .multiPart("file", "dress.png", png(new Color(0xB22222)), "image/png")
                .when().post("/api/catalog/products/" + dress + "/images").then().statusCode(201);

        // more goods in the category, so that filtering visibly narrows the list
        for (int i = 1; i <= 3; i++) {
            int other = create("/api/catalog/products", Map.of("name", "Linen shirt " + i + " " + tag,
                    "article", "WEB-S" + i + "-" + tag, "categoryId", category));
            create("/api/catalog/products/" + other + "/variants", Map.of("name", "Blue S", "colorId", blue,
                    "sizeId", sizeS, "price", 1990.00 + i * 100, "onHand", 10));
        }
        hostile = create("/api/catalog/products", Map.of("name", SCRIPT_NAME, "article", "WEB-X-" + tag,
                "categoryId", category, "description", "<img src=x onerror=alert(2)>"));
        create("/api/catalog/products/" + hostile + "/variants", Map.of("name", "<b>bold</b>", "price", 100.00, "onHand", 1));

        courier = create("/api/delivery-types", Map.of("name", "Courier " + tag, "price", 300));

        // order-service learns variants from catalog events: wait until the cart takes both
        for (int variant : List.of(redS, blueM)) {
            await("order-service knows variant " + variant).atMost(SAGA).pollInterval(Duration.ofMillis(500))
                    .until(() -> given().contentType(ContentType.JSON).body(Map.of("quantity", 1))
                            .when().put("/api/cart/items/" + variant).statusCode() == 200);
        }
    }

    static byte[] png(Color colour) throws IOException {
        BufferedImage image = new BufferedImage(480, 480, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = image.createGraphics();
        g.setColor(colour);
        g.fillRect(0, 0, 480, 480);
        g.setColor(Color.WHITE);
        g.fillOval(140, 140, 200, 200);
        g.dispose();
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ImageIO.write(image, "png", out);
        return out.toByteArray();
    }

    private static List<String> productNames() {
        return browser.findAll(By.cssSelector("#products .product-card h2")).stream().map(WebElement::getText).toList();
    }

    /** Only the digits of a text: prices are formatted with (narrow) no-break spaces. */
    private static String digits(String text) {
        return text.replaceAll("[^0-9]", "");
    }

    private static void waitForDigits(By by, String expected) {
        browser.waitUntil(d -> digits(d.findElement(by).getText()).equals(expected));
    }

    private static void waitForList() {
        browser.waitUntil(d -> !d.findElement(By.id("result-count")).getText().isEmpty());
    }

    @Test
    void aGuestBrowsesFiltersOrdersTwoVariantsPaysInTheSandboxAndSeesTheOrderPaid() {
        browser.forgetVisitor();
        browser.get("/");
        // the category tree: the sub-category sits under its parent
        browser.waitFor(By.xpath("//ul[@id='categories']//li[a[starts-with(normalize-space(.), 'Clothes " + tag + "')]]"
                + "//ul//a[starts-with(normalize-space(.), 'Dresses " + tag + "')]"));
        browser.find(By.xpath("//ul[@id='categories']//a[starts-with(normalize-space(.), 'Clothes " + tag + "')]")).click();
        browser.waitForText(By.id("page-title"), "Clothes " + tag);
        waitForList();
        assertEquals("5 products", browser.find(By.id("result-count")).getText(), "the parent includes its sub-category");

        // search within the category
        browser.type(browser.field("Search"), "dress");
        browser.button("Search").click();
        browser.waitForText(By.id("result-count"), "1 product");
        assertEquals(List.of("Summer dress " + tag), productNames());
        browser.type(browser.field("Search"), "");
        browser.button("Search").click();
        browser.waitForText(By.id("result-count"), "5 products");

        // filters: colour, then size, supplier, price and stock, then sorting
        browser.find(By.xpath("//label[starts-with(normalize-space(.), 'Blue " + tag + "')]")).click();
        browser.waitUntil(d -> d.getCurrentUrl().contains("colorId=" + blue));
        browser.waitForText(By.id("result-count"), "4 products");
        browser.find(By.xpath("//label[starts-with(normalize-space(.), 'M " + tag + "')]")).click();
        browser.waitUntil(d -> d.getCurrentUrl().contains("sizeId=" + sizeM));
        browser.waitForText(By.id("result-count"), "1 product");
        assertEquals(List.of("Summer dress " + tag), productNames());
        browser.get("/?categoryId=" + category);
        waitForList();
        browser.find(By.xpath("//label[starts-with(normalize-space(.), 'Atelier " + tag + "')]")).click();
        browser.waitUntil(d -> d.getCurrentUrl().contains("supplierId=" + supplier));
        browser.waitForText(By.id("result-count"), "1 product");
        browser.get("/?categoryId=" + category);
        waitForList();
        browser.type(browser.field("From"), "2000");
        browser.type(browser.field("To"), "4500");
        browser.find(By.id("inStock")).click(); // a checkbox applies at once, with the prices typed
        browser.waitUntil(d -> d.getCurrentUrl().contains("inStock=true") && d.getCurrentUrl().contains("minPrice=2000"));
        waitForList();
        // 2090, 2190, 2290 (shirts) and 3990 (the dress on sale); the script-named one costs 100
        browser.waitForText(By.id("result-count"), "4 products");
        new Select(browser.field("Sort by")).selectByVisibleText("Price: high to low");
        browser.waitUntil(d -> d.getCurrentUrl().contains("sort=-price"));
        browser.waitUntil(d -> productNames().size() == 4 && productNames().get(0).equals("Summer dress " + tag));
        assertEquals("Linen shirt 1 " + tag, productNames().get(3));
        browser.screenshot("storefront-list");

        // the product page: picture, prices, variants by colour and size with availability
        browser.link("Summer dress " + tag).click();
        browser.waitForText(By.tagName("h1"), "Summer dress " + tag);
        WebElement picture = browser.waitFor(By.id("main-image"));
        browser.waitUntil(d -> Boolean.TRUE.equals(browser.script("return arguments[0].complete && arguments[0].naturalWidth > 0;", picture)));
        browser.button("Red " + tag).click();
        WebElement soldOutSize = browser.waitFor(By.xpath("//div[@id='size-options']/button[contains(., 'M " + tag + "')]"));
        assertTrue(soldOutSize.getAttribute("class").contains("unavailable"), "red M is sold out");
        assertTrue(soldOutSize.getAttribute("textContent").contains("sold out"), "and says so to screen readers");
        browser.find(By.xpath("//div[@id='size-options']/button[contains(., 'S " + tag + "')]")).click();
        // 3 990 ₽ instead of 4 990 ₽
        waitForDigits(By.id("variant-price"), "39904990");
        browser.waitForText(By.id("availability"), "In stock");
        browser.screenshot("product-page");
        browser.button("Add to cart").click();
        browser.waitFor(By.id("to-cart"));
        browser.waitForText(By.id("status"), "Added to the cart");

        // the second variant: blue, size M, two of them
        browser.button("Blue " + tag).click();
        browser.find(By.xpath("//div[@id='size-options']/button[contains(., 'M " + tag + "')]")).click();
        waitForDigits(By.id("variant-price"), "5490");
        browser.type(browser.field("Quantity"), "2");
        browser.button("Add to cart").click();
        browser.waitForText(By.id("status"), "× 2");
        browser.waitForText(By.id("cart-count"), "(3)");

        // the cart: server totals with the delivery
        browser.link("Go to cart").click();
        browser.waitFor(By.cssSelector(".cart-line"));
        assertEquals(2, browser.findAll(By.cssSelector("#lines .cart-line")).size());
        new Select(browser.field("Delivery")).selectByValue(String.valueOf(courier));
        waitForDigits(By.id("delivery-cost"), "300");
        // 3 990 + 2 × 5 490 + 300 delivery
        waitForDigits(By.id("grand-total"), "15270");
        browser.screenshot("cart");

        // checkout as a guest with a structured address, by card
        browser.link("Check out").click();
        browser.waitFor(By.id("checkout"));
        browser.type(browser.field("First name"), "Anna");
        browser.type(browser.field("Last name"), "Petrova");
        browser.type(browser.field("Phone"), "+7 916 123-45-67");
        browser.type(browser.field("Email"), "anna-" + tag + "@example.com");
        new Select(browser.field("Delivery type")).selectByValue(String.valueOf(courier));
        browser.type(browser.field("City"), "Moscow");
        browser.type(browser.field("Street"), "Tverskaya");
        browser.type(browser.field("House"), "7");
        browser.type(browser.field("Apartment (optional)"), "15");
        waitForDigits(By.id("grand-total"), "15270");
        browser.button("Place order").click();

        // the order page follows the saga: placed → confirmed, then the sandbox → paid
        browser.waitUntil(d -> d.getCurrentUrl().contains("/order.html?id="));
        assertTrue(browser.driver().getCurrentUrl().contains("#token="), "a guest's link carries the token in the fragment");
        new org.openqa.selenium.support.ui.WebDriverWait(browser.driver(), SAGA).until(d ->
                "confirmed".equals(d.findElement(By.id("state")).getAttribute("data-status")));
        assertEquals("Confirmed", browser.find(By.id("state")).getText());
        browser.button("Pay by card").click();
        browser.waitUntil(d -> d.getCurrentUrl().contains("/api/payments/sandbox/"));
        browser.consoleErrors(); // the provider's page is not the shop's: its console is not ours
        browser.find(By.xpath("//button[normalize-space(.)='Pay'] | //input[@value='Pay']")).click();
        browser.waitUntil(d -> d.getCurrentUrl().contains("/order.html?id="));
        new org.openqa.selenium.support.ui.WebDriverWait(browser.driver(), SAGA).until(d ->
                "paid".equals(d.findElement(By.id("state")).getAttribute("data-status")));
        assertEquals("Paid", browser.find(By.id("state")).getText());
        browser.waitForText(By.id("history"), "Paid");
        assertEquals("15270", digits(browser.find(By.id("order-total")).getText()));
    }

    @Test
    void aProductNamedLikeAScriptIsShownAsText() {
        browser.get("/?categoryId=" + category + "&q=WEB-X-" + tag);
        browser.waitForText(By.id("result-count"), "1 product");
        assertEquals(List.of(SCRIPT_NAME), productNames());
        browser.link(SCRIPT_NAME).click();
        browser.waitForText(By.tagName("h1"), SCRIPT_NAME);
        assertEquals(SCRIPT_NAME, browser.find(By.tagName("h1")).getText());
        assertEquals("<img src=x onerror=alert(2)>", browser.find(By.id("description")).getText());
        assertTrue(browser.driver().getTitle().contains(SCRIPT_NAME));
        assertEquals(0L, browser.script("return document.querySelectorAll('main script, main img[src=\"x\"], main b').length;"));
        assertFalse(browser.alertShown());
    }

    @Test
    void theListFitsAPhoneScreen() {
        try {
            browser.resize(375, 740);
            browser.get("/?categoryId=" + category);
            waitForList();
            browser.waitUntil(d -> !productNames().isEmpty());
            assertFalse(browser.scrollsHorizontally(), "no horizontal scrolling at 375 px");
            browser.get("/product.html?id=" + dress);
            browser.waitForText(By.tagName("h1"), "Summer dress");
            assertFalse(browser.scrollsHorizontally(), "no horizontal scrolling on the product page at 375 px");
        } finally {
            browser.desktop();
        }
    }
}
