package shop.orders.saga;

import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static shop.orders.Shop.as;

import io.quarkus.test.junit.QuarkusTest;
import java.util.List;
import org.junit.jupiter.api.Test;
import shop.contracts.catalog.StockReply;
import shop.contracts.catalog.VariantState;
import shop.contracts.orders.OrderEvent;
import shop.orders.Shop;

/** The order side of the saga, with the test playing catalog on catalog.stock. */
@QuarkusTest
class StockSagaTest {
    @Test
    void stockReservedConfirmsTheOrder() {
        VariantState v = Shop.known(Shop.variant(Shop.nextId(), "100.00", 10));
        long id = Shop.place(Shop.customer(Shop.nextId()), Shop.order(Shop.deliveryType("0", null), "card", Shop.line(v.variantId(), 2)));
        Shop.stockReply(id, StockReply.RESERVED, List.of());
        Shop.awaitStatus(id, "confirmed");
        OrderEvent confirmed = Shop.awaitOrderEvent(id, OrderEvent.CONFIRMED);
        assertEquals("confirmed", confirmed.status());
        assertEquals("new", confirmed.previousStatus());
        as(Shop.staff()).get("/api/orders/" + id + "/history").then()
                .body("items.toStatus", contains("new", "confirmed")).body("items[1].actorKind", equalTo("system"));
    }

    @Test
    void stockRejectedRejectsTheOrderWithTheShortLines() {
        VariantState a = Shop.known(Shop.variant(Shop.nextId(), "100.00", 10));
        VariantState b = Shop.known(Shop.variant(Shop.nextId(), "100.00", 10));
        long customerId = Shop.nextId();
        long id = Shop.place(Shop.customer(customerId),
                Shop.order(Shop.deliveryType("0", null), "card", Shop.line(a.variantId(), 1), Shop.line(b.variantId(), 5)));
        Shop.stockReply(id, StockReply.REJECTED, List.of(new StockReply.ShortLine(b.variantId(), 5, 2, "insufficient")));
        Shop.awaitStatus(id, "rejected");
        as(Shop.customer(customerId)).get("/api/orders/" + id).then()
                .body("shortLines.variantId", contains((int) b.variantId()))
                .body("shortLines[0].available", equalTo(2)).body("shortLines[0].requested", equalTo(5))
                .body("reason", containsString("variant " + b.variantId()));
        OrderEvent rejected = Shop.awaitOrderEvent(id, OrderEvent.REJECTED);
        assertEquals("rejected", rejected.status());
    }

    @Test
    void aRedeliveredReplyAndALaterContradictoryOneAreHandledOnce() {
        VariantState v = Shop.known(Shop.variant(Shop.nextId(), "100.00", 10));
        long delivery = Shop.deliveryType("0", null);
        String customer = Shop.customer(Shop.nextId());
        long id = Shop.place(customer, Shop.order(delivery, "card", Shop.line(v.variantId(), 1)));
        String reserved = Shop.stockReply(id, StockReply.RESERVED, List.of());
        Shop.awaitStatus(id, "confirmed");

        // the same event again, then a rejection for the same order: neither changes anything. A second
        // order's reply sent after them on the same partition (same key) shows they have been consumed.
        Shop.sendStock(id, reserved);
        Shop.stockReply(id, StockReply.REJECTED, List.of(new StockReply.ShortLine(v.variantId(), 1, 0, "insufficient")));
        long marker = Shop.place(customer, Shop.order(delivery, "card", Shop.line(v.variantId(), 1)));
        Shop.sendStock(id, Shop.stockRecord(marker, StockReply.RESERVED, List.of()));
        Shop.awaitStatus(marker, "confirmed");

        as(Shop.staff()).get("/api/orders/" + id + "/history").then().body("items.toStatus", contains("new", "confirmed"));
        as(Shop.staff()).get("/api/orders/" + id).then().body("status", equalTo("confirmed"));
    }

    @Test
    void aReplyForAnOrderCancelledMeanwhileLeavesItCancelled() {
        VariantState v = Shop.known(Shop.variant(Shop.nextId(), "100.00", 10));
        String customer = Shop.customer(Shop.nextId());
        long id = Shop.place(customer, Shop.order(Shop.deliveryType("0", null), "card", Shop.line(v.variantId(), 1)));
        as(customer).body("{}").post("/api/orders/" + id + "/cancel").then().statusCode(200).body("status", equalTo("cancelled"));
        Shop.stockReply(id, StockReply.RESERVED, List.of());
        Shop.awaitOrderEvent(id, OrderEvent.CANCELLED);
        // the reply is consumed (a later one for another order on the same key is) and changed nothing
        long marker = Shop.place(customer, Shop.order(Shop.deliveryType("0", null), "card", Shop.line(v.variantId(), 1)));
        Shop.sendStock(id, Shop.stockRecord(marker, StockReply.RESERVED, List.of()));
        Shop.awaitStatus(marker, "confirmed");
        as(customer).get("/api/orders/" + id).then().body("status", equalTo("cancelled"));
    }
}
