package shop.orders.delivery;

import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.nullValue;
import static shop.orders.Shop.as;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import shop.contracts.EventEnvelope;
import shop.contracts.EventJson;
import shop.contracts.Topics;
import shop.contracts.catalog.VariantState;
import shop.contracts.customers.AddressChanged;
import shop.contracts.customers.CustomerChanged;
import shop.devstack.testing.KafkaResource;
import shop.devstack.testing.TopicWatcher;
import shop.orders.Shop;

/**
 * The order's address as fields, given with the order or copied from one of the customer's saved addresses,
 * which order-service learns from AddressSaved / AddressRemoved on customers.events (sent here on the real
 * broker as customer-service would); the free-text line of older clients still works.
 */
@QuarkusTest
class DeliveryAddressTest {
    private static final String ADDRESS = """
            {"city":" Moscow ","street":"Tverskaya","house":"7","building":"2","apartment":"15","floor":4,
             "postcode":"125009","comment":"code 15K, call first"}""";

    private static String body(long delivery, long variantId, String addressPart) {
        return "{\"lines\":[" + Shop.line(variantId, 1) + "],\"contact\":" + Shop.contact() + ",\"deliveryTypeId\":" + delivery
                + (addressPart.isEmpty() ? "" : "," + addressPart) + ",\"paymentMethod\":\"cash\"}";
    }

    private static void send(long customerId, String type, AddressChanged address, Instant at) {
        EventEnvelope fresh = EventJson.envelope(type, AddressChanged.VERSION, address);
        TopicWatcher.send(KafkaResource.bootstrapServers(), Topics.CUSTOMERS_EVENTS, String.valueOf(customerId),
                EventJson.write(new EventEnvelope(fresh.eventId(), type, at, fresh.version(), fresh.payload())));
    }

    private static AddressChanged saved(long addressId, long customerId, String city) {
        return new AddressChanged(addressId, customerId, city, "Lenina", "10", null, "3", 2, "420111", "+79160000000", "gate 2");
    }

    /** Places the order once order-service knows the saved address (the event travels asynchronously). */
    private static Response placeWhenKnown(String token, String body) {
        Response[] last = new Response[1];
        await().atMost(Shop.WAIT).until(() -> {
            last[0] = as(token).body(body).post("/api/orders");
            return last[0].statusCode() == 201;
        });
        return last[0];
    }

    /** Waits until every address event sent so far for this customer is handled: a marker address after them (same key). */
    private static void awaitHandled(long customerId, String token, long delivery, long variantId) {
        long marker = Shop.nextId();
        send(customerId, AddressChanged.SAVED, saved(marker, customerId, "Marker"), Instant.now());
        placeWhenKnown(token, body(delivery, variantId, "\"addressId\":" + marker));
    }

    @Test
    void anOrderKeepsItsAddressAsFieldsAndWritesItOutOnOneLine() {
        VariantState v = Shop.known(Shop.variant(Shop.nextId(), "10.00", 10));
        long delivery = Shop.deliveryType("100", null);
        long id = as(Shop.customer(Shop.nextId())).body(body(delivery, v.variantId(), "\"address\":" + ADDRESS))
                .post("/api/orders").then().statusCode(201)
                .body("address.city", equalTo("Moscow")).body("address.street", equalTo("Tverskaya"))
                .body("address.house", equalTo("7")).body("address.building", equalTo("2"))
                .body("address.apartment", equalTo("15")).body("address.floor", equalTo(4))
                .body("address.postcode", equalTo("125009")).body("address.comment", equalTo("code 15K, call first"))
                .body("address.savedAddressId", nullValue())
                .body("deliveryAddress", equalTo("125009, Moscow, Tverskaya 7, building 2, apartment 15, floor 4"))
                .extract().jsonPath().getLong("id");
        as(Shop.staff()).get("/api/orders/" + id).then().statusCode(200).body("address.city", equalTo("Moscow"));

        // an older client's free-text line is kept as it is, without fields
        Shop.guest().body(body(delivery, v.variantId(), "\"deliveryAddress\":\" Kazan, Baumana 5 \"")).post("/api/orders")
                .then().statusCode(201).body("deliveryAddress", equalTo("Kazan, Baumana 5")).body("address", nullValue());
    }

