package shop.customers.address;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.specification.RequestSpecification;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import shop.contracts.EventEnvelope;
import shop.contracts.EventJson;
import shop.contracts.Topics;
import shop.contracts.customers.AddressChanged;
import shop.customers.common.RegisteredCustomers;
import shop.customers.common.RegisteredCustomers.Shopper;
import shop.devstack.testing.KafkaResource;
import shop.devstack.testing.TopicWatcher;

/** Saved addresses carry a postcode and publish every change on customers.events for order-service. */
@QuarkusTest
class AddressEventsTest {
    private static RequestSpecification as(String token) {
        return given().auth().oauth2(token).contentType(ContentType.JSON);
    }

    private static String base(Shopper owner) {
        return "/api/customers/" + owner.id() + "/addresses";
    }

    @Test
    void createChangeAndDeleteArePublishedInOrderWithTheWholeAddress() {
        Shopper owner = RegisteredCustomers.register();
        long id = ((Number) as(owner.token()).body("""
                        {"city":"Moscow","street":"Tverskaya","house":"7","apartment":"15","postcode":" 125009 ",
                         "phone":"8 (916) 555-12-34"}""")
                .post(base(owner)).then().statusCode(201).body("postcode", equalTo("125009"))
                .extract().path("id")).longValue();
        as(owner.token()).body("{\"postcode\":\"101000\",\"comment\":\"ring twice\"}").patch(base(owner) + "/" + id)
                .then().statusCode(200).body("postcode", equalTo("101000")).body("city", equalTo("Moscow"));
        as(owner.token()).body("{\"postcode\":null}").patch(base(owner) + "/" + id)
                .then().statusCode(200).body("postcode", nullValue());
        as(owner.token()).delete(base(owner) + "/" + id).then().statusCode(204);

        List<EventEnvelope> events = new ArrayList<>();
        TopicWatcher.awaitRecord(KafkaResource.bootstrapServers(), Topics.CUSTOMERS_EVENTS, (key, value) -> {
            if (!key.equals(String.valueOf(owner.id())) || !value.contains("\"Address")) {
                return false;
            }
            EventEnvelope event = EventJson.read(value);
            events.add(event);
            return event.type().equals(AddressChanged.REMOVED);
        }, Duration.ofSeconds(30));

        assertEquals(List.of(AddressChanged.SAVED, AddressChanged.SAVED, AddressChanged.SAVED, AddressChanged.REMOVED),
                events.stream().map(EventEnvelope::type).toList());
        AddressChanged created = EventJson.payload(events.get(0), AddressChanged.class);
        assertEquals(id, created.addressId());
        assertEquals(owner.id(), created.customerId());
        assertEquals("125009", created.postcode());
        assertEquals("Tverskaya", created.street());
        assertEquals("15", created.apartment());
        assertEquals("+79165551234", created.phone());
        AddressChanged changed = EventJson.payload(events.get(1), AddressChanged.class);
        assertEquals("101000", changed.postcode());
        assertEquals("ring twice", changed.comment());
        assertEquals("Moscow", changed.city());
        AddressChanged removed = EventJson.payload(events.get(3), AddressChanged.class);
        assertEquals(id, removed.addressId());
        assertNull(removed.postcode());
        assertEquals("ring twice", removed.comment());
    }

    @Test
    void aPostcodeIsSixDigits() {
        Shopper owner = RegisteredCustomers.register();
        for (String bad : List.of("12345", "1234567", "12a456", "", "١٢٣٤٥٦")) {
            as(owner.token()).body("{\"city\":\"Kazan\",\"street\":\"Baumana\",\"house\":\"1\",\"postcode\":\"" + bad + "\"}")
                    .post(base(owner)).then().statusCode(400)
                    .contentType("application/problem+json")
                    .body("errors.field", contains("postcode"));
        }
        as(owner.token()).body("{\"city\":\"Kazan\",\"street\":\"Baumana\",\"house\":\"1\",\"postcode\":123456}")
                .post(base(owner)).then().statusCode(400);
        long id = ((Number) as(owner.token()).body("{\"city\":\"Kazan\",\"street\":\"Baumana\",\"house\":\"1\"}")
                .post(base(owner)).then().statusCode(201).body("postcode", nullValue()).extract().path("id")).longValue();
        as(owner.token()).body("{\"postcode\":\"4200\"}").patch(base(owner) + "/" + id)
                .then().statusCode(400).body("errors.field", contains("postcode"));
    }

    @Test
    void aRefusedChangePublishesNothingAndOthersCannotChangeTheAddress() {
        Shopper owner = RegisteredCustomers.register();
        Shopper stranger = RegisteredCustomers.register();
        long id = ((Number) as(owner.token()).body("{\"city\":\"Kazan\",\"street\":\"Baumana\",\"house\":\"1\",\"postcode\":\"420111\"}")
                .post(base(owner)).then().statusCode(201).extract().path("id")).longValue();
        as(stranger.token()).body("{\"postcode\":\"101000\"}").patch(base(owner) + "/" + id).then().statusCode(403);
        as(stranger.token()).delete(base(owner) + "/" + id).then().statusCode(403);
        as(RegisteredCustomers.staffToken()).body("{\"postcode\":\"101000\"}").patch(base(owner) + "/" + id).then().statusCode(403);
        as(owner.token()).body("{\"postcode\":\"bad\"}").patch(base(owner) + "/" + id).then().statusCode(400);
        // a marker after the refused attempts: every event of the address before it is the creation alone
        as(owner.token()).delete(base(owner) + "/" + id).then().statusCode(204);
        List<String> types = new ArrayList<>();
        TopicWatcher.awaitRecord(KafkaResource.bootstrapServers(), Topics.CUSTOMERS_EVENTS, (key, value) -> {
            if (!key.equals(String.valueOf(owner.id())) || !value.contains("\"Address")) {
                return false;
            }
            types.add(EventJson.read(value).type());
            return value.contains(AddressChanged.REMOVED);
        }, Duration.ofSeconds(30));
        assertEquals(List.of(AddressChanged.SAVED, AddressChanged.REMOVED), types);
    }
}
