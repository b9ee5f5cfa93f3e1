package shop.orders.input;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.startsWith;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static shop.orders.Shop.as;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import io.restassured.response.ValidatableResponse;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.regex.Pattern;
import org.hamcrest.Matcher;
import org.hamcrest.Matchers;
import org.junit.jupiter.api.Test;
import shop.contracts.catalog.VariantState;
import shop.orders.Shop;

/** NUL characters, numbers for strings and wrong types: 400 problems that say what is wrong, never a 500. */
@QuarkusTest
class HostileInputTest {

    /** What a 400 detail must never show: Java types and Jackson's own wording. */
    static final Matcher<String> NO_JAVA_NAMES = not(Matchers.matchesPattern(Pattern.compile(
            "(?s).*(java\\.|shop\\.|Integer|Long|BigDecimal|LocalDate|Instant|UUID`|Cannot deserialize|`).*")));

    static ValidatableResponse badRequest(ValidatableResponse response) {
        return response.statusCode(400).contentType(startsWith("application/problem+json"))
                .body("status", equalTo(400)).body("detail", NO_JAVA_NAMES);
    }

    @Test
    void aNulInThePathIsABadRequest() {
        badRequest(given().urlEncodingEnabled(false).get("/api/order-statuses/%00").then())
                .body("detail", containsString("NUL"));
        badRequest(given().urlEncodingEnabled(false).get("/api/order-statuses/new%00x").then());
    }

    @Test
    void aNulInAQueryParameterIsABadRequestNamingIt() {
        badRequest(as(Shop.staff()).queryParam("status", "new\0").get("/api/orders").then())
                .body("errors.field", contains("status"));
    }

    @Test
    void aNulInAHeaderIsABadRequestNamingIt() throws Exception {
        // HTTP clients refuse or rewrite a NUL in a header value; a raw request sends it as it is
        try (Socket socket = new Socket("127.0.0.1", RestAssured.port)) {
            socket.getOutputStream().write(("GET /api/cart HTTP/1.1\r\nHost: localhost\r\nX-Cart-Token: a\0b\r\n"
                    + "Connection: close\r\n\r\n").getBytes(StandardCharsets.ISO_8859_1));
            String answer = new String(socket.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            assertTrue(answer.startsWith("HTTP/1.1 400"), answer);
            if (answer.contains("content-length: 0")) {
                return; // Vert.x' HTTP codec refused the header line itself (empty 400): nothing reached the service
            }
            assertTrue(answer.contains("application/problem+json"), answer);
            assertTrue(answer.contains("\"field\":\"X-Cart-Token\""), answer);
        }
    }

    @Test
    void aNulInAJsonStringIsABadRequestNamingTheField() {
        badRequest(as(Shop.staff()).body("{\"name\":\"Pickup\\u0000\",\"price\":1}").post("/api/delivery-types").then())
                .body("errors.field", contains("name"))
                .body("errors.message", contains("text must not contain the NUL character"));
        badRequest(as(Shop.staff()).body("{\"code\":\"x" + Shop.nextId() + "\",\"name\":\"\\u0000\"}")
                .post("/api/order-statuses").then())
                .body("errors.field", contains("name"));

        VariantState v = Shop.known(Shop.variant(Shop.nextId(), "100.00", 10));
        long delivery = Shop.deliveryType("0", null);
        String guestOrder = Shop.order(delivery, "cash", Shop.line(v.variantId(), 1))
                .replace("Tverskaya 1", "Tverskaya\\u00001").replace("\"Anna\"", "\"An\\u0000na\"");
        badRequest(Shop.guest().body(guestOrder).post("/api/orders").then())
                .body("errors.field", contains(Matchers.oneOf("contact.firstName", "deliveryAddress")));
    }

    @Test
    void aNumberIsNotAString() {
        badRequest(as(Shop.staff()).body("{\"name\":123,\"price\":1}").post("/api/delivery-types").then())
                .body("errors.field", contains("name"))
                .body("errors.message", contains("must be a string"));
        badRequest(as(Shop.staff()).body("{\"name\":true,\"price\":1}").post("/api/delivery-types").then())
                .body("errors.field", contains("name"));
    }

    @Test
    void wrongTypesAreDescribedWithoutJavaNames() {
        badRequest(as(Shop.staff()).body("{\"name\":\"X\",\"price\":\"cheap\"}").post("/api/delivery-types").then())
                .body("errors.field", contains("price"))
                .body("errors.message", contains("must be a number"));
        badRequest(as(Shop.staff()).body("{\"name\":\"X\",\"price\":{}}").post("/api/delivery-types").then())
                .body("errors.field", contains("price"));
        badRequest(as(Shop.staff()).body("[1]").post("/api/delivery-types").then())
                .body("detail", containsString("must be an object"));
        badRequest(as(Shop.staff()).body("{\"name\":\"X\",\"price\":1e999999}").post("/api/delivery-types").then());
        badRequest(as(Shop.staff()).body("{\"name\":\"X\",").post("/api/delivery-types").then());
        badRequest(as(Shop.staff()).get("/api/orders/abc").then())
                .body("detail", equalTo("Parameter 'id' must be a number"));
        badRequest(as(Shop.staff()).queryParam("customerId", "x1").get("/api/orders").then())
                .body("errors.field", contains("customerId"));
        badRequest(given().redirects().follow(false).get("/api/payments/not-a-uuid/return").then())
                .body("detail", containsString("must be a UUID"));
    }
}
