package shop.gateway.routing;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.matchesPattern;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import io.restassured.path.json.JsonPath;
import io.restassured.response.Response;
import org.junit.jupiter.api.Test;
import shop.gateway.testing.GatewayProfile;
import shop.gateway.testing.StandInServices;

@QuarkusTest
@TestProfile(GatewayProfile.class)
class ForwardingHeadersTest {

    private static final String UUID = "[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}";

    @Test
    void client_address_proto_and_host_are_forwarded() {
        Response response = given().get("/api/catalog/products");
        JsonPath echo = response.then().statusCode(200).extract().jsonPath();
        assertEquals("127.0.0.1", echo.getString("headers.'x-forwarded-for'"));
        assertEquals("http", echo.getString("headers.'x-forwarded-proto'"));
        String host = echo.getString("headers.host");
        assertEquals(host, echo.getString("headers.'x-forwarded-host'"));
        assertEquals(true, host.endsWith(":" + io.restassured.RestAssured.port), "the client's Host is kept: " + host);
    }

    @Test
    void an_existing_forwarded_for_is_appended_to() {
        JsonPath echo = given().header("X-Forwarded-For", "203.0.113.9")
                .get("/api/orders").then().statusCode(200).extract().jsonPath();
        assertEquals("203.0.113.9, 127.0.0.1", echo.getString("headers.'x-forwarded-for'"));
    }

    @Test
    void the_client_address_header_is_the_gateways_own_and_a_client_sent_one_is_replaced() {
        JsonPath plain = given().get("/api/customers").then().statusCode(200).extract().jsonPath();
        assertEquals("127.0.0.1", plain.getString("headers.'x-client-address'"));

        JsonPath spoofed = given().header("X-Client-Address", "198.51.100.66")
                .header("X-Forwarded-For", "198.51.100.67")
                .get("/api/customers").then().statusCode(200).extract().jsonPath();
        // one value, the TCP peer: neither the client's header nor its X-Forwarded-For (not trusted here)
        assertEquals("127.0.0.1", spoofed.getString("headers.'x-client-address'"));
    }

    @Test
    void a_client_forwarded_proto_and_host_are_not_trusted() {
        JsonPath echo = given().header("X-Forwarded-Proto", "https").header("X-Forwarded-Host", "evil.example")
                .get("/api/orders").then().statusCode(200).extract().jsonPath();
        assertEquals("http", echo.getString("headers.'x-forwarded-proto'"));
        assertNotEquals("evil.example", echo.getString("headers.'x-forwarded-host'"));
    }

    @Test
    void a_request_id_is_made_up_sent_upstream_and_returned() {
        Response response = given().get("/api/customers");
        response.then().statusCode(200).header("X-Request-Id", matchesPattern(UUID));
        String id = response.header("X-Request-Id");
        assertEquals(id, response.jsonPath().getString("headers.'x-request-id'"));
        assertEquals(1, response.headers().getValues("X-Request-Id").size(), "the upstream's own id is dropped");
        assertNotEquals(StandInServices.UPSTREAM_REQUEST_ID, id);
    }

    @Test
    void a_sane_client_request_id_is_kept() {
        Response response = given().header("X-Request-Id", "client-id_42.a:b").get("/api/catalog");
        response.then().statusCode(200).header("X-Request-Id", equalTo("client-id_42.a:b"));
        assertEquals("client-id_42.a:b", response.jsonPath().getString("headers.'x-request-id'"));
    }

    @Test
    void an_odd_or_long_client_request_id_is_replaced() {
        for (String bad : new String[] {"has spaces in it", "x".repeat(65), "<script>", "a\u00e9b"}) {
            Response response = given().header("X-Request-Id", bad).get("/api/catalog");
            response.then().statusCode(200).header("X-Request-Id", matchesPattern(UUID));
            assertEquals(response.header("X-Request-Id"), response.jsonPath().getString("headers.'x-request-id'"));
        }
    }

    @Test
    void the_request_id_is_on_gateway_answers_too() {
        given().header("X-Request-Id", "mine-1").get("/api/nothing-here").then()
                .statusCode(404).header("X-Request-Id", equalTo("mine-1")).body("requestId", equalTo("mine-1"));
    }

    @Test
    void links_built_by_a_service_point_at_the_gateway() {
        given().post("/api/orders?status=201").then()
                .statusCode(201)
                .header("Location", org.hamcrest.Matchers.endsWith(":" + io.restassured.RestAssured.port + "/api/orders/1"));
    }

    @Test
    void authorization_is_passed_on() {
        given().header("Authorization", "Bearer abc.def.ghi").get("/api/orders").then()
                .statusCode(200).body("headers.authorization", equalTo("Bearer abc.def.ghi"));
    }

    @Test
    void upstream_cors_headers_are_replaced_by_the_gateways() {
        Response response = given().header("Origin", "http://shop.example").get("/api/catalog");
        response.then().statusCode(200);
        assertEquals(1, response.headers().getValues("Access-Control-Allow-Origin").size());
        assertNotEquals("http://stand-in.invalid", response.header("Access-Control-Allow-Origin"));
    }
}
