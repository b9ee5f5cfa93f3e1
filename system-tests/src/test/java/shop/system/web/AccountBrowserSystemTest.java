package shop.system.web;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.restassured.http.ContentType;
import io.restassured.response.Response;
import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.Select;
import shop.devstack.infra.ReceivedMail;
import shop.system.RunningPlatform;

/**
 * The customer account pages in Chromium, through the gateway: register, confirm with the link read from
 * the platform's mail server, sign in (a wrong password first), follow an order and its status history,
 * cancel it before shipping, someone else's order is "not found"; addresses, favorites, password reset.
 * The order is placed through the storefront's product, cart and checkout pages; the stranger's order
 * through the API.
 */
class AccountBrowserSystemTest {
    private static final Duration WAIT = Duration.ofSeconds(90);
    private static final Pattern LINK = Pattern.compile("(http\\S+/account/(?:confirm|reset-password)\\.html#\\S+)");
    private static final String PASSWORD = "browser-pass-1";

    static Browser browser;

    @BeforeAll
    static void open() {
        Assumptions.assumeTrue(Browser.available(), Browser.missing());
        browser = Browser.open();
    }

    @AfterEach
    void console() {
        browser.assertNoConsoleErrors();
    }

    @AfterAll
    static void close() {
        if (browser != null) {
            browser.close();
        }
    }

    record Shopper(long id, String email, String phone) {
    }

    record Goods(long productId, long variantId, long deliveryTypeId, String productName) {
    }

