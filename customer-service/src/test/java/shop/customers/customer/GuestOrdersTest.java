package shop.customers.customer;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import java.math.BigDecimal;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;
import shop.contracts.EventEnvelope;
import shop.contracts.EventJson;
import shop.contracts.Topics;
import shop.contracts.customers.CustomerChanged;
import shop.contracts.customers.GuestOrderLinked;
import shop.contracts.orders.GuestContact;
import shop.contracts.orders.OrderEvent;
import shop.contracts.orders.OrderLine;
import shop.customers.Accounts;
import shop.devstack.testing.KafkaResource;
import shop.devstack.testing.TestTokens;
import shop.devstack.testing.TopicWatcher;

/** Guest orders from orders.events: the guest's customer record, and who gets the order (confirmed email only). */
@QuarkusTest
class GuestOrdersTest {
    private static final AtomicLong ORDER_IDS = new AtomicLong(900_000_000L + System.nanoTime() % 100_000_000L);
    private static final String STAFF = TestTokens.issue("1", "manager");

    @Inject
    EntityManager em;

    static EventEnvelope placed(long orderId, String email, String phone) {
        return EventJson.envelope(OrderEvent.PLACED, OrderEvent.VERSION, new OrderEvent(orderId, null, "new", null, "cash",
                new BigDecimal("10.00"), List.of(new OrderLine(1, 1, null, 1, new BigDecimal("10.00"))), null,
                new GuestContact("Olga", "Guestova", email, phone)));
    }

    static void send(long orderId, EventEnvelope... events) {
        TopicWatcher.send(KafkaResource.bootstrapServers(), Topics.ORDERS_EVENTS, String.valueOf(orderId),
                java.util.Arrays.stream(events).map(EventJson::write).toArray(String[]::new));
    }

    /** Staff's search for an email: the active customers that have it. */
    static JsonPath customersWith(String email) {
        return given().auth().oauth2(STAFF).queryParam("q", email).when().get("/api/customers")
                .then().statusCode(200).extract().jsonPath();
    }

