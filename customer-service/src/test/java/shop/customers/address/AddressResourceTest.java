package shop.customers.address;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItems;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.ExtractableResponse;
import io.restassured.response.Response;
import io.restassured.specification.RequestSpecification;
import org.junit.jupiter.api.Test;
import shop.customers.common.RegisteredCustomers;
import shop.customers.common.RegisteredCustomers.Shopper;

@QuarkusTest
class AddressResourceTest {
    private static final String FULL = """
            {"city":"Moscow","street":"Tverskaya","house":"7","building":"2","apartment":"15","floor":3,
             "phone":"8 (916) 555-12-34","comment":"ring twice"}""";
    private static final String MINIMAL = """
            {"city":"Kazan","street":"Baumana","house":"1"}""";

    private static RequestSpecification as(String token) {
        return given().auth().oauth2(token).contentType(ContentType.JSON);
    }

    private static String base(Shopper owner) {
        return "/api/customers/" + owner.id() + "/addresses";
    }

    private static long create(Shopper owner, String body) {
        return ((Number) as(owner.token()).body(body).post(base(owner))
                .then().statusCode(201).extract().path("id")).longValue();
    }

    @Test
    void theOwnerSavesReadsChangesAndDeletesAnAddress() {
        Shopper owner = RegisteredCustomers.register();
        ExtractableResponse<Response> created = as(owner.token()).body(FULL).post(base(owner))
                .then().statusCode(201)
                .body("city", equalTo("Moscow"))
                .body("floor", equalTo(3))
                .body("phone", equalTo("+79165551234"))
                .body("customerId", equalTo((int) owner.id()))
                .extract();
        long id = ((Number) created.path("id")).longValue();
        assertTrue(created.header("Location").endsWith(base(owner) + "/" + id), created.header("Location"));

        as(owner.token()).get(base(owner) + "/" + id).then().statusCode(200)
                .body("street", equalTo("Tverskaya")).body("comment", equalTo("ring twice"));

        // PATCH changes what is sent, clears what is sent as null, keeps the rest
        as(owner.token()).body("""
                        {"street":"Arbat","apartment":null,"phone":"+7 916 000 11 22"}""")
                .patch(base(owner) + "/" + id).then().statusCode(200)
                .body("street", equalTo("Arbat"))
                .body("apartment", nullValue())
                .body("phone", equalTo("+79160001122"))
                .body("city", equalTo("Moscow"))
                .body("building", equalTo("2"));
        as(owner.token()).get(base(owner) + "/" + id).then().statusCode(200)
                .body("street", equalTo("Arbat")).body("apartment", nullValue());

        as(owner.token()).delete(base(owner) + "/" + id).then().statusCode(204);
        as(owner.token()).get(base(owner) + "/" + id).then().statusCode(404);
        as(owner.token()).delete(base(owner) + "/" + id).then().statusCode(404);
    }

    @Test
    void theListIsTheOwnersOnlyNewestFirstAndPaged() {
        Shopper owner = RegisteredCustomers.register();
        Shopper other = RegisteredCustomers.register();
        long first = create(owner, MINIMAL);
        long second = create(owner, FULL);
        long third = create(owner, MINIMAL);
        create(other, FULL);

        as(owner.token()).get(base(owner)).then().statusCode(200)
                .body("total", equalTo(3))
                .body("items.id", contains((int) third, (int) second, (int) first));
        as(owner.token()).queryParam("limit", 1).queryParam("offset", 1).get(base(owner)).then().statusCode(200)
                .body("total", equalTo(3))
                .body("items.id", contains((int) second));
        as(owner.token()).queryParam("limit", 0).get(base(owner)).then().statusCode(400)
                .body("errors.field", hasItems("limit"));
    }

    @Test
    void anotherCustomerGets403ForEverythingWhetherOrNotTheAddressExists() {
        Shopper owner = RegisteredCustomers.register();
        Shopper intruder = RegisteredCustomers.register();
        long id = create(owner, FULL);
        String existing = base(owner) + "/" + id;
        String missing = base(owner) + "/" + (id + 1_000_000);

        as(intruder.token()).get(base(owner)).then().statusCode(403).contentType("application/problem+json");
        for (String path : new String[] {existing, missing}) {
            as(intruder.token()).get(path).then().statusCode(403);
            as(intruder.token()).body("{\"city\":\"X\"}").patch(path).then().statusCode(403);
            as(intruder.token()).delete(path).then().statusCode(403);
        }
        as(intruder.token()).body(FULL).post(base(owner)).then().statusCode(403);
        // a customer path that does not exist at all: still 403, never a hint
        as(intruder.token()).get("/api/customers/" + (owner.id() + 1_000_000) + "/addresses").then().statusCode(403);

        // and the owner's address is untouched
        as(owner.token()).get(existing).then().statusCode(200).body("city", equalTo("Moscow"));
    }