    @Test
    void aCustomerRegistersConfirmsByMailSignsInFollowsItsOrderAndCancelsIt() {
        browser.forgetVisitor();
        Goods goods = goods();
        String tag = tag();
        String email = "web-" + tag + "@example.com";

        browser.get("/account/register.html");
        browser.type(browser.field("First name"), "Daria");
        browser.type(browser.field("Last name"), "Orlova");
        browser.type(browser.field("Email"), email);
        browser.type(browser.field("Phone"), phone());
        browser.type(browser.field("Password (8 to 72 characters)"), PASSWORD);
        browser.button("Create account").click();
        browser.waitForText(By.tagName("h1"), "Check your mail");

        // the mail links to the storefront's page; the token is in the fragment (never sent to a server)
        URI link = mailedLink(email, "Confirm");
        assertEquals("/account/confirm.html", link.getPath());
        assertEquals(URI.create(browser.baseUrl()).getPort(), link.getPort());
        assertTrue(link.getRawFragment().startsWith("email=") && link.getRawFragment().contains("&token="), link.toString());
        // the dev stack names the gateway "localhost", the browser works on 127.0.0.1: same page, same origin as the rest
        browser.get(link.getRawPath() + "#" + link.getRawFragment());
        browser.waitForText(By.id("status"), "Your email address is confirmed");
        assertFalse(browser.driver().getCurrentUrl().contains("token="), "the token is removed from the address bar");

        browser.find(By.cssSelector("main a[href='/account/sign-in.html']")).click(); // the header has its own "Sign in"
        browser.waitFor(By.id("sign-in-form"));
        browser.type(browser.field("Email or phone"), email);
        browser.type(browser.field("Password"), "not-the-password");
        browser.button("Sign in").click();
        WebElement error = browser.waitFor(By.cssSelector("#sign-in-form .form-error"));
        browser.waitForText(By.cssSelector("#sign-in-form .form-error"), "Wrong login or password");
        assertEquals("alert", error.getAttribute("role"));
        assertTrue(browser.currentPath().startsWith("/account/sign-in.html"), browser.currentPath());

        browser.type(browser.field("Password"), PASSWORD);
        browser.button("Sign in").click();
        browser.waitUntil(driver -> browser.currentPath().startsWith("/account/index.html"));
        browser.waitForText(By.id("greeting"), "Signed in as");

        // an order through the storefront's pages, signed in (the contact comes from the form as typed)
        String bearer = token(email);
        orderable(goods);
        browser.get("/product.html?id=" + goods.productId());
        browser.waitForText(By.id("availability"), "In stock");
        browser.button("Add to cart").click();
        browser.link("Go to cart").click();
        browser.waitFor(By.cssSelector(".cart-line"));
        browser.link("Check out").click();
        browser.waitFor(By.id("checkout"));
        browser.type(browser.field("First name"), "Daria");
        browser.type(browser.field("Last name"), "Orlova");
        browser.type(browser.field("Phone"), "+7 916 123-45-67");
        browser.type(browser.field("Email"), email);
        new Select(browser.field("Delivery type")).selectByValue(String.valueOf(goods.deliveryTypeId()));
        browser.type(browser.field("City"), "Moscow");
        browser.type(browser.field("Street"), "Arbat");
        browser.type(browser.field("House"), "10");
        browser.find(By.cssSelector("input[name='paymentMethod'][value='cash']")).click();
        browser.button("Place order").click();
        browser.waitUntil(driver -> driver.getCurrentUrl().contains("/order.html?id="));
        Matcher placed = Pattern.compile("id=(\\d+)").matcher(browser.driver().getCurrentUrl());
        assertTrue(placed.find(), browser.driver().getCurrentUrl());
        long orderId = Long.parseLong(placed.group(1));
        browser.get("/account/index.html");

        browser.link("My orders").click();
        browser.link("Order #" + orderId).click();
        browser.waitForText(By.id("order-title"), "Order #" + orderId);
        String lines = browser.find(By.id("order-lines")).getText();
        assertTrue(lines.contains(goods.productName()), "the product name, markup shown as text: " + lines);
        assertFalse(browser.alertShown(), "no script from a product name ran");
        // placed a moment ago: the page shows "Confirmed" when the catalog has reserved the stock (status stream)
        String history = browser.waitForText(By.id("order-history"), "Confirmed").getText();
        assertTrue(history.contains("Placed"), history);

        browser.resize(375, 740);
        assertFalse(browser.scrollsHorizontally(), "the order page fits a phone");
        browser.desktop();

        browser.type(browser.field("Reason (optional)"), "ordered the wrong size");
        browser.button("Cancel order").click();
        browser.driver().switchTo().alert().accept(); // "Cancel order #N?"
        browser.waitForText(By.id("status"), "The order is cancelled");
        history = browser.waitForText(By.id("order-history"), "Cancelled").getText();
        assertTrue(history.contains("ordered the wrong size") && history.contains("by you"), history);
        assertTrue(browser.findAll(By.id("cancel-form")).get(0).getAttribute("hidden") != null, "nothing left to cancel");
        assertEquals("cancelled", given().auth().oauth2(bearer).when().get("/api/orders/" + orderId).then().extract().path("status"));

        // someone else's order: the same "not found" as a missing one
        long strangersOrder = placeOrder(RunningPlatform.newCustomerToken(), goods);
        browser.get("/account/order.html?id=" + strangersOrder);
        browser.waitForText(By.id("status"), "Order #" + strangersOrder + " was not found among your orders");
        assertFalse(browser.find(By.id("order")).isDisplayed());

        browser.get("/account/orders.html");
        browser.waitForText(By.id("order-rows"), "Cancelled");
        assertFalse(browser.find(By.id("order-rows")).getText().contains("#" + strangersOrder));

        browser.get("/account/index.html");
        browser.waitForText(By.id("greeting"), "Signed in as");
        browser.waitUntil(driver -> browser.find(By.id("account-sign-out")).isEnabled());
        browser.find(By.id("account-sign-out")).click(); // the header has a "Sign out" too
        browser.waitUntil(driver -> browser.currentPath().startsWith("/account/sign-in.html"));
        browser.get("/account/orders.html");
        browser.waitUntil(driver -> browser.currentPath().startsWith("/account/sign-in.html?next="));
    }

