package shop.gateway.openapi;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasKey;
import static org.hamcrest.Matchers.startsWith;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;
import shop.gateway.testing.GatewayProfile;
import shop.gateway.testing.Problems;

@QuarkusTest
@TestProfile(GatewayProfile.class)
class OpenApiTest {

    @ParameterizedTest
    @CsvSource({"customer, customer", "catalog, catalog", "orders, order", "analytics, analytics"})
    void each_service_document_is_served_with_the_gateway_as_server(String name, String service) {
        given().get("/openapi/" + name).then()
                .statusCode(200)
                .contentType(startsWith("application/json"))
                .body("info.title", equalTo(service + " stand-in"))
                .body("servers[0].url", equalTo("/"))
                .body("paths", hasKey("/api/" + service + "-things"));
    }

    @Test
    void an_unknown_document_is_404_problem() {
        Problems.assertProblem(given().get("/openapi/nope"), 404, "/openapi/nope");
    }

    @Test
    void the_merged_document_has_every_service() {
        given().get("/openapi").then()
                .statusCode(200)
                .body("openapi", equalTo("3.1.0"))
                .body("servers[0].url", equalTo("/"))
                .body("paths", hasKey("/api/customer-things"))
                .body("paths", hasKey("/api/catalog-things"))
                .body("paths", hasKey("/api/order-things"))
                .body("paths", hasKey("/api/analytics-things"))
                .body("components.schemas", hasKey("CatalogThing"))
                .body("components.schemas", hasKey("OrderThing"))
                .body("components.schemas", hasKey("Problem"))
                .body("tags.name.size()", equalTo(4));
    }

    @Test
    void swagger_ui_lists_every_service() {
        given().get("/q/swagger-ui/").then()
                .statusCode(200)
                .body(containsString("/openapi/customer"))
                .body(containsString("/openapi/catalog"))
                .body(containsString("/openapi/orders"))
                .body(containsString("/openapi/analytics"));
    }
}
