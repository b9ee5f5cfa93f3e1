package shop.catalog.stock;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static shop.catalog.stock.StockFixtures.STAFF;
import static shop.catalog.stock.StockFixtures.WAIT;
import static shop.catalog.stock.StockFixtures.awaitReply;
import static shop.catalog.stock.StockFixtures.line;
import static shop.catalog.stock.StockFixtures.nextOrderId;
import static shop.catalog.stock.StockFixtures.order;
import static shop.catalog.stock.StockFixtures.send;
import static shop.catalog.stock.StockFixtures.stocked;

import io.quarkus.test.junit.QuarkusTest;
import java.time.Instant;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import shop.devstack.testing.JsonBody;
import shop.catalog.browse.SqlStatementCounter;
import shop.catalog.stock.StockFixtures.Stock;
import shop.contracts.catalog.StockReply;
import shop.contracts.orders.OrderEvent;

/**
 * A kept product page (list and card) never shows stock that a committed reservation has taken: the
 * reservation made by the saga (OrderPlaced on orders.events), the pages read by guests all the while.
 */
@QuarkusTest
class CachedStockPagesTest {
    private static final String PRODUCTS = "/api/catalog/products";

    @Test
    void aKeptPageShowsTheReservationAsSoonAsItIsVisible() throws Exception {
        Stock stock = stocked(5);
        int categoryId = given().when().get(PRODUCTS + "/" + stock.productId()).then().statusCode(200)
                .extract().path("categoryId");
        String list = PRODUCTS + "?categoryId=" + categoryId;
        String card = PRODUCTS + "/" + stock.productId();
        assertEquals(5, listed(list));
        assertEquals(5, carded(card));
        // warm: the next reads are kept pages, no SQL
        assertEquals("0", given().when().get(list).then().statusCode(200).extract().header(SqlStatementCounter.HEADER));
        assertEquals("0", given().when().get(card).then().statusCode(200).extract().header(SqlStatementCounter.HEADER));

        // guests keep reading (and keeping) both pages while the reservation commits
        AtomicBoolean done = new AtomicBoolean();
        AtomicInteger reads = new AtomicInteger();
        Thread readers = new Thread(() -> {
            while (!done.get()) {
                listed(list);
                carded(card);
                reads.incrementAndGet();
            }
        });
        readers.start();
        try {
            long orderId = nextOrderId();
            send(OrderEvent.PLACED, order(orderId, "new", line(stock.variantId(), 2)));
            // from the moment the reservation can be seen at all, no page may show the old stock
            Instant deadline = Instant.now().plus(WAIT);
            boolean visible = false;
            while (!visible && Instant.now().isBefore(deadline)) {
                visible = reservationVisible(orderId);
                int listedAvailable = listed(list);
                int cardAvailable = carded(card);
                if (visible) {
                    assertEquals(3, listedAvailable, "the list showed stock the reservation had taken");
                    assertEquals(3, cardAvailable, "the product showed stock the reservation had taken");
                }
            }
            assertTrue(visible, "the reservation was not made");
            awaitReply(orderId, StockReply.RESERVED);
            for (int i = 0; i < 20; i++) {
                assertEquals(3, listed(list));
                assertEquals(3, carded(card));
            }
        } finally {
            done.set(true);
            readers.join();
        }
        assertTrue(reads.get() > 0);
        // and kept again afterwards
        listed(list);
        assertEquals("0", given().when().get(list).then().statusCode(200).extract().header(SqlStatementCounter.HEADER));
    }

    private static boolean reservationVisible(long orderId) {
        return JsonBody.of(given().auth().oauth2(STAFF).queryParam("orderId", orderId)
                .when().get("/api/catalog/stock/reservations").then().statusCode(200)
                .extract().asString()).path("total").asInt() > 0;
    }

    private static int listed(String list) {
        String page = given().when().get(list).then().statusCode(200).extract().asString();
        return JsonBody.of(page).path("items").path(0).path("variants").path(0).required("available").asInt();
    }

    private static int carded(String card) {
        String page = given().when().get(card).then().statusCode(200).extract().asString();
        return JsonBody.of(page).path("variants").path(0).required("available").asInt();
    }
}