    @Test
    void addressesFavoritesAndAForgottenPassword() {
        browser.forgetVisitor();
        Goods goods = goods();
        Shopper shopper = register();
        signInInBrowser(shopper.email(), PASSWORD);

        browser.get("/account/addresses.html");
        browser.waitForText(By.id("address-list"), "No saved addresses yet.");
        browser.type(browser.field("Postcode (6 digits)"), "12345");
        browser.type(browser.field("City"), "Kazan");
        browser.type(browser.field("Street"), "Baumana");
        browser.type(browser.field("House"), "12");
        browser.button("Save address").click();
        browser.waitForText(By.cssSelector("#address-form .field-error"), "must be 6 digits");
        assertEquals("true", browser.field("Postcode (6 digits)").getAttribute("aria-invalid"));
        browser.type(browser.field("Postcode (6 digits)"), "420111");
        browser.button("Save address").click();
        browser.waitForText(By.id("address-list"), "420111, Kazan, Baumana, house 12");

        browser.waitFor(By.cssSelector("#address-list button[aria-label^='Edit']")).click();
        browser.type(browser.field("Apartment"), "7");
        browser.button("Save address").click();
        browser.waitForText(By.id("address-list"), "420111, Kazan, Baumana, house 12, apt. 7");

        browser.find(By.cssSelector("#address-list button[aria-label^='Remove']")).click();
        browser.driver().switchTo().alert().accept();
        browser.waitForText(By.id("address-list"), "No saved addresses yet.");

        // favorites: added on the product page, listed with the catalog's name, removed here
        browser.get("/product.html?id=" + goods.productId());
        browser.button("Add to favorites").click();
        browser.waitUntil(driver -> "true".equals(browser.find(By.id("favorite")).getAttribute("aria-pressed")));
        browser.get("/account/favorites.html");
        browser.waitForText(By.id("favorite-list"), goods.productName());
        browser.find(By.cssSelector("#favorite-list button")).click();
        browser.waitForText(By.id("favorite-list"), "No favorites yet.");

        // profile: a field changed and kept
        browser.get("/account/profile.html");
        browser.waitUntil(driver -> shopper.email().equals(browser.field("Email").getAttribute("value")));
        browser.type(browser.field("City"), "Samara");
        browser.button("Save").click();
        browser.waitForText(By.id("status"), "Saved");
        assertEquals("Samara", given().auth().oauth2(token(shopper.email())).when().get("/api/customers/" + shopper.id())
                .then().extract().path("city"));

        // password reset: the mailed link opens the page that sets the new one
        browser.get("/account/index.html");
        browser.waitForText(By.id("greeting"), "Signed in as");
        browser.waitUntil(driver -> browser.find(By.id("account-sign-out")).isEnabled());
        browser.find(By.id("account-sign-out")).click(); // the header has a "Sign out" too
        browser.waitUntil(driver -> browser.currentPath().startsWith("/account/sign-in.html"));
        browser.link("Forgot your password?").click();
        browser.type(browser.field("Email"), shopper.email());
        browser.button("Send the link").click();
        browser.waitForText(By.id("status"), "a mail");
        URI link = mailedLink(shopper.email(), "Reset");
        assertEquals("/account/reset-password.html", link.getPath());
        browser.get(link.getRawPath() + "#" + link.getRawFragment());
        browser.type(browser.field("New password (8 to 72 characters)"), "a-new-browser-pass");
        browser.type(browser.field("New password again"), "a-new-browser-pass");
        browser.button("Set the new password").click();
        browser.waitForText(By.id("status"), "Your password is changed");
        browser.link("Sign in with the new password").click();
        signInInBrowser(shopper.email(), "a-new-browser-pass");
    }

    private static void signInInBrowser(String email, String password) {
        if (!browser.currentPath().startsWith("/account/sign-in.html")) {
            browser.get("/account/sign-in.html");
        }
        browser.type(browser.field("Email or phone"), email);
        browser.type(browser.field("Password"), password);
        browser.button("Sign in").click();
        browser.waitUntil(driver -> browser.currentPath().startsWith("/account/index.html"));
    }

    /** A registered customer with a confirmed email (through the API; the first test does it in the browser). */
    private static Shopper register() {
        String email = "web-" + tag() + "@example.com";
        String phone = phone();
        long id = given().contentType(ContentType.JSON).body(Map.of("firstName", "Pavel", "lastName", "Volkov",
                        "email", email, "phone", phone, "password", PASSWORD))
                .when().post("/api/customers").then().statusCode(201).extract().jsonPath().getLong("id");
        URI link = mailedLink(email, "Confirm");
        String token = link.getRawFragment().replaceAll(".*token=", "");
        given().contentType(ContentType.JSON).body(Map.of("email", email, "token", token))
                .when().post("/api/customers/confirm").then().statusCode(204);
        return new Shopper(id, email, phone);
    }

