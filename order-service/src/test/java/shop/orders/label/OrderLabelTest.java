package shop.orders.label;

import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.equalTo;
import static shop.orders.Shop.as;

import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.Test;
import shop.contracts.catalog.VariantState;
import shop.orders.Shop;

@QuarkusTest
class OrderLabelTest {
    @Test
    void aCustomerLabelsItsOwnOrdersAndFindsThemByLabel() {
        VariantState v = Shop.known(Shop.variant(Shop.nextId(), "100.00", 10));
        long delivery = Shop.deliveryType("0", null);
        String anna = Shop.customer(Shop.nextId());
        long gift = Shop.place(anna, Shop.order(delivery, "card", Shop.line(v.variantId(), 1)));
        long other = Shop.place(anna, Shop.order(delivery, "card", Shop.line(v.variantId(), 1)));

        long label = as(anna).body("{\"name\":\"Gifts\"}").post("/api/order-labels").then().statusCode(201)
                .extract().jsonPath().getLong("id");
        as(anna).body("{\"name\":\"gifts\"}").post("/api/order-labels").then().statusCode(409);
        as(anna).put("/api/order-labels/" + label + "/orders/" + gift).then().statusCode(200).body("orderIds", contains((int) gift));
        as(anna).put("/api/order-labels/" + label + "/orders/" + gift).then().statusCode(200).body("orderIds", contains((int) gift));
        as(anna).queryParam("labelId", label).get("/api/orders").then().body("items.id", contains((int) gift));
        as(anna).body("{\"name\":\"Presents\"}").patch("/api/order-labels/" + label).then().statusCode(200)
                .body("name", equalTo("Presents"));
        as(anna).get("/api/order-labels").then().body("items.name", contains("Presents"));

        as(anna).delete("/api/order-labels/" + label + "/orders/" + gift).then().statusCode(204);
        as(anna).queryParam("labelId", label).get("/api/orders").then().body("total", equalTo(0));
        as(anna).delete("/api/order-labels/" + label).then().statusCode(204);
        as(anna).get("/api/order-labels/" + label).then().statusCode(404);
        as(anna).get("/api/orders/" + other).then().statusCode(200);
    }

    @Test
    void labelsAndOrdersOfOthersAreOutOfReach() {
        VariantState v = Shop.known(Shop.variant(Shop.nextId(), "100.00", 10));
        long delivery = Shop.deliveryType("0", null);
        String anna = Shop.customer(Shop.nextId());
        String boris = Shop.customer(Shop.nextId());
        long borisOrder = Shop.place(boris, Shop.order(delivery, "card", Shop.line(v.variantId(), 1)));
        long annaLabel = as(anna).body("{\"name\":\"Mine\"}").post("/api/order-labels").then().statusCode(201)
                .extract().jsonPath().getLong("id");

        as(anna).put("/api/order-labels/" + annaLabel + "/orders/" + borisOrder).then().statusCode(404);
        as(boris).get("/api/order-labels/" + annaLabel).then().statusCode(404);
        as(boris).put("/api/order-labels/" + annaLabel + "/orders/" + borisOrder).then().statusCode(404);
        as(boris).body("{\"name\":\"Stolen\"}").patch("/api/order-labels/" + annaLabel).then().statusCode(404);
        as(boris).delete("/api/order-labels/" + annaLabel).then().statusCode(404);
        as(boris).get("/api/order-labels").then().body("total", equalTo(0));
        as(boris).queryParam("labelId", annaLabel).get("/api/orders").then().body("total", equalTo(0));
        as(anna).get("/api/order-labels/" + annaLabel).then().body("name", equalTo("Mine"));
        as(Shop.staff()).get("/api/order-labels").then().statusCode(403);
        Shop.guest().get("/api/order-labels").then().statusCode(401);
    }
}
