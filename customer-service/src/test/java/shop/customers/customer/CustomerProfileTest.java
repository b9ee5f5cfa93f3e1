package shop.customers.customer;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import shop.contracts.EventEnvelope;
import shop.contracts.EventJson;
import shop.contracts.Topics;
import shop.contracts.customers.CustomerChanged;
import shop.customers.Accounts;
import shop.devstack.testing.KafkaResource;
import shop.devstack.testing.TestTokens;
import shop.devstack.testing.TopicWatcher;

@QuarkusTest
class CustomerProfileTest {
    static final String STAFF = TestTokens.issue("999997", "manager");

    static String fullProfile() {
        return """
                {"firstName":"Maria","middleName":"Ivanovna","lastName":"Sidorova","birthday":"1990-04-25",
                 "gender":"F","city":"Kazan","company":"Roga","position":"Buyer"}""";
    }

    @Test
    void patchChangesGivenFieldsAndNullClearsOptionalOnes() {
        Accounts.Customer customer = Accounts.register();
        String token = Accounts.accessToken(customer);
        given().auth().oauth2(token).contentType(ContentType.JSON).body(fullProfile())
                .when().patch("/api/customers/" + customer.id())
                .then().statusCode(200)
                .body("firstName", equalTo("Maria")).body("middleName", equalTo("Ivanovna"))
                .body("birthday", equalTo("1990-04-25")).body("gender", equalTo("F"))
                .body("city", equalTo("Kazan")).body("company", equalTo("Roga")).body("position", equalTo("Buyer"))
                .body("email", equalTo(customer.email()));

        given().auth().oauth2(token).contentType(ContentType.JSON)
                .body("{\"middleName\":null,\"birthday\":null,\"gender\":null,\"city\":null,\"company\":null,\"position\":null}")
                .when().patch("/api/customers/" + customer.id())
                .then().statusCode(200)
                .body("firstName", equalTo("Maria")).body("lastName", equalTo("Sidorova"))
                .body("middleName", nullValue()).body("birthday", nullValue()).body("gender", nullValue())
                .body("city", nullValue()).body("company", nullValue()).body("position", nullValue());
        given().auth().oauth2(token).when().get("/api/customers/" + customer.id())
                .then().statusCode(200).body("city", nullValue()).body("firstName", equalTo("Maria"));
    }

    @Test
    void patchRejectsBadValuesWithoutChangingAnything() {
        Accounts.Customer customer = Accounts.register();
        String token = Accounts.accessToken(customer);
        given().auth().oauth2(token).contentType(ContentType.JSON)
                .body("{\"firstName\":null,\"lastName\":\"  \",\"email\":null,\"gender\":\"X\",\"birthday\":\"25.04.1990\",\"city\":5}")
                .when().patch("/api/customers/" + customer.id())
                .then().statusCode(400).contentType("application/problem+json")
                .body("errors.field", hasItem("firstName")).body("errors.field", hasItem("lastName"))
                .body("errors.field", hasItem("email")).body("errors.field", hasItem("gender"))
                .body("errors.field", hasItem("birthday")).body("errors.field", hasItem("city"));
        given().auth().oauth2(token).contentType(ContentType.JSON).body("{\"city\":\"Omsk\",\"favouriteColour\":\"red\"}")
                .when().patch("/api/customers/" + customer.id())
                .then().statusCode(400).body("errors.field", contains("favouriteColour"));
        given().auth().oauth2(token).contentType(ContentType.JSON).body("[1]")
                .when().patch("/api/customers/" + customer.id()).then().statusCode(400);
        given().auth().oauth2(token).contentType(ContentType.JSON).body("{\"phone\":\"+79990001122\"}")
                .when().patch("/api/customers/" + customer.id()).then().statusCode(400);
        given().auth().oauth2(token).when().get("/api/customers/" + customer.id())
                .then().statusCode(200).body("firstName", equalTo("Anna")).body("city", nullValue());
    }