    private static String token(String email) {
        return RunningPlatform.signIn("{\"email\":\"%s\",\"password\":\"%s\"}".formatted(email, PASSWORD));
    }

    /** The newest mail to the address whose subject starts so: its link to the storefront. */
    private static URI mailedLink(String recipient, String subjectStart) {
        ReceivedMail mail = await().atMost(Duration.ofSeconds(30)).until(
                () -> RunningPlatform.stack().mailbox().stream()
                        .filter(m -> m.to().equalsIgnoreCase(recipient) && m.subject().startsWith(subjectStart))
                        .reduce((first, second) -> second).orElse(null),
                found -> found != null);
        Matcher link = LINK.matcher(mail.body());
        assertTrue(link.find(), "a link to the storefront in: " + mail.body());
        return URI.create(link.group(1));
    }

    /** A product (its name with markup, which must show as text) with one variant in stock, and a delivery type. */
    private static Goods goods() {
        String staff = RunningPlatform.adminToken();
        String tag = tag();
        String name = "Linen shirt <script>alert(1)</script> " + tag;
        long category = given().auth().oauth2(staff).contentType(ContentType.JSON).body(Map.of("name", "Shirts " + tag))
                .when().post("/api/catalog/categories").then().statusCode(201).extract().jsonPath().getLong("id");
        long product = given().auth().oauth2(staff).contentType(ContentType.JSON)
                .body(Map.of("name", name, "article", "WEB-" + tag, "categoryId", category))
                .when().post("/api/catalog/products").then().statusCode(201).extract().jsonPath().getLong("id");
        long variant = given().auth().oauth2(staff).contentType(ContentType.JSON)
                .body(Map.of("name", "M", "price", 2500.00, "onHand", 20))
                .when().post("/api/catalog/products/" + product + "/variants").then().statusCode(201).extract().jsonPath().getLong("id");
        long delivery = given().auth().oauth2(staff).contentType(ContentType.JSON)
                .body(Map.of("name", "Courier " + tag, "price", 300.00))
                .when().post("/api/delivery-types").then().statusCode(201).extract().jsonPath().getLong("id");
        return new Goods(product, variant, delivery, name);
    }

    /** Waits until order-service knows the variant (catalog.variants is read asynchronously): a guest cart accepts it. */
    private static void orderable(Goods goods) {
        await().atMost(WAIT).until(() -> given().contentType(ContentType.JSON).body(Map.of("quantity", 1))
                .when().put("/api/cart/items/" + goods.variantId()).statusCode() == 200);
    }

    /** An order of the token's customer (order-service knows the variant once catalog.variants told it). */
    private static long placeOrder(String bearer, Goods goods) {
        Map<String, Object> order = Map.of(
                "lines", List.of(Map.of("variantId", goods.variantId(), "quantity", 1)),
                "contact", Map.of("firstName", "Daria", "lastName", "Orlova", "phone", "+79161234567",
                        "email", "contact-" + tag() + "@example.com"),
                "deliveryTypeId", goods.deliveryTypeId(),
                "address", Map.of("city", "Moscow", "street", "Arbat", "house", "10", "postcode", "119002"),
                "paymentMethod", "cash");
        Response[] placed = new Response[1];
        await().atMost(WAIT).until(() -> {
            placed[0] = given().auth().oauth2(bearer).contentType(ContentType.JSON).body(order).when().post("/api/orders");
            return placed[0].statusCode() == 201;
        });
        return placed[0].jsonPath().getLong("id");
    }

    private static String tag() {
        return UUID.randomUUID().toString().substring(0, 8);
    }

    private static String phone() {
        return "+7926" + String.format("%07d", Math.floorMod(UUID.randomUUID().hashCode(), 10_000_000));
    }
}
