package shop.catalog.stock;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static shop.catalog.stock.StockFixtures.STAFF;
import static shop.catalog.stock.StockFixtures.WAIT;
import static shop.catalog.stock.StockFixtures.awaitReply;
import static shop.catalog.stock.StockFixtures.line;
import static shop.catalog.stock.StockFixtures.nextOrderId;
import static shop.catalog.stock.StockFixtures.order;
import static shop.catalog.stock.StockFixtures.records;
import static shop.catalog.stock.StockFixtures.send;
import static shop.catalog.stock.StockFixtures.sendRaw;
import static shop.catalog.stock.StockFixtures.stocked;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import java.math.BigDecimal;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import shop.catalog.stock.StockFixtures.Stock;
import shop.commons.persistence.EntitiesById;
import shop.contracts.EventEnvelope;
import shop.contracts.EventJson;
import shop.contracts.Topics;
import shop.contracts.catalog.StockReply;
import shop.contracts.catalog.StockReply.ShortLine;
import shop.contracts.catalog.VariantState;
import shop.contracts.orders.OrderEvent;
import shop.contracts.orders.OrderLine;

/** The saga driven the way order-service drives it: events on orders.events, answers on catalog.stock. */
@QuarkusTest
class OrderStockSagaTest {
    @Inject
    EntityManager em;

    @Test
    void aPlacedOrderReservesItsLinesAndTheNewAvailabilityIsPublished() {
        Stock a = stocked(5);
        Stock b = stocked(3);
        long orderId = nextOrderId();
        // two lines of the same variant count together
        send(OrderEvent.PLACED, order(orderId, "new", line(a.variantId(), 1), line(b.variantId(), 3),
                line(a.variantId(), 1)));

        StockReply reply = awaitReply(orderId, StockReply.RESERVED);
        assertEquals(orderId, reply.orderId());
        assertTrue(reply.shortLines().isEmpty());
        assertEquals(5, a.onHand());
        assertEquals(2, a.reserved());
        assertEquals(3, a.available());
        assertEquals(3, b.reserved());
        assertEquals(0, b.available());

        EventEnvelope published = latestState(a.variantId(), 3);
        assertEquals(VariantState.UPSERTED, published.type());
        assertEquals(3, EventJson.payload(published, VariantState.class).available());
    }

    @Test
    void anOrderOfMoreVariantsThanAreLoadedOneByOneReservesThemAll() {
        // past EntitiesById.ONE_BY_ONE the variants and products are loaded in one statement
        List<Stock> stocks = IntStream.range(0, EntitiesById.ONE_BY_ONE + 2).mapToObj(i -> stocked(2)).toList();
        long orderId = nextOrderId();
        send(OrderEvent.PLACED, order(orderId, "new", stocks.stream().map(s -> line(s.variantId(), 1)).toArray(OrderLine[]::new)));

        awaitReply(orderId, StockReply.RESERVED);
        for (Stock stock : stocks) {
            assertEquals(1, stock.reserved(), "reserved of variant " + stock.variantId());
        }
    }

    @Test
    void anOrderWithOneShortLineReservesNothingAndNamesTheShortLine() {
        Stock plenty = stocked(10);
        Stock scarce = stocked(2);
        long orderId = nextOrderId();
        send(OrderEvent.PLACED, order(orderId, "new", line(plenty.variantId(), 4), line(scarce.variantId(), 3)));

        StockReply reply = awaitReply(orderId, StockReply.REJECTED);
        assertEquals(List.of(new ShortLine(scarce.variantId(), 3, 2, "insufficient")), reply.shortLines());
        assertEquals(0, plenty.reserved());
        assertEquals(10, plenty.available());
        assertEquals(0, scarce.reserved());
        given().auth().oauth2(STAFF).queryParam("orderId", orderId)
                .when().get("/api/catalog/stock/reservations")
                .then().statusCode(200).body("total", equalTo(0));
    }

    @Test
    void unknownDeletedAndHiddenVariantsAreRejectedAsSuch() {
        Stock fine = stocked(5);
        Stock hidden = stocked(5);
        given().auth().oauth2(STAFF).contentType(ContentType.JSON).body("{\"visible\":false}")
                .when().patch("/api/catalog/products/" + hidden.productId()).then().statusCode(200);
        Stock deleted = stocked(5);
        given().auth().oauth2(STAFF).when().delete("/api/catalog/variants/" + deleted.variantId())
                .then().statusCode(204);
        long unknown = 9_000_000_000L + nextOrderId();
        long orderId = nextOrderId();
        send(OrderEvent.PLACED, order(orderId, "new", line(fine.variantId(), 1), line(hidden.variantId(), 1),
                line(deleted.variantId(), 2), line(unknown, 1)));

        StockReply reply = awaitReply(orderId, StockReply.REJECTED);
        assertEquals(List.of(
                new ShortLine(hidden.variantId(), 1, 0, "inactive"),
                new ShortLine(deleted.variantId(), 2, 0, "inactive"),
                new ShortLine(unknown, 1, 0, "unknown")), reply.shortLines());
        assertEquals(0, fine.reserved());
        assertEquals(0, hidden.reserved());
    }

