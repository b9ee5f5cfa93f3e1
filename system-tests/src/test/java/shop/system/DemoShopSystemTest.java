package shop.system;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.restassured.path.json.JsonPath;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import shop.devstack.demo.DemoData;

/**
 * {@code ./run.sh --demo}'s people side: besides the catalog (CatalogSystemTest), the demo shop has two
 * customers who can sign in and orders in several statuses — what the storefront's account pages and the
 * staff console's order pages show — and loading it again adds nothing.
 */
class DemoShopSystemTest {

    @BeforeAll
    static void platform() {
        RunningPlatform.stack();
    }

    @Test
    void theDemoShopHasCustomersWithOrdersInSeveralStatusesAndLoadsOnce() {
        List<String> progress = new ArrayList<>();
        try {
            new DemoData(RunningPlatform.stack().gatewayUrl(), progress::add).load();
            new DemoData(RunningPlatform.stack().gatewayUrl(), progress::add).load();
        } catch (java.io.IOException e) {
            throw new AssertionError("the demo did not load: " + e.getMessage(), e);
        }
        assertTrue(progress.get(1).contains("all existed already"), progress.toString());

        String staff = RunningPlatform.adminToken();
        long anna = customerId(staff, "anna.demo@example.com");
        long ivan = customerId(staff, "ivan.demo@example.com");
        JsonPath annas = orders(staff, anna);
        JsonPath ivans = orders(staff, ivan);
        assertEquals(3, annas.getInt("total"), annas.prettify());
        assertEquals(2, ivans.getInt("total"), ivans.prettify());
        List<String> statuses = new ArrayList<>(annas.getList("items.status", String.class));
        statuses.addAll(ivans.getList("items.status", String.class));
        assertEquals(List.of("cancelled", "confirmed", "delivered", "paid", "shipped"), statuses.stream().sorted().toList());
        int cancelled = annas.getInt("items.find { it.status == 'cancelled' }.id");
        given().auth().oauth2(staff).queryParam("refundDue", "true").queryParam("ids", cancelled)
                .when().get("/api/orders").then().statusCode(200).body("total", equalTo(1));
        int paid = annas.getInt("items.find { it.status == 'paid' }.id");
        given().auth().oauth2(staff).when().get("/api/orders/" + paid + "/payments")
                .then().statusCode(200).body("items.status", hasItem("paid")).body("items.provider", hasItem("sandbox"));

        // the demo customers sign in with the password the README gives and see their own orders
        String customer = RunningPlatform.signIn("{\"email\":\"ivan.demo@example.com\",\"password\":\"demo-password\"}");
        given().auth().oauth2(customer).when().get("/api/orders")
                .then().statusCode(200).body("total", equalTo(2));
        given().auth().oauth2(customer).when().get("/api/customers/" + ivan + "/addresses")
                .then().statusCode(200).body("items.city", hasItem("Saint Petersburg"));
    }

    private static long customerId(String staff, String email) {
        List<Long> ids = given().auth().oauth2(staff).queryParam("q", email).when().get("/api/customers")
                .then().statusCode(200).extract().jsonPath().getList("items.id", Long.class);
        assertEquals(1, ids.size(), "customers with " + email);
        return ids.get(0);
    }

    private static JsonPath orders(String staff, long customerId) {
        return given().auth().oauth2(staff).queryParam("customerId", customerId).when().get("/api/orders")
                .then().statusCode(200).extract().jsonPath();
    }
}
