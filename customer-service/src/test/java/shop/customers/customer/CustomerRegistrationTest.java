package shop.customers.customer;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import shop.contracts.EventEnvelope;
import shop.contracts.EventJson;
import shop.contracts.Topics;
import shop.contracts.customers.CustomerChanged;
import shop.devstack.testing.KafkaResource;
import shop.devstack.testing.TestTokens;
import shop.devstack.testing.TopicWatcher;

@QuarkusTest
class CustomerRegistrationTest {
    private static final AtomicInteger SEQ = new AtomicInteger((int) (System.nanoTime() % 1_000_000));

    record Registered(long id, String email, String phone) {
    }

    static Registered register(String phoneAsTyped) {
        String email = "shopper" + SEQ.incrementAndGet() + "@example.com";
        int id = given().contentType(ContentType.JSON).body("""
                        {"firstName":"Anna","lastName":"Petrova","email":"%s","phone":"%s","password":"secret-pass"}"""
                        .formatted(email, phoneAsTyped))
                .when().post("/api/customers")
                .then().statusCode(201)
                .body("email", equalTo(email))
                .body("passwordHash", nullValue())
                .extract().path("id");
        return new Registered(id, email, phoneAsTyped);
    }

    static String uniquePhone() {
        return "8 (916) " + String.format("%07d", SEQ.incrementAndGet() % 10_000_000);
    }

    static String signIn(String field, String value) {
        return given().contentType(ContentType.JSON)
                .body("{\"%s\":\"%s\",\"password\":\"secret-pass\"}".formatted(field, value))
                .when().post("/api/auth/token")
                .then().statusCode(200).body("roles", contains("customer"))
                .extract().path("accessToken");
    }

    @Test
    void aRegisteredCustomerSignsInWithEmailOrPhoneAndSeesItself() {
        String phone = uniquePhone();
        Registered customer = register(phone);
        String byEmail = signIn("email", customer.email().toUpperCase());
        signIn("phone", phone.replace("8 (916)", "+7 916"));

        given().auth().oauth2(byEmail).when().get("/api/customers/" + customer.id())
                .then().statusCode(200)
                .body("phone", equalTo("+7916" + phone.substring(8)))
                .body("firstName", equalTo("Anna"));
    }

    @Test
    void aCustomerCannotSeeAnotherCustomerButStaffCan() {
        Registered mine = register(uniquePhone());
        Registered theirs = register(uniquePhone());
        String token = signIn("email", mine.email());

        given().auth().oauth2(token).when().get("/api/customers/" + theirs.id())
                .then().statusCode(403).contentType("application/problem+json");
        given().when().get("/api/customers/" + theirs.id()).then().statusCode(401);
        given().auth().oauth2(TestTokens.issue("1", "manager")).when().get("/api/customers/" + theirs.id())
                .then().statusCode(200).body("email", equalTo(theirs.email()));
    }

    @Test
    void aTamperedOrForeignTokenIsRefused() {
        Registered mine = register(uniquePhone());
        String token = signIn("email", mine.email());
        String[] parts = token.split("\\.");
        String tampered = parts[0] + "." + parts[1].substring(0, parts[1].length() - 2) + "AA." + parts[2];
        given().auth().oauth2(tampered).when().get("/api/customers/" + mine.id()).then().statusCode(401);
        given().auth().oauth2(TestTokens.issueWithForeignKey(String.valueOf(mine.id()), "customer"))
                .when().get("/api/customers/" + mine.id()).then().statusCode(401);
    }

    @Test
    void emailAndPhoneAreUniqueAndValidated() {
        String phone = uniquePhone();
        Registered first = register(phone);
        given().contentType(ContentType.JSON).body("""
                        {"firstName":"B","lastName":"C","email":"%s","phone":"%s","password":"secret-pass"}"""
                        .formatted(first.email(), uniquePhone()))
                .when().post("/api/customers").then().statusCode(409);
        given().contentType(ContentType.JSON).body("""
                        {"firstName":"B","lastName":"C","email":"other%d@example.com","phone":"%s","password":"secret-pass"}"""
                        .formatted(SEQ.incrementAndGet(), phone))
                .when().post("/api/customers").then().statusCode(409);
        given().contentType(ContentType.JSON).body("""
                        {"firstName":"","lastName":"C","email":"not-an-email","phone":"12345","password":"short"}""")
                .when().post("/api/customers").then().statusCode(400)
                .body("errors.field", hasItem("firstName"))
                .body("errors.field", hasItem("email"))
                .body("errors.field", hasItem("password"));
    }

    @Test
    void registrationIsPublishedOnCustomersEvents() {
        Registered customer = register(uniquePhone());
        String record = TopicWatcher.awaitRecord(KafkaResource.bootstrapServers(), Topics.CUSTOMERS_EVENTS,
                (key, value) -> key.equals(String.valueOf(customer.id())), Duration.ofSeconds(30));
        EventEnvelope event = EventJson.read(record);
        assertEquals(CustomerChanged.REGISTERED, event.type());
        assertEquals(customer.email(), EventJson.payload(event, CustomerChanged.class).email());
    }
}
