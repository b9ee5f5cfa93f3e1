package shop.gateway.routing;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import java.net.URI;
import java.net.URL;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;
import shop.gateway.testing.GatewayProfile;
import shop.gateway.testing.Problems;

@QuarkusTest
@TestProfile(GatewayProfile.class)
class RoutingTest {

    @TestHTTPResource("/")
    URL root;

    @ParameterizedTest
    @CsvSource({
            "/api/auth/me, customer",
            "/api/auth, customer",
            "/api/users/7, customer",
            "/api/customers, customer",
            "/api/customers/12/favorites, customer",
            "/api/telegram-users/99, customer",
            "/api/contact-forms, customer",
            "/api/catalog, catalog",
            "/api/catalog/products/5, catalog",
            "/api/cart, order",
            "/api/cart/items, order",
            "/api/orders/1, order",
            "/api/payments/abc, order",
            "/api/order-statuses, order",
            "/api/delivery-types, order",
            "/api/supplier-orders/3, order",
            "/api/order-labels, order",
            "/api/promo-codes/7, order",
            "/api/analytics/sales, analytics",
            "/analytics, analytics",
            "/analytics/index.html, analytics"
    })
    void each_prefix_goes_to_its_service(String path, String service) {
        given().get(path).then()
                .statusCode(200)
                .body("service", equalTo(service))
                .body("path", equalTo(path));
    }

    @ParameterizedTest
    @ValueSource(strings = {"/api/catalogue", "/api/catalogue/products", "/api/unknown", "/api", "/api/", "/api/ordersx"})
    void unknown_api_paths_are_404_problems(String path) {
        Problems.assertProblem(given().get(path), 404, path);
    }

    @Test
    void method_query_and_body_pass_through() {
        given().contentType("application/json").body("{\"name\":\"lamp\"}")
                .queryParam("limit", 5).queryParam("q", "a b")
                .post("/api/catalog/products")
                .then()
                .statusCode(200)
                .body("method", equalTo("POST"))
                .body("query", equalTo("limit=5&q=a%20b"))
                .body("bodyLength", equalTo(15))
                .body("headers.'content-type'", equalTo("application/json"));
    }

    @Test
    void upstream_status_and_body_are_passed_back() {
        given().get("/api/orders/missing?status=404").then()
                .statusCode(404)
                .body("service", equalTo("order"));
    }

    @Test
    void a_proxied_answer_has_the_services_headers_its_length_and_a_current_date() {
        io.restassured.response.Response response = given().get("/api/orders/missing?status=404&cartToken=t-1");
        response.then().statusCode(404).header("X-Cart-Token", equalTo("t-1")).header("Transfer-Encoding", nullValue());
        assertEquals(response.asByteArray().length, Integer.parseInt(response.header("Content-Length")));
        java.time.Instant date = java.time.ZonedDateTime.parse(response.header("Date"),
                java.time.format.DateTimeFormatter.RFC_1123_DATE_TIME).toInstant();
        assertTrue(java.time.Duration.between(date, java.time.Instant.now()).abs().toSeconds() < 60, "Date: " + date);
    }

    @Test
    void dot_segments_are_resolved_before_routing() throws Exception {
        HttpResponse<String> response = HttpClient.newHttpClient().send(
                HttpRequest.newBuilder(URI.create(root.toString().replaceAll("/$", "") + "/api/catalog/../orders/7")).build(),
                HttpResponse.BodyHandlers.ofString());
        assertEquals(200, response.statusCode());
        io.vertx.core.json.JsonObject echo = new io.vertx.core.json.JsonObject(response.body());
        assertEquals("order", echo.getString("service"));
        assertEquals("/api/orders/7", echo.getString("path"));
    }
}
