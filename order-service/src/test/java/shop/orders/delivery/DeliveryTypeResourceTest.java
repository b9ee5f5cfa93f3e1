package shop.orders.delivery;

import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.nullValue;
import static shop.orders.Shop.as;
import static shop.orders.Shop.guest;

import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.Test;
import shop.orders.Shop;

@QuarkusTest
class DeliveryTypeResourceTest {
    @Test
    void staffManageDeliveryTypesAndEveryoneReadsThem() {
        String name = "Pickup " + Shop.nextId();
        long id = as(Shop.staff()).body("{\"name\":\"" + name + "\",\"price\":300,\"freeFrom\":5000}")
                .post("/api/delivery-types").then().statusCode(201)
                .header("Location", org.hamcrest.Matchers.containsString("/api/delivery-types/"))
                .body("price", equalTo(300.0f)).body("freeFrom", equalTo(5000.0f))
                .extract().jsonPath().getLong("id");
        guest().get("/api/delivery-types").then().statusCode(200).body("items.name", hasItem(name));
        guest().get("/api/delivery-types/" + id).then().statusCode(200).body("name", equalTo(name));

        // a merge patch: the price changes, null makes delivery never free
        as(Shop.staff()).body("{\"price\":350.5,\"freeFrom\":null}").patch("/api/delivery-types/" + id)
                .then().statusCode(200).body("price", equalTo(350.5f)).body("freeFrom", nullValue()).body("name", equalTo(name));

        as(Shop.staff()).delete("/api/delivery-types/" + id).then().statusCode(204);
        guest().get("/api/delivery-types/" + id).then().statusCode(404);
    }

    @Test
    void onlyStaffChangeThemAndBadInputIsRefused() {
        guest().body("{\"name\":\"X\",\"price\":1}").post("/api/delivery-types").then().statusCode(401);
        as(Shop.customer(Shop.nextId())).body("{\"name\":\"X\",\"price\":1}").post("/api/delivery-types").then().statusCode(403);
        as(Shop.staff()).body("{\"name\":\"\",\"price\":-1}").post("/api/delivery-types").then().statusCode(400)
                .body("errors.field", org.hamcrest.Matchers.hasItems("name", "price"));
        as(Shop.staff()).body("{\"name\":\"X\",\"price\":1.005}").post("/api/delivery-types").then().statusCode(400);
        as(Shop.staff()).body("{\"price\":\"cheap\"}").patch("/api/delivery-types/" + Shop.deliveryType("1", null))
                .then().statusCode(400);

        String name = "Post " + Shop.nextId();
        as(Shop.staff()).body("{\"name\":\"" + name + "\",\"price\":1}").post("/api/delivery-types").then().statusCode(201);
        as(Shop.staff()).body("{\"name\":\"" + name.toUpperCase() + "\",\"price\":2}").post("/api/delivery-types").then().statusCode(409);
    }
}