    @Test
    void onlyTheCustomerItselfOrStaffReachTheProfile() {
        Accounts.Customer mine = Accounts.register();
        Accounts.Customer theirs = Accounts.register();
        String token = Accounts.accessToken(mine);
        given().auth().oauth2(token).contentType(ContentType.JSON).body("{\"city\":\"Omsk\"}")
                .when().patch("/api/customers/" + theirs.id()).then().statusCode(403);
        given().auth().oauth2(token).when().delete("/api/customers/" + theirs.id()).then().statusCode(403);
        given().auth().oauth2(token).contentType(ContentType.JSON).body("{\"phone\":\"%s\"}".formatted(Accounts.uniquePhone()))
                .when().put("/api/customers/" + theirs.id() + "/phone").then().statusCode(403);
        given().auth().oauth2(TestTokens.issue(String.valueOf(theirs.id()), "supplier")).when()
                .get("/api/customers/" + theirs.id()).then().statusCode(403);
        given().auth().oauth2(STAFF).contentType(ContentType.JSON).body("{\"city\":\"Omsk\"}")
                .when().patch("/api/customers/" + theirs.id()).then().statusCode(200).body("city", equalTo("Omsk"));
        given().auth().oauth2(STAFF).when().get("/api/customers/99999999").then().statusCode(404);
    }

    @Test
    void anEmailChangeMustStayUniqueAndNeedsConfirmingAgain() {
        Accounts.Customer customer = Accounts.register();
        Accounts.Customer other = Accounts.register();
        String token = Accounts.accessToken(customer);
        given().contentType(ContentType.JSON).body("{\"email\":\"%s\",\"token\":\"%s\"}".formatted(customer.email(),
                        Accounts.mailedToken(customer.email(), "Confirm", 1)))
                .when().post("/api/customers/confirm").then().statusCode(204);
        given().auth().oauth2(token).when().get("/api/customers/" + customer.id())
                .then().body("emailConfirmedAt", notNullValue());

        given().auth().oauth2(token).contentType(ContentType.JSON).body("{\"email\":\"%s\"}".formatted(other.email().toUpperCase()))
                .when().patch("/api/customers/" + customer.id()).then().statusCode(409);

        String newEmail = Accounts.uniqueEmail();
        given().auth().oauth2(token).contentType(ContentType.JSON).body("{\"email\":\"%s\"}".formatted(newEmail))
                .when().patch("/api/customers/" + customer.id())
                .then().statusCode(200).body("email", equalTo(newEmail)).body("emailConfirmedAt", nullValue());
        String confirmation = Accounts.mailedToken(newEmail, "Confirm", 1);
        given().contentType(ContentType.JSON).body("{\"email\":\"%s\",\"token\":\"%s\"}".formatted(newEmail, confirmation))
                .when().post("/api/customers/confirm").then().statusCode(204);
        given().auth().oauth2(token).when().get("/api/customers/" + customer.id())
                .then().body("emailConfirmedAt", notNullValue());
        Accounts.signIn("email", newEmail, Accounts.PASSWORD).then().statusCode(200);
        Accounts.signIn("email", customer.email(), Accounts.PASSWORD).then().statusCode(401);
    }

    @Test
    void thePhoneIsChangedOnItsOwnNormalisedAndUnique() {
        Accounts.Customer customer = Accounts.register();
        Accounts.Customer other = Accounts.register();
        String token = Accounts.accessToken(customer);
        String fresh = Accounts.uniquePhone();
        String typed = "8 (" + fresh.substring(2, 5) + ") " + fresh.substring(5);
        given().auth().oauth2(token).contentType(ContentType.JSON).body("{\"phone\":\"%s\"}".formatted(typed))
                .when().put("/api/customers/" + customer.id() + "/phone")
                .then().statusCode(200).body("phone", equalTo(fresh));
        given().auth().oauth2(token).contentType(ContentType.JSON).body("{\"phone\":\"%s\"}".formatted(other.phone()))
                .when().put("/api/customers/" + customer.id() + "/phone").then().statusCode(409);
        given().auth().oauth2(token).contentType(ContentType.JSON).body("{\"phone\":\"12-34\"}")
                .when().put("/api/customers/" + customer.id() + "/phone")
                .then().statusCode(400).body("errors.field", contains("phone"));
        Accounts.signIn("phone", fresh, Accounts.PASSWORD).then().statusCode(200);
    }

