package shop.customers.customer;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import shop.contracts.EventJson;
import shop.contracts.Topics;
import shop.contracts.customers.CustomerChanged;
import shop.devstack.testing.KafkaResource;
import shop.devstack.testing.TopicWatcher;
import shop.customers.Accounts;
import shop.devstack.testing.TestTokens;

@QuarkusTest
class GuestTakeoverTest {
    @Inject
    EntityManager em;

    /**
     * A guest record as a guest order or the legacy import leaves it (GuestOrdersTest makes them from
     * orders.events; plain SQL here keeps these registration rules apart from Kafka).
     */
    long guest(String email, String phone) {
        return QuarkusTransaction.requiringNew().call(() -> ((Number) em.createNativeQuery("""
                        insert into customer (first_name, last_name, email, phone, guest)
                        values ('Guest', 'Buyer', :email, :phone, true) returning id""")
                .setParameter("email", email).setParameter("phone", phone).getSingleResult()).longValue());
    }

    static io.restassured.response.Response register(String email, String phone) {
        return given().contentType(ContentType.JSON).body("""
                        {"firstName":"Nina","lastName":"Orlova","email":"%s","phone":"%s","password":"%s"}"""
                        .formatted(email, phone, Accounts.PASSWORD))
                .when().post("/api/customers");
    }

    @Test
    void registeringWithAGuestsEmailTakesTheRecordOver() {
        String email = Accounts.uniqueEmail();
        long id = guest(email, Accounts.uniquePhone());
        String phone = Accounts.uniquePhone();
        register(email.toUpperCase(), phone).then().statusCode(201)
                .body("id", equalTo((int) id)).body("guest", equalTo(false))
                .body("firstName", equalTo("Nina")).body("phone", equalTo(phone));
        Accounts.signIn("email", email, Accounts.PASSWORD).then().statusCode(200);
        // now a registered customer: a second registration is a conflict
        register(email, Accounts.uniquePhone()).then().statusCode(409);
    }

    @Test
    void registeringWithAGuestsPhoneTakesTheRecordOver() {
        String phone = Accounts.uniquePhone();
        long id = guest(null, phone);
        String email = Accounts.uniqueEmail();
        register(email, phone).then().statusCode(201).body("id", equalTo((int) id));
        // the takeover is a registration for the rest of the platform, under the guest's id
        String record = TopicWatcher.awaitRecord(KafkaResource.bootstrapServers(), Topics.CUSTOMERS_EVENTS,
                (key, value) -> key.equals(String.valueOf(id)) && value.contains(CustomerChanged.REGISTERED),
                Duration.ofSeconds(30));
        assertEquals(email, EventJson.payload(EventJson.read(record), CustomerChanged.class).email());
        given().auth().oauth2(TestTokens.issue("1", "manager")).when().get("/api/customers/" + id)
                .then().statusCode(200).body("email", equalTo(email)).body("guest", equalTo(false));
    }

    @Test
    void aGuestCannotSignInOrResetAPassword() {
        String email = Accounts.uniqueEmail();
        guest(email, Accounts.uniquePhone());
        Accounts.signIn("email", email, "").then().statusCode(400);
        Accounts.signIn("email", email, Accounts.PASSWORD).then().statusCode(401);
    }

    @Test
    void aGuestEmailAndARegisteredPhoneConflict() {
        String email = Accounts.uniqueEmail();
        guest(email, Accounts.uniquePhone());
        Accounts.Customer registered = Accounts.register();
        register(email, registered.phone()).then().statusCode(409);
    }
}
