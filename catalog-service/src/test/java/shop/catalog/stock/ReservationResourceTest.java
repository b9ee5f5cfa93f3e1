package shop.catalog.stock;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasSize;
import static shop.catalog.stock.StockFixtures.CUSTOMER;
import static shop.catalog.stock.StockFixtures.STAFF;
import static shop.catalog.stock.StockFixtures.line;
import static shop.catalog.stock.StockFixtures.nextOrderId;
import static shop.catalog.stock.StockFixtures.order;
import static shop.catalog.stock.StockFixtures.stocked;

import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;
import shop.catalog.stock.StockFixtures.Stock;
import shop.devstack.testing.TestTokens;

@QuarkusTest
class ReservationResourceTest {
    private static final String URL = "/api/catalog/stock/reservations";

    @Inject
    StockReservationParticipant saga;

    @Test
    void staffSeeEachOrdersReservationsAndTheirState() {
        Stock a = stocked(5);
        Stock b = stocked(5);
        long reserved = nextOrderId();
        long sold = nextOrderId();
        long released = nextOrderId();
        saga.reserve(order(reserved, "new", line(a.variantId(), 1), line(b.variantId(), 2)));
        saga.reserve(order(sold, "new", line(a.variantId(), 1)));
        saga.sell(sold);
        saga.reserve(order(released, "new", line(b.variantId(), 1)));
        saga.release(order(released, "cancelled"));

        given().auth().oauth2(STAFF).queryParam("orderId", reserved)
                .when().get(URL)
                .then().statusCode(200)
                .body("total", equalTo(2))
                .body("items.variantId", contains(b.variantId(), a.variantId()))
                .body("items.quantity", contains(2, 1))
                .body("items.state", contains("reserved", "reserved"))
                .body("items[0].orderId", equalTo(reserved));
        given().auth().oauth2(STAFF).queryParam("variantId", a.variantId())
                .when().get(URL)
                .then().statusCode(200)
                .body("total", equalTo(2))
                .body("items.state", contains("sold", "reserved"));
        given().auth().oauth2(STAFF).queryParam("variantId", b.variantId()).queryParam("state", "released")
                .when().get(URL)
                .then().statusCode(200)
                .body("total", equalTo(1))
                .body("items[0].orderId", equalTo(released));
        given().auth().oauth2(STAFF).queryParam("variantId", b.variantId()).queryParam("limit", 1)
                .queryParam("offset", 1)
                .when().get(URL)
                .then().statusCode(200)
                .body("total", equalTo(2))
                .body("items", hasSize(1))
                .body("items[0].orderId", equalTo(reserved));
    }

    @Test
    void onlyStaffMayLook() {
        given().when().get(URL).then().statusCode(401).contentType("application/problem+json");
        given().auth().oauth2(CUSTOMER).when().get(URL).then().statusCode(403).contentType("application/problem+json");
        given().auth().oauth2(TestTokens.issue("9", "supplier")).when().get(URL).then().statusCode(403);
        given().auth().oauth2(TestTokens.issueWithForeignKey("1", "admin")).when().get(URL).then().statusCode(401);
        given().auth().oauth2(TestTokens.issue("3", "admin")).when().get(URL).then().statusCode(200);
    }

    @Test
    void badFiltersAreNamed() {
        given().auth().oauth2(STAFF).queryParam("state", "lost").when().get(URL)
                .then().statusCode(400).contentType("application/problem+json").body("errors.field", hasItem("state"));
        given().auth().oauth2(STAFF).queryParam("orderId", "abc").when().get(URL)
                .then().statusCode(400).body("errors.field", hasItem("orderId"));
        given().auth().oauth2(STAFF).queryParam("variantId", "-1").when().get(URL)
                .then().statusCode(400).body("errors.field", hasItem("variantId"));
        given().auth().oauth2(STAFF).queryParam("limit", 0).when().get(URL)
                .then().statusCode(400).body("errors.field", hasItem("limit"));
    }
}
