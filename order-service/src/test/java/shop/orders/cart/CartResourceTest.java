package shop.orders.cart;

import static org.hamcrest.Matchers.empty;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.nullValue;
import static shop.orders.Shop.as;
import static shop.orders.Shop.guest;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import shop.contracts.catalog.VariantState;
import shop.orders.Shop;

@QuarkusTest
class CartResourceTest {
    @Test
    void aGuestGetsATokenOnTheFirstWriteAndTheServerPricesTheCart() {
        VariantState dress = Shop.known(Shop.variant(Shop.nextId(), "1500.00", 10));
        VariantState scarf = Shop.known(Shop.variant(Shop.nextId(), "250.50", 3));

        guest().get("/api/cart").then().statusCode(200).body("items", empty()).body("token", nullValue());
        Response first = guest().body("{\"items\":[" + Shop.line(dress.variantId(), 2) + "," + Shop.line(scarf.variantId(), 3) + "]}")
                .put("/api/cart");
        first.then().statusCode(200).header(CartOwner.HEADER, notNullValue())
                .body("items.size()", equalTo(2)).body("items[0].productName", equalTo(dress.productName()))
                .body("items[1].lineTotal", equalTo(751.5f)).body("total", equalTo(3751.5f)).body("itemCount", equalTo(5));
        String token = first.header(CartOwner.HEADER);
        first.then().body("token", equalTo(token));

        guest().header(CartOwner.HEADER, token).body("{\"quantity\":1}").put("/api/cart/items/" + dress.variantId())
                .then().statusCode(200).body("total", equalTo(2251.5f));
        guest().header(CartOwner.HEADER, token).delete("/api/cart/items/" + scarf.variantId()).then().statusCode(204);
        guest().header(CartOwner.HEADER, token).get("/api/cart").then().statusCode(200)
                .body("items.variantId", org.hamcrest.Matchers.contains((int) dress.variantId())).body("total", equalTo(1500.0f));

        // without the token the guest is someone else, with a wrong one it is refused
        guest().get("/api/cart").then().body("items", empty());
        guest().header(CartOwner.HEADER, "not-a-token").get("/api/cart").then().statusCode(400);

        guest().header(CartOwner.HEADER, token).delete("/api/cart").then().statusCode(204);
        guest().header(CartOwner.HEADER, token).get("/api/cart").then().body("items", empty()).body("total", equalTo(0.0f));
    }

    @Test
    void quantitiesAreCheckedAgainstWhatIsAvailable() {
        VariantState v = Shop.known(Shop.variant(Shop.nextId(), "100.00", 2));
        String customer = Shop.customer(Shop.nextId());
        as(customer).body("{\"quantity\":3}").put("/api/cart/items/" + v.variantId()).then().statusCode(409)
                .body("available", equalTo(2)).body("variantId", equalTo((int) v.variantId()));
        as(customer).body("{\"quantity\":0}").put("/api/cart/items/" + v.variantId()).then().statusCode(400);
        as(customer).body("{\"quantity\":1}").put("/api/cart/items/" + Shop.nextId()).then().statusCode(404);
        as(customer).body("{\"items\":[" + Shop.line(v.variantId(), 1) + "," + Shop.line(v.variantId(), 1) + "]}")
                .put("/api/cart").then().statusCode(400);
        as(customer).get("/api/cart").then().body("items", empty());

        // a line that became short after it was added is shown, flagged and left out of the total
        as(customer).body("{\"quantity\":2}").put("/api/cart/items/" + v.variantId()).then().statusCode(200);
        Shop.publish(Shop.with(v, "100.00", null, 1, true, true), VariantState.UPSERTED, Instant.now());
        org.awaitility.Awaitility.await().atMost(Shop.WAIT).until(() ->
                !as(customer).get("/api/cart").jsonPath().getBoolean("items[0].orderable"));
        as(customer).get("/api/cart").then().body("items[0].problem", equalTo("only 1 available")).body("total", equalTo(0.0f));
    }

    @Test
    void aCustomersCartIsItsOwnAndCanTakeOverAGuestCart() {
        VariantState a = Shop.known(Shop.variant(Shop.nextId(), "10.00", 5));
        VariantState b = Shop.known(Shop.variant(Shop.nextId(), "20.00", 5));
        long customerId = Shop.nextId();
        String customer = Shop.customer(customerId);
        as(customer).body("{\"items\":[" + Shop.line(a.variantId(), 4) + "]}").put("/api/cart").then().statusCode(200)
                .body("token", nullValue());
        as(Shop.customer(Shop.nextId())).get("/api/cart").then().body("items", empty());

        String token = guest().body("{\"items\":[" + Shop.line(a.variantId(), 3) + "," + Shop.line(b.variantId(), 1) + "]}")
                .put("/api/cart").header(CartOwner.HEADER);
        // 4 + 3 of a are capped at the 5 available
        as(customer).body("{\"token\":\"" + token + "\"}").post("/api/cart/merge").then().statusCode(200)
                .body("items.find { it.variantId == " + a.variantId() + " }.quantity", equalTo(5))
                .body("items.find { it.variantId == " + b.variantId() + " }.quantity", equalTo(1))
                .body("total", equalTo(70.0f));
        guest().header(CartOwner.HEADER, token).get("/api/cart").then().body("items", empty());
        as(customer).body("{\"token\":\"" + token + "\"}").post("/api/cart/merge").then().statusCode(404);
        guest().body("{\"token\":\"" + token + "\"}").post("/api/cart/merge").then().statusCode(401);
    }
}
