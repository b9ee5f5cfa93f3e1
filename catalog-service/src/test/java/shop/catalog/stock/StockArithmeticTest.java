package shop.catalog.stock;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.contains;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static shop.catalog.stock.StockFixtures.STAFF;
import static shop.catalog.stock.StockFixtures.WAIT;
import static shop.catalog.stock.StockFixtures.awaitReply;
import static shop.catalog.stock.StockFixtures.line;
import static shop.catalog.stock.StockFixtures.nextOrderId;
import static shop.catalog.stock.StockFixtures.order;
import static shop.catalog.stock.StockFixtures.send;
import static shop.catalog.stock.StockFixtures.stocked;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import java.util.List;
import org.junit.jupiter.api.Test;
import shop.catalog.stock.StockFixtures.Stock;
import shop.contracts.EventEnvelope;
import shop.contracts.catalog.StockReply;
import shop.contracts.catalog.StockReply.ShortLine;
import shop.contracts.orders.OrderEvent;

/**
 * Quantities that do not fit a stock figure are a rejection or a logged skip, never an exception that
 * stops the orders.events consumer: the next order is still served.
 */
@QuarkusTest
class StockArithmeticTest {
    @Inject
    EntityManager em;

    @Test
    void linesWhoseSumOverflowsAreRejectedAsTooLargeAndTheNextOrderIsServed() {
        Stock stock = stocked(5);
        long huge = nextOrderId();
        // each line is a valid positive int; together they are more than an int holds
        send(OrderEvent.PLACED, order(huge, "new", line(stock.variantId(), Integer.MAX_VALUE),
                line(stock.variantId(), Integer.MAX_VALUE)));

        StockReply rejected = awaitReply(huge, StockReply.REJECTED);
        assertEquals(List.of(new ShortLine(stock.variantId(), Integer.MAX_VALUE, 5, ReservationDecision.TOO_LARGE)),
                rejected.shortLines());
        assertEquals(0, stock.reserved());

        long next = nextOrderId();
        send(OrderEvent.PLACED, order(next, "new", line(stock.variantId(), 2)));
        awaitReply(next, StockReply.RESERVED);
        assertEquals(2, stock.reserved());
    }

    @Test
    void unitsThatCannotGoBackOnHandStaySoldAndTheNextOrderIsServed() {
        Stock stock = stocked(6);
        long orderId = nextOrderId();
        send(OrderEvent.PLACED, order(orderId, "new", line(stock.variantId(), 2)));
        awaitReply(orderId, StockReply.RESERVED);
        send(OrderEvent.PAID, order(orderId, "paid", line(stock.variantId(), 2)));
        awaitReply(orderId, StockReply.SOLD);
        // an on-hand figure at the very top of the range (set before on-hand values were bounded)
        QuarkusTransaction.requiringNew().run(() -> em.createNativeQuery("update variant set on_hand = :onHand where id = :id")
                .setParameter("onHand", Integer.MAX_VALUE - 1).setParameter("id", stock.variantId()).executeUpdate());

        EventEnvelope cancelled = send(OrderEvent.CANCELLED, order(orderId, "cancelled", line(stock.variantId(), 2)));
        await().atMost(WAIT).until(() -> handled(cancelled));
        assertEquals(Integer.MAX_VALUE - 1, stock.onHand());
        given().auth().oauth2(STAFF).queryParam("orderId", orderId)
                .when().get("/api/catalog/stock/reservations")
                .then().statusCode(200).body("items.state", contains("sold"));

        long next = nextOrderId();
        send(OrderEvent.PLACED, order(next, "new", line(stock.variantId(), 3)));
        awaitReply(next, StockReply.RESERVED);
        assertEquals(3, stock.reserved());
    }

    private boolean handled(EventEnvelope event) {
        return QuarkusTransaction.requiringNew().call(() -> !em.createNativeQuery(
                        "select 1 from processed_event where event_id = :id and consumer = :consumer")
                .setParameter("id", event.eventId())
                .setParameter("consumer", OrderEventsConsumer.CONSUMER)
                .getResultList().isEmpty());
    }
}