    @Test
    void aBadOrMissingAddressIsA400NamingTheFields() {
        VariantState v = Shop.known(Shop.variant(Shop.nextId(), "10.00", 10));
        long delivery = Shop.deliveryType("100", null);
        Shop.guest().body(body(delivery, v.variantId(), "\"address\":{\"street\":\"Lenina\",\"house\":\"\",\"floor\":500,\"postcode\":\"12#45\"}"))
                .post("/api/orders").then().statusCode(400).contentType(containsString("problem+json"))
                .body("errors.field", contains("address.city", "address.floor", "address.house", "address.postcode"));
        Shop.guest().body(body(delivery, v.variantId(), "")).post("/api/orders").then().statusCode(400)
                .contentType(containsString("problem+json")).body("errors.field", contains("address"));
        Shop.guest().body(body(delivery, v.variantId(), "\"deliveryAddress\":\"  \"")).post("/api/orders").then().statusCode(400)
                .body("errors.field", contains("deliveryAddress"));
        Shop.guest().body(body(delivery, v.variantId(), "\"address\":" + ADDRESS + ",\"deliveryAddress\":\"Kazan\""))
                .post("/api/orders").then().statusCode(400).body("errors.field", contains("deliveryAddress"));
        Shop.guest().body(body(delivery, v.variantId(), "\"address\":" + ADDRESS + ",\"addressId\":5"))
                .post("/api/orders").then().statusCode(400).body("errors.field", contains("addressId"));
        // a guest has no saved addresses
        Shop.guest().body(body(delivery, v.variantId(), "\"addressId\":5")).post("/api/orders").then().statusCode(400)
                .contentType(containsString("problem+json")).body("errors.field", contains("addressId"));
        Shop.guest().body(body(delivery, v.variantId(), "\"addressId\":0")).post("/api/orders").then().statusCode(400)
                .body("errors.field", contains("addressId"));
    }

    @Test
    void aCustomerChecksOutWithOwnSavedAddressCopiedOntoTheOrder() {
        long anna = Shop.nextId();
        long boris = Shop.nextId();
        String annaToken = Shop.customer(anna);
        VariantState v = Shop.known(Shop.variant(Shop.nextId(), "10.00", 100));
        long delivery = Shop.deliveryType("100", null);
        long addressId = Shop.nextId();
        send(anna, AddressChanged.SAVED, saved(addressId, anna, "Kazan"), Instant.now());

        long first = placeWhenKnown(annaToken, body(delivery, v.variantId(), "\"addressId\":" + addressId)).then()
                .body("address.city", equalTo("Kazan")).body("address.street", equalTo("Lenina"))
                .body("address.apartment", equalTo("3")).body("address.floor", equalTo(2))
                .body("address.postcode", equalTo("420111")).body("address.comment", equalTo("gate 2"))
                .body("address.savedAddressId", equalTo((int) addressId))
                .body("deliveryAddress", equalTo("420111, Kazan, Lenina 10, apartment 3, floor 2"))
                .extract().jsonPath().getLong("id");

        // not Boris's address: answered like an unknown one
        as(Shop.customer(boris)).body(body(delivery, v.variantId(), "\"addressId\":" + addressId)).post("/api/orders")
                .then().statusCode(404).contentType(containsString("problem+json"));
        as(Shop.customer(boris)).body(body(delivery, v.variantId(), "\"addressId\":" + Shop.nextId())).post("/api/orders")
                .then().statusCode(404);

        // the saved address is edited: the placed order keeps its copy, the next order takes the new one;
        // an older event arriving late changes nothing
        send(anna, AddressChanged.SAVED, saved(addressId, anna, "Samara"), Instant.now());
        send(anna, AddressChanged.SAVED, saved(addressId, anna, "Old town"), Instant.now().minusSeconds(3600));
        awaitHandled(anna, annaToken, delivery, v.variantId());
        as(annaToken).body(body(delivery, v.variantId(), "\"addressId\":" + addressId)).post("/api/orders").then()
                .statusCode(201).body("address.city", equalTo("Samara"));
        as(annaToken).get("/api/orders/" + first).then().statusCode(200).body("address.city", equalTo("Kazan"));

        // removed: no longer usable, and a late AddressSaved from before the removal does not bring it back
        send(anna, AddressChanged.REMOVED, saved(addressId, anna, "Samara"), Instant.now());
        send(anna, AddressChanged.SAVED, saved(addressId, anna, "Samara"), Instant.now().minusSeconds(60));
        awaitHandled(anna, annaToken, delivery, v.variantId());
        as(annaToken).body(body(delivery, v.variantId(), "\"addressId\":" + addressId)).post("/api/orders").then()
                .statusCode(404);
        as(annaToken).get("/api/orders/" + first).then().statusCode(200).body("address.city", equalTo("Kazan"));
    }

    @Test
    void aDeletedCustomersAddressesAreDropped() {
        long vera = Shop.nextId();
        String token = Shop.customer(vera);
        VariantState v = Shop.known(Shop.variant(Shop.nextId(), "10.00", 100));
        long delivery = Shop.deliveryType("100", null);
        long addressId = Shop.nextId();
        send(vera, AddressChanged.SAVED, saved(addressId, vera, "Tula"), Instant.now());
        placeWhenKnown(token, body(delivery, v.variantId(), "\"addressId\":" + addressId));

        EventEnvelope fresh = EventJson.envelope(CustomerChanged.DELETED, CustomerChanged.VERSION,
                new CustomerChanged(vera, null, null, null, null, null));
        TopicWatcher.send(KafkaResource.bootstrapServers(), Topics.CUSTOMERS_EVENTS, String.valueOf(vera), EventJson.write(fresh));
        awaitHandled(vera, token, delivery, v.variantId());
        as(token).body(body(delivery, v.variantId(), "\"addressId\":" + addressId)).post("/api/orders").then().statusCode(404);
    }
}
