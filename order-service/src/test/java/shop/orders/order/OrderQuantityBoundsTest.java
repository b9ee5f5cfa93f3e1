package shop.orders.order;

import static org.hamcrest.Matchers.containsString;
import static shop.orders.Shop.as;

import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.Test;
import shop.orders.Shop;

/**
 * A line's quantity is 1..10000 in orders and carts: catalog's saga sums the lines of an order, so an
 * unbounded quantity would reach it as a number that overflows (it rejects those too, as too-large).
 */
@QuarkusTest
class OrderQuantityBoundsTest {
    @Test
    void aQuantityAboveTenThousandIsABadRequestInOrdersAndCarts() {
        long variantId = Shop.nextId();
        long delivery = Shop.deliveryType("0", null);
        Shop.guest().body(Shop.order(delivery, "cash", Shop.line(variantId, 10_001))).post("/api/orders")
                .then().statusCode(400).contentType(containsString("application/problem+json"))
                .body("detail", containsString("must be at most 10000"));
        Shop.guest().body(Shop.order(delivery, "cash", Shop.line(variantId, Integer.MAX_VALUE))).post("/api/orders")
                .then().statusCode(400).body("detail", containsString("must be at most 10000"));
        as(Shop.customer(Shop.nextId())).body("{\"quantity\":10001}").put("/api/cart/items/" + variantId)
                .then().statusCode(400).contentType(containsString("application/problem+json"));
    }
}
