package shop.orders.customer;

import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static shop.orders.Shop.as;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import shop.contracts.EventEnvelope;
import shop.contracts.EventJson;
import shop.contracts.Topics;
import shop.contracts.catalog.StockReply;
import shop.contracts.catalog.VariantState;
import shop.contracts.customers.CustomerChanged;
import shop.devstack.testing.KafkaResource;
import shop.devstack.testing.MailResource;
import shop.devstack.testing.TopicWatcher;
import shop.orders.Shop;

/**
 * A signed-in customer's order takes the contact details it leaves out from the customer's profile,
 * which order-service learns from customers.events (sent here on the real broker as customer-service would).
 */
@QuarkusTest
class ProfileContactTest {
    private static String record(String type, CustomerChanged customer, Instant at) {
        EventEnvelope fresh = EventJson.envelope(type, CustomerChanged.VERSION, customer);
        return EventJson.write(new EventEnvelope(fresh.eventId(), type, at, fresh.version(), fresh.payload()));
    }

    private static void send(long customerId, String... records) {
        TopicWatcher.send(KafkaResource.bootstrapServers(), Topics.CUSTOMERS_EVENTS, String.valueOf(customerId), records);
    }

    private static String body(long delivery, long variantId, String contact) {
        return "{\"lines\":[" + Shop.line(variantId, 1) + "]," + (contact == null ? "" : "\"contact\":" + contact + ",")
                + "\"deliveryTypeId\":" + delivery + ",\"deliveryAddress\":\"Moscow, Arbat 5\",\"paymentMethod\":\"cash\"}";
    }

    /** Places the order once order-service knows the profile (the event travels asynchronously). */
    private static Response placeWhenKnown(String token, String body) {
        Response[] last = new Response[1];
        await().atMost(Shop.WAIT).until(() -> {
            last[0] = as(token).body(body).post("/api/orders");
            return last[0].statusCode() == 201;
        });
        return last[0];
    }

    @Test
    void theProfileFillsWhatTheOrderLeavesOutAndAGivenContactWins() {
        long id = Shop.nextId();
        String token = Shop.customer(id);
        VariantState v = Shop.known(Shop.variant(Shop.nextId(), "40.00", 10));
        long delivery = Shop.deliveryType("0", null);
        String email = "maria." + id + "@example.com";
        send(id, record(CustomerChanged.REGISTERED, new CustomerChanged(id, "Maria", "Ivanova", email, "+79160000001", "Ivanovna"), Instant.now()));

        placeWhenKnown(token, body(delivery, v.variantId(), null)).then()
                .body("contact.firstName", equalTo("Maria")).body("contact.lastName", equalTo("Ivanova"))
                .body("contact.middleName", equalTo("Ivanovna"))
                .body("contact.email", equalTo(email)).body("contact.phone", equalTo("+79160000001"));

        // parts given win, the rest comes from the profile
        as(token).body(body(delivery, v.variantId(), "{\"phone\":\"+7 999 111-22-33\",\"middleName\":\"Petrovna\",\"email\":\" \"}"))
                .post("/api/orders").then().statusCode(201)
                .body("contact.firstName", equalTo("Maria")).body("contact.middleName", equalTo("Petrovna"))
                .body("contact.phone", equalTo("+7 999 111-22-33")).body("contact.email", equalTo(email));
        as(token).body(body(delivery, v.variantId(), Shop.contact())).post("/api/orders").then().statusCode(201)
                .body("contact.firstName", equalTo("Anna")).body("contact.email", equalTo("anna@example.com"));

        // the profile changes: the next order takes the new details; an event older than what is known changes nothing
        String renamed = "maria.new." + id + "@example.com";
        send(id, record(CustomerChanged.UPDATED, new CustomerChanged(id, "Maria", "Sidorova", renamed, "+79160000002", "Sergeevna"), Instant.now()),
                record(CustomerChanged.UPDATED, new CustomerChanged(id, "Old", "Old", "old@example.com", "+79160000009", "Oldovna"),
                        Instant.now().minusSeconds(3600)));
        awaitHandled(id, delivery, v.variantId());
        as(token).body(body(delivery, v.variantId(), null)).post("/api/orders").then().statusCode(201)
                .body("contact.lastName", equalTo("Sidorova")).body("contact.middleName", equalTo("Sergeevna"))
                .body("contact.email", equalTo(renamed)).body("contact.phone", equalTo("+79160000002"));
    }

    /**
     * Waits until every event sent so far with this key has been handled: sends a marker for a fresh
     * customer with the same key (same partition, so it is handled after them) and waits until it can order.
     */
    private static void awaitHandled(long key, long delivery, long variantId) {
        long marker = Shop.nextId();
        send(key, record(CustomerChanged.REGISTERED, new CustomerChanged(marker, "Mark", "Er", "m" + marker + "@example.com", "+79160000000", null),
                Instant.now()));
        placeWhenKnown(Shop.customer(marker), body(delivery, variantId, null));
    }

    @Test
    void theOrderMailsGoToTheProfilesEmail() {
        long id = Shop.nextId();
        String token = Shop.customer(id);
        VariantState v = Shop.known(Shop.variant(Shop.nextId(), "55.00", 10));
        String email = "mail." + id + "@example.com";
        send(id, record(CustomerChanged.REGISTERED, new CustomerChanged(id, "Olga", "Smirnova", email, "+79160000003", null), Instant.now()));
        long orderId = placeWhenKnown(token, body(Shop.deliveryType("0", null), v.variantId(), null)).jsonPath().getLong("id");
        Shop.stockReply(orderId, StockReply.RESERVED, List.of());
        MailResource.awaitMessage(m -> m.to().equalsIgnoreCase(email) && m.subject().contains("#" + orderId), Shop.WAIT);
    }