    @Test
    void aRedeliveredOrderPlacedOrTheSameOrderPlacedAgainReservesOnce() {
        Stock stock = stocked(10);
        long orderId = nextOrderId();
        EventEnvelope placed = StockFixtures.envelope(OrderEvent.PLACED, order(orderId, "new", line(stock.variantId(), 3)));
        send(placed);
        awaitReply(orderId, StockReply.RESERVED);

        send(placed); // Kafka redelivery: the same event id
        send(OrderEvent.PLACED, order(orderId, "new", line(stock.variantId(), 3))); // the same order, a new event id
        // events of one order are handled in order: once the payment is answered, the duplicates were seen
        send(OrderEvent.PAID, order(orderId, "paid", line(stock.variantId(), 3)));
        awaitReply(orderId, StockReply.SOLD);

        assertEquals(7, stock.onHand());
        assertEquals(0, stock.reserved(), "the duplicates must not have reserved anything");
        List<EventEnvelope> replies = records(Topics.CATALOG_STOCK, List.of(String.valueOf(orderId)),
                found -> found.stream().anyMatch(e -> StockReply.SOLD.equals(e.type())));
        assertEquals(List.of(StockReply.RESERVED, StockReply.SOLD), replies.stream().map(EventEnvelope::type).toList());
    }

    @Test
    void aCancelledOrderReleasesItsReservation() {
        Stock stock = stocked(4);
        long orderId = nextOrderId();
        send(OrderEvent.PLACED, order(orderId, "new", line(stock.variantId(), 4)));
        awaitReply(orderId, StockReply.RESERVED);
        assertEquals(0, stock.available());

        send(OrderEvent.CANCELLED, order(orderId, "cancelled", line(stock.variantId(), 4)));
        awaitReply(orderId, StockReply.RELEASED);
        assertEquals(4, stock.onHand());
        assertEquals(0, stock.reserved());
        assertEquals(4, stock.available());
        assertEquals(4, EventJson.payload(latestState(stock.variantId(), 4), VariantState.class).available());
    }

    @Test
    void aPaidOrderCancelledBeforeShippingPutsWhatItBoughtBackOnHandOnce() {
        Stock stock = stocked(6);
        long orderId = nextOrderId();
        send(OrderEvent.PLACED, order(orderId, "new", line(stock.variantId(), 2)));
        awaitReply(orderId, StockReply.RESERVED);
        send(OrderEvent.PAID, order(orderId, "paid", line(stock.variantId(), 2)));
        awaitReply(orderId, StockReply.SOLD);
        assertEquals(4, stock.onHand());
        assertEquals(0, stock.reserved());
        assertEquals(4, stock.available());

        EventEnvelope cancelled = send(OrderEvent.CANCELLED, order(orderId, "cancelled", line(stock.variantId(), 2)));
        awaitReply(orderId, StockReply.RELEASED);
        assertEquals(6, stock.onHand());
        assertEquals(0, stock.reserved());
        assertEquals(6, stock.available());
        assertEquals(6, EventJson.payload(latestState(stock.variantId(), 6), VariantState.class).available());
        given().auth().oauth2(STAFF).queryParam("orderId", orderId)
                .when().get("/api/catalog/stock/reservations")
                .then().statusCode(200).body("items.state", contains("returned"));

        // Kafka redelivers the event, and order-service (say, retried) cancels it once more under a new id
        send(cancelled);
        EventEnvelope again = send(OrderEvent.CANCELLED, order(orderId, "cancelled", line(stock.variantId(), 2)));
        await().atMost(WAIT).until(() -> handled(again));
        assertEquals(6, stock.onHand(), "a duplicate cancellation must not add the units twice");
        assertEquals(6, stock.available());
        List<EventEnvelope> replies = records(Topics.CATALOG_STOCK, List.of(String.valueOf(orderId)),
                found -> found.size() >= 3);
        assertEquals(List.of(StockReply.RESERVED, StockReply.SOLD, StockReply.RELEASED),
                replies.stream().map(EventEnvelope::type).toList());
    }

    @Test
    void aPaidOrderCancelledAfterShippingStaysSold() {
        Stock stock = stocked(6);
        long orderId = nextOrderId();
        send(OrderEvent.PLACED, order(orderId, "new", line(stock.variantId(), 2)));
        awaitReply(orderId, StockReply.RESERVED);
        send(OrderEvent.PAID, order(orderId, "paid", line(stock.variantId(), 2)));
        awaitReply(orderId, StockReply.SOLD);
        send(OrderEvent.STATUS_CHANGED, order(orderId, "shipped", line(stock.variantId(), 2)));

        // staff cancel a shipped order: the goods have left the shop, nothing comes back on hand
        EventEnvelope cancelled = send(OrderEvent.CANCELLED, order(orderId, "cancelled", line(stock.variantId(), 2)));
        await().atMost(WAIT).until(() -> handled(cancelled));
        assertEquals(4, stock.onHand());
        assertEquals(0, stock.reserved());
        assertEquals(4, stock.available());
        given().auth().oauth2(STAFF).queryParam("orderId", orderId)
                .when().get("/api/catalog/stock/reservations")
                .then().statusCode(200).body("items.state", contains("sold"));
        List<EventEnvelope> replies = records(Topics.CATALOG_STOCK, List.of(String.valueOf(orderId)),
                found -> found.size() >= 2);
        assertEquals(List.of(StockReply.RESERVED, StockReply.SOLD), replies.stream().map(EventEnvelope::type).toList());
    }