    /** [customer_id, linked_customer_id] of a recorded guest order, once the consumer has recorded it. */
    Object[] awaitRecorded(long orderId) {
        return await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(200)).until(() ->
                QuarkusTransaction.requiringNew().call(() -> {
                    List<?> rows = em.createNativeQuery("select customer_id, linked_customer_id from guest_order where order_id = :o")
                            .setParameter("o", orderId).getResultList();
                    return rows.isEmpty() ? null : (Object[]) rows.get(0);
                }), row -> row != null);
    }

    Long linkedTo(long orderId) {
        return QuarkusTransaction.requiringNew().call(() -> {
            Object linked = em.createNativeQuery("select linked_customer_id from guest_order where order_id = :o")
                    .setParameter("o", orderId).getSingleResult();
            return linked == null ? null : ((Number) linked).longValue();
        });
    }

    long outboxCount(String type, String key) {
        return QuarkusTransaction.requiringNew().call(() -> ((Number) em.createNativeQuery(
                        "select count(*) from outbox_message where type = :t and message_key = :k")
                .setParameter("t", type).setParameter("k", key).getSingleResult()).longValue());
    }

    long linksOf(long orderId) {
        return QuarkusTransaction.requiringNew().call(() -> ((Number) em.createNativeQuery(
                        "select count(*) from outbox_message where type = :t and envelope like :order")
                .setParameter("t", GuestOrderLinked.TYPE).setParameter("order", "%\"orderId\":" + orderId + ",%")
                .getSingleResult()).longValue());
    }

    static GuestOrderLinked awaitLink(long orderId) {
        String record = TopicWatcher.awaitRecord(KafkaResource.bootstrapServers(), Topics.CUSTOMERS_EVENTS,
                (key, value) -> value.contains(GuestOrderLinked.TYPE) && value.contains("\"orderId\":" + orderId + ","),
                Duration.ofSeconds(30));
        return EventJson.payload(EventJson.read(record), GuestOrderLinked.class);
    }

    static String confirmationToken(String email) {
        return Accounts.mailedToken(email, "Confirm", 1);
    }

    static void confirm(String email) {
        given().contentType(ContentType.JSON)
                .body("{\"email\":\"%s\",\"token\":\"%s\"}".formatted(email, confirmationToken(email)))
                .when().post("/api/customers/confirm").then().statusCode(204);
    }

    @Test
    void aGuestOrderGivesTheGuestACustomerRecordWithoutPassword() {
        String email = Accounts.uniqueEmail();
        String phone = Accounts.uniquePhone(); // +7925xxxxxxx, sent the way a shopper types it
        long order = ORDER_IDS.incrementAndGet();
        send(order, placed(order, email, "8 (" + phone.substring(2, 5) + ") " + phone.substring(5)));

        long id = ((Number) awaitRecorded(order)[0]).longValue();
        JsonPath found = customersWith(email);
        assertEquals(1, found.getInt("total"));
        assertEquals(id, found.getLong("items[0].id"));
        assertEquals(true, found.getBoolean("items[0].guest"));
        assertEquals(phone, found.getString("items[0].phone"));
        assertEquals("Olga", found.getString("items[0].firstName"));
        assertNull(linkedTo(order), "a guest record proves nothing: the order is not handed to anyone");
        Accounts.signIn("email", email, Accounts.PASSWORD).then().statusCode(401);
        // announced like a registration, under the new record's id
        String record = TopicWatcher.awaitRecord(KafkaResource.bootstrapServers(), Topics.CUSTOMERS_EVENTS,
                (key, value) -> key.equals(String.valueOf(id)) && value.contains(CustomerChanged.REGISTERED),
                Duration.ofSeconds(30));
        assertEquals(email, EventJson.payload(EventJson.read(record), CustomerChanged.class).email());
    }

    @Test
    void redeliveredAndRepeatedGuestOrdersKeepOneRecord() {
        String email = Accounts.uniqueEmail();
        String phone = Accounts.uniquePhone();
        long first = ORDER_IDS.incrementAndGet();
        EventEnvelope event = placed(first, email, phone);
        // the same event twice, then the same order under a new event id: one partition, handled in this order
        EventEnvelope again = placed(first, email, phone);
        send(first, event, event, again);
        long second = ORDER_IDS.incrementAndGet();
        send(second, placed(second, email.toUpperCase(), Accounts.uniquePhone()));

        long id = ((Number) awaitRecorded(first)[0]).longValue();
        assertEquals(id, ((Number) awaitRecorded(second)[0]).longValue(), "the second order found the guest by email");
        await().atMost(Duration.ofSeconds(30)).until(() -> QuarkusTransaction.requiringNew().call(() ->
                !em.createNativeQuery("select 1 from processed_event where event_id = :e and consumer = 'guest-orders'")
                        .setParameter("e", again.eventId()).getResultList().isEmpty()));
        assertEquals(1, customersWith(email).getInt("total"));
        assertEquals(1, outboxCount(CustomerChanged.REGISTERED, String.valueOf(id)));
        long rows = QuarkusTransaction.requiringNew().call(() -> ((Number) em.createNativeQuery(
                "select count(*) from guest_order where customer_id = :c").setParameter("c", id).getSingleResult()).longValue());
        assertEquals(2, rows);
    }

    @Test
    void aCustomersOwnOrderIsPassedOverWithoutAnyTrace() {
        long own = ORDER_IDS.incrementAndGet();
        EventEnvelope customers = EventJson.envelope(OrderEvent.PLACED, OrderEvent.VERSION, new OrderEvent(own, 42L, "new",
                null, "cash", new BigDecimal("10.00"), List.of(new OrderLine(1, 1, null, 1, new BigDecimal("10.00"))), null));
        String email = Accounts.uniqueEmail();
        long guest = ORDER_IDS.incrementAndGet();
        EventEnvelope guests = placed(guest, email, Accounts.uniquePhone());
        // one partition (one key), in this order: once the guest's order is recorded, the customer's was seen
        TopicWatcher.send(KafkaResource.bootstrapServers(), Topics.ORDERS_EVENTS, "own-then-guest",
                EventJson.write(customers), EventJson.write(guests));
        awaitRecorded(guest);
        long traces = QuarkusTransaction.requiringNew().call(() -> ((Number) em.createNativeQuery("""
                        select (select count(*) from guest_order where order_id = :o)
                             + (select count(*) from processed_event where event_id = :e)""")
                .setParameter("o", own).setParameter("e", customers.eventId()).getSingleResult()).longValue());
        assertEquals(0, traces, "filtered before any transaction: no guest order, no processed-event row");
    }

    @Test
    void aGuestOrderWithTheEmailOfAConfirmedCustomerIsHandedToIt() {
        Accounts.Customer customer = Accounts.register();
        confirm(customer.email());
        long order = ORDER_IDS.incrementAndGet();
        send(order, placed(order, customer.email().toUpperCase(), Accounts.uniquePhone()));

        GuestOrderLinked link = awaitLink(order);
        assertEquals(customer.id(), link.customerId());
        assertEquals(customer.id(), linkedTo(order));
        JsonPath found = customersWith(customer.email());
        assertEquals(1, found.getInt("total"), "no guest record next to the customer");
        assertEquals(false, found.getBoolean("items[0].guest"));
    }

    @Test
    void anUnconfirmedEmailGetsTheOrderOnlyWhenConfirmed() {
        Accounts.Customer customer = Accounts.register();
        long order = ORDER_IDS.incrementAndGet();
        send(order, placed(order, customer.email(), Accounts.uniquePhone()));
        assertEquals(customer.id(), ((Number) awaitRecorded(order)[0]).longValue());
        assertNull(linkedTo(order));

        confirm(customer.email());
        assertEquals(customer.id(), linkedTo(order));
        assertEquals(customer.id(), awaitLink(order).customerId());
    }

    @Test
    void aPasswordResetProvesTheEmailToo() {
        Accounts.Customer customer = Accounts.register(); // not confirmed
        long order = ORDER_IDS.incrementAndGet();
        send(order, placed(order, customer.email(), Accounts.uniquePhone()));
        awaitRecorded(order);
        assertNull(linkedTo(order));

        given().contentType(ContentType.JSON).body("{\"email\":\"%s\"}".formatted(customer.email()))
                .when().post("/api/auth/password-reset").then().statusCode(202);
        given().contentType(ContentType.JSON).body("{\"email\":\"%s\",\"token\":\"%s\",\"newPassword\":\"a-new-password\"}"
                        .formatted(customer.email(), Accounts.mailedToken(customer.email(), "Reset", 1)))
                .when().post("/api/auth/password-reset/confirm").then().statusCode(204);
        assertEquals(customer.id(), linkedTo(order));
        assertEquals(customer.id(), awaitLink(order).customerId());
    }

    @Test
    void registeringWithTheGuestsEmailAndConfirmingItTakesTheOrdersOver() {
        String email = Accounts.uniqueEmail();
        long order = ORDER_IDS.incrementAndGet();
        send(order, placed(order, email, Accounts.uniquePhone()));
        long guest = ((Number) awaitRecorded(order)[0]).longValue();

        GuestTakeoverTest.register(email, Accounts.uniquePhone()).then().statusCode(201).body("id", equalTo((int) guest));
        assertNull(linkedTo(order), "registered, not confirmed yet");
        confirm(email);
        assertEquals(guest, linkedTo(order));
        assertEquals(guest, awaitLink(order).customerId());
        assertEquals(1, linksOf(order));
    }

    @Test
    void aStrangerRegisteringWithTheGuestsPhoneGetsNoOrders() {
        String email = Accounts.uniqueEmail();
        String phone = Accounts.uniquePhone();
        long order = ORDER_IDS.incrementAndGet();
        send(order, placed(order, email, phone));
        long guest = ((Number) awaitRecorded(order)[0]).longValue();

        // the phone takes the guest record over (same id), but the stranger proves only its own email
        String strangerEmail = Accounts.uniqueEmail();
        GuestTakeoverTest.register(strangerEmail, phone).then().statusCode(201).body("id", equalTo((int) guest));
        confirm(strangerEmail);
        assertNull(linkedTo(order));
        assertEquals(0, linksOf(order));

        // the guest registers later with its email (a new record: the phone is taken) and confirms it
        Accounts.Customer owner = Accounts.register(email, Accounts.uniquePhone());
        confirm(email);
        assertEquals(owner.id(), linkedTo(order));
        assertEquals(owner.id(), awaitLink(order).customerId());
    }
}