    @Test
    void softDeleteHidesTheCustomerAndFreesEmailAndPhone() {
        Accounts.Customer customer = Accounts.register();
        String token = Accounts.accessToken(customer);
        given().auth().oauth2(token).when().delete("/api/customers/" + customer.id()).then().statusCode(204);

        given().auth().oauth2(STAFF).when().get("/api/customers/" + customer.id()).then().statusCode(404);
        given().auth().oauth2(STAFF).when().delete("/api/customers/" + customer.id()).then().statusCode(404);
        given().auth().oauth2(STAFF).queryParam("q", customer.email()).when().get("/api/customers")
                .then().statusCode(200).body("total", equalTo(0));
        Accounts.signIn("email", customer.email(), Accounts.PASSWORD).then().statusCode(401);

        Accounts.Customer again = Accounts.register(customer.email(), customer.phone());
        org.junit.jupiter.api.Assertions.assertNotEquals(customer.id(), again.id());
        Accounts.signIn("email", customer.email(), Accounts.PASSWORD).then().statusCode(200)
                .body("roles", contains("customer"));
    }

    @Test
    void staffListAndSearchCustomers() {
        String marker = "Zq" + System.nanoTime();
        Accounts.Customer customer = Accounts.register();
        given().auth().oauth2(Accounts.accessToken(customer)).contentType(ContentType.JSON)
                .body("{\"lastName\":\"%s\"}".formatted(marker))
                .when().patch("/api/customers/" + customer.id()).then().statusCode(200);

        given().auth().oauth2(STAFF).queryParam("q", marker.toUpperCase()).when().get("/api/customers")
                .then().statusCode(200).body("total", equalTo(1)).body("items[0].id", equalTo((int) customer.id()));
        given().auth().oauth2(STAFF).queryParam("q", customer.email().toUpperCase()).when().get("/api/customers")
                .then().statusCode(200).body("items.id", contains((int) customer.id()));
        given().auth().oauth2(STAFF).queryParam("q", customer.phone().substring(1)).when().get("/api/customers")
                .then().statusCode(200).body("items.id", contains((int) customer.id()));
        given().auth().oauth2(STAFF).queryParam("q", "+7 (" + customer.phone().substring(2, 5) + ") "
                        + customer.phone().substring(5)).when().get("/api/customers")
                .then().statusCode(200).body("items.id", contains((int) customer.id()));
        // a query that is not written like a phone does not search phones by its digits
        given().auth().oauth2(STAFF).queryParam("q", "nobody-" + customer.phone().substring(1)).when().get("/api/customers")
                .then().statusCode(200).body("total", equalTo(0));
        // LIKE wildcards in q are taken literally
        given().auth().oauth2(STAFF).queryParam("q", "%").when().get("/api/customers")
                .then().statusCode(200).body("total", equalTo(0));
        given().auth().oauth2(STAFF).queryParam("limit", 1).queryParam("offset", 1).when().get("/api/customers")
                .then().statusCode(200).body("items.size()", equalTo(1)).body("items[0]", not(org.hamcrest.Matchers.hasKey("passwordHash")));
        given().auth().oauth2(STAFF).queryParam("limit", 0).when().get("/api/customers").then().statusCode(400);
        given().auth().oauth2(Accounts.accessToken(customer)).when().get("/api/customers").then().statusCode(403);
    }

    @Test
    void updatesAndDeletionsArePublished() {
        Accounts.Customer customer = Accounts.register();
        String token = Accounts.accessToken(customer);
        given().auth().oauth2(token).contentType(ContentType.JSON).body("{\"firstName\":\"Renamed\",\"middleName\":\"Petrovna\"}")
                .when().patch("/api/customers/" + customer.id()).then().statusCode(200);
        given().auth().oauth2(token).when().delete("/api/customers/" + customer.id()).then().statusCode(204);

        EventEnvelope updated = EventJson.read(TopicWatcher.awaitRecord(KafkaResource.bootstrapServers(),
                Topics.CUSTOMERS_EVENTS, (key, value) -> key.equals(String.valueOf(customer.id()))
                        && value.contains(CustomerChanged.UPDATED), Duration.ofSeconds(30)));
        assertEquals("Renamed", EventJson.payload(updated, CustomerChanged.class).firstName());
        // order-service fills an order's contact from these, the patronymic included
        assertEquals("Petrovna", EventJson.payload(updated, CustomerChanged.class).middleName());
        EventEnvelope deleted = EventJson.read(TopicWatcher.awaitRecord(KafkaResource.bootstrapServers(),
                Topics.CUSTOMERS_EVENTS, (key, value) -> key.equals(String.valueOf(customer.id()))
                        && value.contains(CustomerChanged.DELETED), Duration.ofSeconds(30)));
        assertEquals(customer.id(), EventJson.payload(deleted, CustomerChanged.class).customerId());
    }
}
