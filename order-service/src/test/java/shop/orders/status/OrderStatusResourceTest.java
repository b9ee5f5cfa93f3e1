package shop.orders.status;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsInAnyOrder;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;
import static shop.orders.Shop.as;

import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.Test;
import shop.orders.Shop;

@QuarkusTest
class OrderStatusResourceTest {
    @Test
    void theSystemStatusesAreListedInLifecycleOrderWithTheirTransitions() {
        given().when().get("/api/order-statuses")
                .then().statusCode(200)
                .body("items.findAll { it.system }.code",
                        contains("new", "confirmed", "rejected", "paid", "shipped", "delivered", "cancelled"))
                .body("items.find { it.code == 'new' }.next", containsInAnyOrder("confirmed", "rejected", "cancelled"))
                .body("items.find { it.code == 'shipped' }.next", containsInAnyOrder("delivered", "cancelled"))
                .body("items.find { it.code == 'delivered' }.next.size()", equalTo(0));
    }

    @Test
    void staffAddACustomStatusBetweenConfirmedAndShippedAndRemoveIt() {
        String code = "packing-" + Shop.nextId();
        as(Shop.staff()).body("{\"code\":\"" + code + "\",\"name\":\"Packing " + code + "\",\"from\":[\"confirmed\"],\"to\":[\"shipped\",\"cancelled\"]}")
                .post("/api/order-statuses").then().statusCode(201)
                .body("system", equalTo(false)).body("next", containsInAnyOrder("shipped", "cancelled"));
        given().get("/api/order-statuses/confirmed").then().body("next", hasItem(code));

        as(Shop.staff()).body("{\"name\":\"Being packed " + code + "\",\"to\":[\"shipped\"]}").patch("/api/order-statuses/" + code)
                .then().statusCode(200).body("name", equalTo("Being packed " + code)).body("next", contains("shipped"));
        given().get("/api/order-statuses/confirmed").then().body("next", hasItem(code)); // from kept

        as(Shop.staff()).delete("/api/order-statuses/" + code).then().statusCode(204);
        given().get("/api/order-statuses/" + code).then().statusCode(404);
        given().get("/api/order-statuses/confirmed").then().body("next", not(hasItem(code)));
    }

    @Test
    void systemStatusesCannotBeRenamedOrDeleted() {
        as(Shop.staff()).body("{\"name\":\"Fresh\"}").patch("/api/order-statuses/new").then().statusCode(409);
        as(Shop.staff()).delete("/api/order-statuses/delivered").then().statusCode(409);
        given().get("/api/order-statuses/new").then().body("name", equalTo("New"));
    }

    @Test
    void customStatusesCannotBypassTheSagaOrLeaveFinalStatuses() {
        String code = "odd-" + Shop.nextId();
        // only the saga confirms; nothing leaves delivered; a bad code or unknown status is refused
        as(Shop.staff()).body("{\"code\":\"" + code + "\",\"name\":\"x" + code + "\",\"to\":[\"confirmed\"]}")
                .post("/api/order-statuses").then().statusCode(400);
        as(Shop.staff()).body("{\"code\":\"" + code + "\",\"name\":\"x" + code + "\",\"from\":[\"delivered\"]}")
                .post("/api/order-statuses").then().statusCode(400);
        as(Shop.staff()).body("{\"code\":\"" + code + "\",\"name\":\"x" + code + "\",\"from\":[\"nonsense\"]}")
                .post("/api/order-statuses").then().statusCode(400);
        as(Shop.staff()).body("{\"code\":\"Bad Code\",\"name\":\"x\"}").post("/api/order-statuses").then().statusCode(400)
                .body("errors[0].field", equalTo("code"));
        as(Shop.staff()).body("{\"code\":\"new\",\"name\":\"again\"}").post("/api/order-statuses").then().statusCode(409);
        as(Shop.customer(Shop.nextId())).body("{\"code\":\"" + code + "\",\"name\":\"x\"}").post("/api/order-statuses")
                .then().statusCode(403);
        given().get("/api/order-statuses/" + code).then().statusCode(404);
    }

    @Test
    void theServiceIsReadyWithItsDatabaseAndKafka() {
        given().when().get("/q/health/ready").then().statusCode(200).body("status", equalTo("UP"));
    }
}