    @Test
    void anAddressIdOfAnotherCustomerIsNotFoundUnderOnesOwnPath() {
        Shopper owner = RegisteredCustomers.register();
        Shopper other = RegisteredCustomers.register();
        long theirs = create(other, FULL);
        as(owner.token()).get(base(owner) + "/" + theirs).then().statusCode(404);
        as(owner.token()).body("{\"city\":\"X\"}").patch(base(owner) + "/" + theirs).then().statusCode(404);
        as(owner.token()).delete(base(owner) + "/" + theirs).then().statusCode(404);
        as(other.token()).get(base(other) + "/" + theirs).then().statusCode(200).body("city", equalTo("Moscow"));
    }

    @Test
    void staffMayReadButNotChange() {
        Shopper owner = RegisteredCustomers.register();
        long id = create(owner, FULL);
        String staff = RegisteredCustomers.staffToken();
        as(staff).get(base(owner)).then().statusCode(200).body("items.id", contains((int) id));
        as(staff).get(base(owner) + "/" + id).then().statusCode(200).body("city", equalTo("Moscow"));
        as(staff).body(MINIMAL).post(base(owner)).then().statusCode(403);
        as(staff).body("{\"city\":\"X\"}").patch(base(owner) + "/" + id).then().statusCode(403);
        as(staff).delete(base(owner) + "/" + id).then().statusCode(403);
        as(staff).get("/api/customers/" + (owner.id() + 1_000_000) + "/addresses").then().statusCode(404);
    }

    @Test
    void withoutATokenItIs401() {
        Shopper owner = RegisteredCustomers.register();
        long id = create(owner, FULL);
        given().get(base(owner)).then().statusCode(401);
        given().get(base(owner) + "/" + id).then().statusCode(401);
        given().contentType(ContentType.JSON).body(FULL).post(base(owner)).then().statusCode(401);
        given().contentType(ContentType.JSON).body("{}").patch(base(owner) + "/" + id).then().statusCode(401);
        given().delete(base(owner) + "/" + id).then().statusCode(401);
    }

    @Test
    void invalidAddressesAreRefusedWithTheFieldsNamed() {
        Shopper owner = RegisteredCustomers.register();
        as(owner.token()).body("""
                        {"city":"","house":"%s","floor":1000}""".formatted("9".repeat(21)))
                .post(base(owner)).then().statusCode(400)
                .contentType("application/problem+json")
                .body("errors.field", hasItems("city", "street", "house", "floor"));
        as(owner.token()).body(MINIMAL.replace("}", ",\"phone\":\"12345\"}")).post(base(owner))
                .then().statusCode(400).body("errors.field", contains("phone"));
        as(owner.token()).body(MINIMAL.replace("}", ",\"flat\":\"5\"}")).post(base(owner))
                .then().statusCode(400).body("errors.field", contains("flat"));
        as(owner.token()).body(MINIMAL.replace("}", ",\"floor\":\"high\"}")).post(base(owner))
                .then().statusCode(400).body("errors.field", contains("floor"));
        as(owner.token()).get(base(owner)).then().body("total", equalTo(0));

        long id = create(owner, FULL);
        as(owner.token()).body("{\"city\":null}").patch(base(owner) + "/" + id)
                .then().statusCode(400).body("errors.field", contains("city"));
        as(owner.token()).body("{\"phone\":\"abc\"}").patch(base(owner) + "/" + id)
                .then().statusCode(400).body("errors.field", contains("phone"));
        as(owner.token()).body("{\"entrance\":2}").patch(base(owner) + "/" + id)
                .then().statusCode(400).body("errors.field", contains("entrance"));
        as(owner.token()).body("[1]").patch(base(owner) + "/" + id).then().statusCode(400);
        as(owner.token()).get(base(owner) + "/" + id).then().statusCode(200)
                .body("city", equalTo("Moscow")).body("phone", equalTo("+79165551234"));
    }

    @Test
    void aPatchMeetsTheCreateConstraintsAndABlankOptionalFieldClears() {
        Shopper owner = RegisteredCustomers.register();
        long id = create(owner, FULL);
        as(owner.token()).body("{\"floor\":301,\"house\":\" \"}").patch(base(owner) + "/" + id)
                .then().statusCode(400).body("errors.field", contains("floor", "house"));
        as(owner.token()).body("{\"floor\":\"high\"}").patch(base(owner) + "/" + id)
                .then().statusCode(400).body("errors.field", contains("floor"));
        as(owner.token()).body("{\"comment\":\"  \",\"phone\":\"\",\"floor\":-10}").patch(base(owner) + "/" + id)
                .then().statusCode(200)
                .body("comment", nullValue()).body("phone", nullValue()).body("floor", equalTo(-10))
                .body("house", equalTo("7"));
    }
}
