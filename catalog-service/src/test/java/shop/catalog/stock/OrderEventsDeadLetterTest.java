package shop.catalog.stock;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static shop.catalog.stock.StockFixtures.CUSTOMER;
import static shop.catalog.stock.StockFixtures.STAFF;
import static shop.catalog.stock.StockFixtures.WAIT;
import static shop.catalog.stock.StockFixtures.awaitReply;
import static shop.catalog.stock.StockFixtures.line;
import static shop.catalog.stock.StockFixtures.nextOrderId;
import static shop.catalog.stock.StockFixtures.order;
import static shop.catalog.stock.StockFixtures.send;
import static shop.catalog.stock.StockFixtures.sendRaw;
import static shop.catalog.stock.StockFixtures.stocked;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import shop.contracts.Topics;
import shop.contracts.catalog.StockReply;
import shop.contracts.orders.OrderEvent;
import shop.devstack.testing.PoisonEvents;

/** A bad record on orders.events never stops the stock saga: it becomes a dead letter and the next order is served. */
@QuarkusTest
class OrderEventsDeadLetterTest {
    private static final String DEAD_LETTERS = "/api/catalog/dead-letters";

    /** The consumer's open dead letter whose stored record contains {@code marker}, once it is there. */
    static Map<String, Object> awaitDeadLetter(String marker) {
        return await().atMost(WAIT).until(() -> given().auth().oauth2(STAFF)
                .get(DEAD_LETTERS + "?consumer=stock&topic=orders.events&replayed=false&limit=200").then().statusCode(200)
                .extract().jsonPath().<Map<String, Object>>getList("items").stream()
                .filter(item -> String.valueOf(item.get("record")).contains(marker)).findFirst().orElse(null),
                found -> found != null);
    }

    @Test
    void aPoisonOrderEventIsDeadLetteredAndTheNextOrderIsStillReserved() {
        StockFixtures.Stock stock = stocked(5);
        long orderId = nextOrderId();
        UUID poisonId = UUID.randomUUID();
        // a valid envelope whose payload has the wrong types, in front of a good event on the same partition
        sendRaw(String.valueOf(orderId), PoisonEvents.envelope(poisonId, OrderEvent.PLACED,
                "{\"orderId\":\"not a number\",\"lines\":\"none\"}"));
        send(OrderEvent.PLACED, order(orderId, "new", line(stock.variantId(), 2)));

        awaitReply(orderId, StockReply.RESERVED);
        assertEquals(2, stock.reserved());

        Map<String, Object> letter = awaitDeadLetter(poisonId.toString());
        assertEquals(poisonId.toString(), letter.get("eventId"));
        assertEquals(OrderEvent.PLACED, letter.get("eventType"));
        assertEquals(String.valueOf(orderId), letter.get("key"));
        assertEquals(IllegalArgumentException.class.getName(), letter.get("errorClass"));
        assertEquals(3, letter.get("attempts"));
        given().auth().oauth2(STAFF).get(DEAD_LETTERS + "/" + letter.get("id")).then().statusCode(200)
                .body("topic", equalTo(Topics.ORDERS_EVENTS))
                .body("partition", notNullValue())
                .body("offset", notNullValue())
                .body("failedAt", notNullValue())
                .body("replayedAt", nullValue());
        String published = PoisonEvents.awaitOnDeadLetterTopic(Topics.ORDERS_EVENTS, "stock", poisonId, WAIT);
        JsonPath message = JsonPath.from(published);
        assertEquals("DeadLetter", message.getString("type"));
        assertEquals("catalog-service", message.getString("payload.service"));
        assertEquals(String.valueOf(orderId), message.getString("payload.key"));
        assertEquals(IllegalArgumentException.class.getName(), message.getString("payload.errorClass"));
    }

    @Test
    void aRecordThatIsNotAnEnvelopeIsADeadLetterToo() {
        String marker = "not json " + UUID.randomUUID();
        sendRaw(String.valueOf(nextOrderId()), marker);
        Map<String, Object> letter = awaitDeadLetter(marker);
        assertEquals(marker, letter.get("record"));
        assertEquals(null, letter.get("eventId"));
        assertEquals(1, letter.get("attempts"));
    }

    @Test
    void aReplayThatFailsAgainKeepsTheDeadLetterAndStaffCanDiscardIt() {
        UUID poisonId = UUID.randomUUID();
        sendRaw(String.valueOf(nextOrderId()), PoisonEvents.envelope(poisonId, OrderEvent.PAID, "{\"orderId\":[1,2]}"));
        Object id = awaitDeadLetter(poisonId.toString()).get("id");

        given().auth().oauth2(STAFF).post(DEAD_LETTERS + "/" + id + "/replay").then().statusCode(422)
                .contentType("application/problem+json")
                .body("error", org.hamcrest.Matchers.startsWith(IllegalArgumentException.class.getName()));
        given().auth().oauth2(STAFF).get(DEAD_LETTERS + "/" + id).then().statusCode(200)
                .body("replayedAt", nullValue())
                .body("lastReplayError", notNullValue());

        given().auth().oauth2(STAFF).delete(DEAD_LETTERS + "/" + id).then().statusCode(204);
        given().auth().oauth2(STAFF).get(DEAD_LETTERS + "/" + id).then().statusCode(200)
                .body("discardedAt", notNullValue())
                .body("discardedBy", equalTo("1"));
        given().auth().oauth2(STAFF).post(DEAD_LETTERS + "/" + id + "/replay").then().statusCode(409);
        given().auth().oauth2(STAFF).delete(DEAD_LETTERS + "/" + id).then().statusCode(409);
        // no longer listed, except among the discarded
        assertEquals(false, given().auth().oauth2(STAFF).get(DEAD_LETTERS + "?limit=200").then().statusCode(200)
                .extract().jsonPath().getList("items.id").contains(id));
        assertEquals(true, given().auth().oauth2(STAFF).get(DEAD_LETTERS + "?discarded=true&limit=200").then()
                .statusCode(200).extract().jsonPath().getList("items.id").contains(id));
    }

    @Test
    void deadLettersAreForStaffOnly() {
        given().get(DEAD_LETTERS).then().statusCode(401);
        given().auth().oauth2(CUSTOMER).get(DEAD_LETTERS).then().statusCode(403);
        given().auth().oauth2(CUSTOMER).post(DEAD_LETTERS + "/1/replay").then().statusCode(403);
        given().auth().oauth2(CUSTOMER).delete(DEAD_LETTERS + "/1").then().statusCode(403);
        given().auth().oauth2(STAFF).get(DEAD_LETTERS + "/999999999").then().statusCode(404);
        given().auth().oauth2(STAFF).get(DEAD_LETTERS + "?limit=0").then().statusCode(400);
    }
}