    @Test
    void deliveredGoodsThatComeBackAreOnHandAgainOncePerEventAndNeverMoreThanSold() {
        Stock coat = stocked(6);
        Stock hat = stocked(5);
        long orderId = nextOrderId();
        OrderLine[] bought = {line(coat.variantId(), 3), line(hat.variantId(), 1)};
        send(OrderEvent.PLACED, order(orderId, "new", bought));
        awaitReply(orderId, StockReply.RESERVED);
        send(OrderEvent.PAID, order(orderId, "paid", bought));
        awaitReply(orderId, StockReply.SOLD);
        send(OrderEvent.STATUS_CHANGED, order(orderId, "delivered", bought));

        // 2 of the 3 coats come back; the hat stays with the customer
        EventEnvelope returned = send(OrderEvent.GOODS_RETURNED, goodsReturned(orderId, bought, line(coat.variantId(), 2)));
        await().atMost(WAIT).until(() -> handled(returned));
        assertEquals(5, coat.onHand());
        assertEquals(5, coat.available());
        assertEquals(4, hat.onHand());
        assertEquals(5, EventJson.payload(latestState(coat.variantId(), 5), VariantState.class).available());

        // Kafka redelivers the event: nothing more comes back
        send(returned);
        // a further return of 2 more coats: only the 1 still out can come back
        EventEnvelope more = send(OrderEvent.GOODS_RETURNED, goodsReturned(orderId, bought, line(coat.variantId(), 2)));
        await().atMost(WAIT).until(() -> handled(more));
        assertEquals(6, coat.onHand(), "never more back than the order sold");
        given().auth().oauth2(STAFF).queryParam("orderId", orderId)
                .when().get("/api/catalog/stock/reservations")
                .then().statusCode(200).body("items.state", org.hamcrest.Matchers.containsInAnyOrder("returned", "sold"));
    }

    private static OrderEvent goodsReturned(long orderId, OrderLine[] bought, OrderLine... back) {
        return new OrderEvent(orderId, null, "delivered", "delivered", "card", new BigDecimal("40.00"), Arrays.asList(bought),
                null, null, true, Arrays.asList(back));
    }

    @Test
    void otherOrderEventsChangeNothing() {
        Stock stock = stocked(3);
        long orderId = nextOrderId();
        send(OrderEvent.PLACED, order(orderId, "new", line(stock.variantId(), 1)));
        awaitReply(orderId, StockReply.RESERVED);
        send(OrderEvent.CONFIRMED, order(orderId, "confirmed", line(stock.variantId(), 1)));
        send(OrderEvent.STATUS_CHANGED, order(orderId, "shipped", line(stock.variantId(), 1)));
        send(OrderEvent.CANCELLED, order(orderId, "cancelled", line(stock.variantId(), 1)));
        awaitReply(orderId, StockReply.RELEASED);
        assertEquals(0, stock.reserved());
        assertEquals(3, stock.onHand());
    }

    @Test
    void malformedRecordsAreSkippedAndLaterOrdersStillReserved() {
        Stock stock = stocked(5);
        long orderId = nextOrderId();
        String key = String.valueOf(orderId);
        // all on the order's key, so they sit in front of the good event on its partition
        sendRaw(key, "this is not JSON");
        sendRaw(key, "{\"eventId\":\"" + UUID.randomUUID() + "\",\"type\":\"OrderPlaced\",\"version\":1,"
                + "\"payload\":{\"orderId\":\"not a number\"}}");
        send(OrderEvent.PLACED, order(orderId, "new", line(stock.variantId(), -2)));
        send(OrderEvent.PLACED, order(orderId, "new"));

        send(OrderEvent.PLACED, order(orderId, "new", line(stock.variantId(), 2)));
        awaitReply(orderId, StockReply.RESERVED);
        assertEquals(2, stock.reserved());
    }

    private boolean handled(EventEnvelope event) {
        return QuarkusTransaction.requiringNew().call(() -> !em.createNativeQuery(
                        "select 1 from processed_event where event_id = :id and consumer = :consumer")
                .setParameter("id", event.eventId())
                .setParameter("consumer", OrderEventsConsumer.CONSUMER)
                .getResultList().isEmpty());
    }

    /** The variant's record on catalog.variants that shows {@code available} units. */
    private static EventEnvelope latestState(int variantId, int available) {
        List<EventEnvelope> states = records(Topics.CATALOG_VARIANTS, List.of(String.valueOf(variantId)),
                found -> !found.isEmpty()
                        && EventJson.payload(found.get(found.size() - 1), VariantState.class).available() == available);
        return states.get(states.size() - 1);
    }
}
