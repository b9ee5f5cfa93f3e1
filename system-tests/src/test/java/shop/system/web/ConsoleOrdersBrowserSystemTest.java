package shop.system.web;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.restassured.http.ContentType;
import io.restassured.specification.RequestSpecification;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
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
 * The staff console's order and customer pages in a real Chromium: a customer orders (through the API),
 * staff find the order in the console by filter, open it, move it on through the statuses the rules allow
 * (and no others are offered) until it is shipped, and the customer sees it shipped; staff find a customer,
 * import customers from a CSV file and follow the job; a role without these rights is offered none of it.
 */
class ConsoleOrdersBrowserSystemTest {
    private static final String PASSWORD = "console-orders-1";
    private static final Duration SAGA = Duration.ofSeconds(90);
    private static Browser browser;
    private static String tag;

    @BeforeAll
    static void open() {
        Assumptions.assumeTrue(Browser.available(), Browser.missing());
        browser = Browser.open();
        tag = UUID.randomUUID().toString().substring(0, 8);
        String admin = RunningPlatform.adminToken();
        createUser(admin, "orders-manager-" + tag, "manager");
        createUser(admin, "orders-bot-" + tag, "bot");
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
    void staffFindAnOrderMoveItOnOnlyAsAllowedAndShipItAndTheCustomerSeesIt() {
        String customer = RunningPlatform.newCustomerToken();
        String product = "Console coat " + tag;
        Map<String, Object> order = cardOrder(customer, product);
        long orderId = ((Number) order.get("id")).longValue();
        long customerId = ((Number) order.get("customerId")).longValue();
        await().atMost(SAGA).until(() -> "confirmed".equals(as(customer).when().get("/api/orders/" + orderId).path("status")));

        signIn("orders-manager-" + tag);
        browser.waitForText(By.id("home"), "Orders");
        browser.link("Orders").click();
        browser.waitUntil(d -> browser.currentPath().startsWith("/admin/orders/index.html"));

        // found by its customer and status
        browser.type(browser.field("Customer id"), String.valueOf(customerId));
        new Select(browser.field("Status")).selectByVisibleText("Confirmed");
        browser.button("Filter").click();
        browser.waitUntil(d -> browser.currentPath().contains("customerId=" + customerId));
        browser.waitForText(By.id("order-results"), "#" + orderId);
        assertEquals(1, browser.findAll(By.cssSelector("#order-results tbody tr")).size(), "only this customer's confirmed order");
        browser.link("#" + orderId).click();

        // the order: lines, payments, history
        browser.waitForText(By.id("order-title"), "Order #" + orderId);
        browser.waitForText(By.id("order-lines"), product);
        assertTrue(browser.find(By.id("order-lines")).getText().contains("2"), "two coats");
        browser.waitForText(By.id("order-payments"), "No card payments");
        browser.waitForText(By.id("order-history"), "Confirmed");

        // an unpaid card order can only be paid or cancelled: nothing else is offered
        assertEquals(List.of("Paid", "Cancelled"), offeredStatuses());
        new Select(browser.field("New status")).selectByVisibleText("Paid");
        browser.button("Change status").click();
        browser.waitForText(By.id("status"), "Status changed to Paid");
        browser.waitForText(By.id("order-title"), "Paid");

        // once paid: shipped or cancelled (and any staff status leading on), never back or sideways
        List<String> offered = offeredStatuses();
        assertTrue(offered.containsAll(List.of("Shipped", "Cancelled")), offered.toString());
        for (String never : List.of("New", "Confirmed", "Rejected", "Paid", "Delivered")) {
            assertFalse(offered.contains(never), never + " offered: " + offered);
        }
        new Select(browser.field("New status")).selectByVisibleText("Shipped");
        browser.type(browser.field("Reason or note (optional)"), "parcel handed to the courier");
        browser.button("Change status").click();
        browser.waitForText(By.id("order-title"), "Shipped");
        browser.waitForText(By.id("order-history"), "parcel handed to the courier");
        assertTrue(browser.find(By.id("order-history")).getText().contains("staff #"), "who changed it is shown to staff");
        browser.screenshot("console-order");

        // the customer sees it shipped: through the API, and signed in on its own order page
        assertEquals("shipped", as(customer).when().get("/api/orders/" + orderId).then().statusCode(200).extract().path("status"));
        String email = as(customer).when().get("/api/customers/" + customerId).then().statusCode(200).extract().path("email");
        browser.forgetVisitor();
        browser.get("/account/sign-in.html");
        browser.type(browser.field("Email or phone"), email);
        browser.type(browser.field("Password"), RunningPlatform.CUSTOMER_PASSWORD);
        browser.button("Sign in").click();
        browser.waitUntil(driver -> browser.currentPath().startsWith("/account/index.html"));
        browser.get("/account/order.html?id=" + orderId);
        browser.waitForText(By.id("order-history"), "Shipped");
    }

    @Test
    void staffFindACustomerAndImportCustomersFromACsvFileWithProgress() throws IOException {
        String phone = "+7 926 " + String.format("%03d", Math.floorMod(tag.hashCode(), 1000)) + "-11-22";
        String csv = "legacy_id,phone,first_name,last_name,email\n"
                + "L-" + tag + "-1," + phone + ",  иВАН ,петров - водкин,imported-" + tag + "@example.com\n"
                + "L-" + tag + "-2,12,Nobody,Without-Phone,\n";
        Path file = Files.createTempFile("customers-" + tag, ".csv");
        Files.writeString(file, csv, StandardCharsets.UTF_8);

        signIn("orders-manager-" + tag);
        browser.get("/admin/customers/imports.html");
        browser.field("CSV file").sendKeys(file.toString());
        browser.button("Import the file").click();
        browser.waitForText(By.id("job-title"), "succeeded");
        String report = browser.find(By.id("job-details")).getText();
        assertTrue(report.contains("Created\n1") || report.contains("Created 1"), report);
        assertTrue(report.contains("Skipped rows") && report.contains("L-" + tag + "-2"), report);
        assertTrue(browser.currentPath().contains("job="), "the job is kept in the address");

        // the imported customer is found by email and opened
        browser.get("/admin/customers/index.html");
        browser.type(browser.field("Name, email or phone"), "imported-" + tag);
        browser.button("Search").click();
        browser.waitForText(By.id("customer-results"), "Петров-Водкин Иван");
        browser.link("Петров-Водкин Иван").click();
        browser.waitForText(By.id("customer-title"), "Петров-Водкин Иван");
        browser.waitForText(By.id("customer-profile"), "guest record");

        // and deleted, after being asked twice
        browser.button("Delete this customer…").click();
        browser.button("Yes, delete").click();
        browser.waitForText(By.id("main"), "has been deleted");
        given().auth().oauth2(RunningPlatform.adminToken()).queryParam("q", "imported-" + tag)
                .when().get("/api/customers").then().statusCode(200).body("total", org.hamcrest.Matchers.equalTo(0));
    }

    @Test
    void aRoleWithoutOrderRightsIsOfferedNoneOfItAndManagersOnlyReadStaffUsers() {
        signIn("orders-bot-" + tag);
        assertTrue(browser.findAll(By.xpath("//a[normalize-space(.)='Orders']")).isEmpty(), "no order link for a bot");
        for (String page : List.of("/admin/orders/index.html", "/admin/orders/order.html?id=1", "/admin/customers/index.html",
                "/admin/users/index.html")) {
            browser.get(page);
            browser.waitFor(By.cssSelector("[data-testid='not-allowed']"));
            assertTrue(browser.findAll(By.xpath("//button[normalize-space(.)='Change status']")).isEmpty(), page);
            assertTrue(browser.findAll(By.xpath("//button[normalize-space(.)='Filter']")).isEmpty(), page);
        }

        signIn("orders-manager-" + tag);
        browser.get("/admin/users/index.html");
        browser.waitForText(By.id("user-list"), "orders-manager-" + tag);
        assertTrue(browser.findAll(By.xpath("//button[normalize-space(.)='Create the user']")).stream().noneMatch(WebElement::isDisplayed),
                "a manager does not create staff users");
        assertTrue(browser.findAll(By.xpath("//button[normalize-space(.)='Save role']")).isEmpty(), "nor changes roles");
    }

    /** A card order of two coats by a signed-in customer, placed from its cart once order-service knows the variant. */
    private static Map<String, Object> cardOrder(String customer, String productName) {
        String staff = RunningPlatform.adminToken();
        int category = create(staff, "/api/catalog/categories", Map.of("name", "Console coats " + tag));
        int product = create(staff, "/api/catalog/products", Map.of("name", productName, "article", "CO-" + tag,
                "categoryId", category));
        int variant = create(staff, "/api/catalog/products/" + product + "/variants", Map.of("name", "Grey M",
                "price", 2500.00, "onHand", 5));
        int delivery = create(staff, "/api/delivery-types", Map.of("name", "Console courier " + tag, "price", 300.00));
        await().atMost(SAGA).until(() -> as(customer).body(Map.of("quantity", 2))
                .when().put("/api/cart/items/" + variant).statusCode() == 200);
        return as(customer).body(Map.of(
                        "contact", Map.of("firstName", "Olga", "lastName", "Ivanova", "phone", "+7 916 555-12-34",
                                "email", "console-" + tag + "@example.com"),
                        "deliveryTypeId", delivery,
                        "address", Map.of("city", "Moscow", "street", "Tverskaya", "house", "7"),
                        "paymentMethod", "card"))
                .when().post("/api/orders").then().statusCode(201).extract().jsonPath().getMap("");
    }

    private static List<String> offeredStatuses() {
        return new Select(browser.field("New status")).getOptions().stream().map(WebElement::getText).toList();
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
        as(adminToken).body(Map.of("login", login, "password", PASSWORD, "role", role))
                .when().post("/api/users").then().statusCode(201);
    }

    private static int create(String token, String path, Map<String, Object> body) {
        return as(token).body(body).when().post(path).then().statusCode(201).extract().path("id");
    }

    private static RequestSpecification as(String token) {
        return given().auth().oauth2(token).contentType(ContentType.JSON);
    }
}