    @Test
    void missingDetailsAreNamedAndNobodyElsesProfileIsUsed() {
        VariantState v = Shop.known(Shop.variant(Shop.nextId(), "30.00", 10));
        long delivery = Shop.deliveryType("0", null);

        // a guest must give a contact, all of it
        Shop.guest().body(body(delivery, v.variantId(), null)).post("/api/orders").then().statusCode(400)
                .contentType(containsString("problem+json")).body("errors.field", contains("contact"));
        Shop.guest().body(body(delivery, v.variantId(), "{\"firstName\":\"Ivan\",\"lastName\":\"Petrov\"}"))
                .post("/api/orders").then().statusCode(400).body("errors.field", contains("contact.email", "contact.phone"));

        // a customer order-service has not heard of (yet): every missing part is named
        String unknown = Shop.customer(Shop.nextId());
        as(unknown).body(body(delivery, v.variantId(), null)).post("/api/orders").then().statusCode(400)
                .contentType(containsString("problem+json"))
                .body("errors.field", contains("contact.email", "contact.firstName", "contact.lastName", "contact.phone"))
                .body("detail", containsString("not known"));
        as(unknown).body(body(delivery, v.variantId(), Shop.contact())).post("/api/orders").then().statusCode(201);

        // a profile without a phone: the phone must be given
        long noPhone = Shop.nextId();
        String token = Shop.customer(noPhone);
        send(noPhone, record(CustomerChanged.REGISTERED, new CustomerChanged(noPhone, "Petr", "Orlov", "petr." + noPhone + "@example.com", null, null),
                Instant.now()));
        await().atMost(Shop.WAIT).until(() -> {
            Response r = as(token).body(body(delivery, v.variantId(), null)).post("/api/orders");
            return r.statusCode() == 400 && r.jsonPath().getList("errors.field").equals(List.of("contact.phone"));
        });
        as(token).body(body(delivery, v.variantId(), "{\"phone\":\"+7 916 555-44-33\"}")).post("/api/orders").then().statusCode(201)
                .body("contact.firstName", equalTo("Petr")).body("contact.phone", equalTo("+7 916 555-44-33"));

        // a deleted customer's details are gone
        send(noPhone, record(CustomerChanged.DELETED, new CustomerChanged(noPhone, "Petr", "Orlov", "petr." + noPhone + "@example.com", null, null),
                Instant.now()));
        await().atMost(Shop.WAIT).until(() -> as(token).body(body(delivery, v.variantId(), "{\"phone\":\"+7 916 555-44-33\"}"))
                .post("/api/orders").statusCode() == 400);

        // a profile value an order cannot take (customer-service allows longer phones than an order keeps)
        long oddPhone = Shop.nextId();
        String odd = Shop.customer(oddPhone);
        send(oddPhone, record(CustomerChanged.REGISTERED, new CustomerChanged(oddPhone, "Lev", "Tolstoy", "lev." + oddPhone + "@example.com",
                "+7 916 123-45-67-89-01", null), Instant.now()));
        await().atMost(Shop.WAIT).until(() -> {
            Response r = as(odd).body(body(delivery, v.variantId(), null)).post("/api/orders");
            return r.statusCode() == 400 && r.jsonPath().getList("errors.field").equals(List.of("contact.phone"))
                    && r.jsonPath().getString("detail").contains("customer profile");
        });
        as(odd).body(body(delivery, v.variantId(), "{\"phone\":\"+7 916 555-44-33\"}")).post("/api/orders").then().statusCode(201)
                .body("contact.lastName", equalTo("Tolstoy"));

        // staff placing an order is not the customer: it gives the contact like anyone else
        as(Shop.staff()).body(body(delivery, v.variantId(), null)).post("/api/orders").then().statusCode(400)
                .body("errors.field", contains("contact"));
    }

    @Test
    void aRedeliveredOrMalformedEventChangesNothing() {
        long id = Shop.nextId();
        String token = Shop.customer(id);
        VariantState v = Shop.known(Shop.variant(Shop.nextId(), "20.00", 10));
        long delivery = Shop.deliveryType("0", null);
        String registered = record(CustomerChanged.REGISTERED,
                new CustomerChanged(id, "Ilya", "Kuznetsov", "ilya." + id + "@example.com", "+79160000004", null), Instant.now());
        send(id, "not an envelope", registered);
        placeWhenKnown(token, body(delivery, v.variantId(), null)).then().body("contact.firstName", equalTo("Ilya"));
        String deleted = record(CustomerChanged.DELETED, new CustomerChanged(id, null, null, null, null, null), Instant.now());
        send(id, deleted);
        await().atMost(Shop.WAIT).until(() -> as(token).body(body(delivery, v.variantId(), null)).post("/api/orders").statusCode() == 400);
        // the same Registered event again (a redelivery) does not bring the deleted profile back
        send(id, registered);
        awaitHandled(id, delivery, v.variantId());
        as(token).body(body(delivery, v.variantId(), null)).post("/api/orders").then().statusCode(400)
                .body("errors.field", contains("contact.email", "contact.firstName", "contact.lastName", "contact.phone"));
    }
}
