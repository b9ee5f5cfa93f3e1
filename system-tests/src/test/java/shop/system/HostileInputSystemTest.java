package shop.system;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.startsWith;

import io.restassured.http.ContentType;
import io.restassured.response.ValidatableResponse;
import io.restassured.specification.RequestSpecification;
import java.util.UUID;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The inputs that answered 500 before issue 12, through the gateway: a NUL character in a path, a query
 * or a JSON string of each service, a number where the API says string, a URL too long for the
 * gateway. Each is a 400 (or 414) problem that says what is wrong and names no Java type.
 */
class HostileInputSystemTest {

    @BeforeAll
    static void platform() {
        RunningPlatform.stack();
    }

    static ValidatableResponse problem(ValidatableResponse response, int status) {
        return response.statusCode(status).contentType(startsWith("application/problem+json"))
                .body("status", equalTo(status))
                .body("detail", not(containsString("java.")))
                .body("detail", not(containsString("Cannot deserialize")));
    }

    static RequestSpecification json() {
        return given().contentType(ContentType.JSON);
    }

    static RequestSpecification admin() {
        return json().auth().oauth2(RunningPlatform.adminToken());
    }

    @Test
    void aNulInAPathOrQueryIsABadRequest() {
        problem(given().urlEncodingEnabled(false).get("/api/order-statuses/%00").then(), 400)
                .body("detail", containsString("NUL"));
        problem(given().urlEncodingEnabled(false).get("/api/catalog/products?q=%00").then(), 400)
                .body("errors.field", contains("q"));
    }

    @Test
    void aNulInAJsonStringIsABadRequestNamingTheField() {
        problem(json().body("{\"login\":\"admin\\u0000\",\"password\":\"admin\"}").post("/api/auth/token").then(), 400)
                .body("errors.field", contains("login"));
        problem(json().body("""
                {"firstName":"Vera\\u0000","lastName":"Guseva","email":"nul-%s@example.com","phone":"+79170000000","password":"guest-pass-1"}"""
                .formatted(UUID.randomUUID())).post("/api/customers").then(), 400)
                .body("errors.field", contains("firstName"));
        problem(json().body("""
                {"lines":[{"variantId":1,"quantity":1}],"contact":{"firstName":"Vera","lastName":"Guseva","phone":"+79170000000",
                 "email":"vera@example.com"},"deliveryTypeId":1,"deliveryAddress":"Arbat\\u0000 10","paymentMethod":"cash"}""")
                .post("/api/orders").then(), 400)
                .body("errors.field", contains("deliveryAddress"));
        problem(admin().body("{\"name\":\"Dresses\\u0000\"}").post("/api/catalog/categories").then(), 400)
                .body("errors.field", contains("name"));
        problem(admin().body("{\"name\":\"Courier\\u0000\",\"price\":300}").post("/api/delivery-types").then(), 400)
                .body("errors.field", contains("name"));
    }

    @Test
    void aNumberIsNotAString() {
        problem(admin().body("{\"name\":123}").post("/api/catalog/categories").then(), 400)
                .body("errors.field", contains("name"))
                .body("errors.message", contains("must be a string"));
    }

    @Test
    void aWrongTypeIsDescribedInTheApisWords() {
        problem(admin().body("{\"name\":\"Courier\",\"price\":\"cheap\"}").post("/api/delivery-types").then(), 400)
                .body("errors.message", contains("must be a number"));
        problem(admin().get("/api/orders/abc").then(), 400)
                .body("detail", equalTo("Parameter 'id' must be a number"));
    }

    @Test
    void aUrlTooLongForTheGatewayIsAProblemToo() {
        problem(given().queryParam("q", "x".repeat(5000)).get("/api/catalog/products").then(), 414);
    }
}
