package shop.customers.favorite;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsInAnyOrder;
import static org.hamcrest.Matchers.equalTo;
import static shop.customers.favorite.FavoriteResourceTest.PRODUCTS;
import static shop.customers.favorite.FavoriteResourceTest.as;
import static shop.customers.favorite.FavoriteResourceTest.base;

import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.Test;
import shop.customers.common.RegisteredCustomers;
import shop.customers.common.RegisteredCustomers.Shopper;
import shop.devstack.testing.TestTokens;

/** Staff's list of everyone's favorites and deleting favorites by id (seed 004). */
@QuarkusTest
class AllFavoritesTest {
    private static final String ALL = "/api/customers/favorites";

    /** Adds the favorite; its id. */
    private static int add(Shopper shopper, int productId) {
        return as(shopper.token()).body("{\"productId\":" + productId + "}").post(base(shopper.id()))
                .then().statusCode(201).extract().path("id");
    }

    private static String addedAt(Shopper shopper, int productId) {
        return as(shopper.token()).queryParam("productId", productId).get(base(shopper.id()))
                .then().statusCode(200).extract().path("items[0].addedAt");
    }

    @Test
    void staffFilterByCustomersProductAndWhenAdded() {
        Shopper anna = RegisteredCustomers.register();
        Shopper boris = RegisteredCustomers.register();
        Shopper carl = RegisteredCustomers.register();
        int dress = PRODUCTS.incrementAndGet();
        int coat = PRODUCTS.incrementAndGet();
        int annasDress = add(anna, dress);
        int borisDress = add(boris, dress);
        int borisCoat = add(boris, coat);
        int carlsDress = add(carl, dress);
        String staff = RegisteredCustomers.staffToken();
        String customers = anna.id() + "," + boris.id();

        as(staff).queryParam("customerId", customers).get(ALL).then().statusCode(200)
                .body("total", equalTo(3))
                .body("items.id", contains(borisCoat, borisDress, annasDress))
                .body("items[0].customerId", equalTo((int) boris.id()))
                .body("items[0].productId", equalTo(coat))
                .body("items[0].addedAt", equalTo(addedAt(boris, coat)));
        as(staff).queryParam("customerId", anna.id()).queryParam("customerId", carl.id()).queryParam("productId", dress)
                .get(ALL).then().statusCode(200).body("items.id", contains(carlsDress, annasDress));
        as(staff).queryParam("productId", coat).get(ALL).then().statusCode(200).body("items.id", contains(borisCoat));
        as(staff).queryParam("productId", dress).queryParam("limit", 1).queryParam("offset", 1).get(ALL)
                .then().statusCode(200).body("total", equalTo(3)).body("items.id", contains(borisDress));

        // from is inclusive, to exclusive; a date as "to" takes the whole day
        String from = addedAt(boris, dress);
        String to = addedAt(carl, dress);
        as(staff).queryParam("productId", dress).queryParam("from", from).queryParam("to", to).get(ALL)
                .then().statusCode(200).body("items.id", contains(borisDress));
        as(staff).queryParam("productId", dress).queryParam("from", from).get(ALL)
                .then().statusCode(200).body("items.id", contains(carlsDress, borisDress));
        as(staff).queryParam("productId", dress).queryParam("to", to.substring(0, 10)).get(ALL)
                .then().statusCode(200).body("total", equalTo(3));
        as(staff).queryParam("productId", dress).queryParam("to", "2000-01-01").get(ALL)
                .then().statusCode(200).body("total", equalTo(0));
    }

    @Test
    void badFiltersAre400AndOnlyStaffList() {
        String staff = RegisteredCustomers.staffToken();
        as(staff).queryParam("from", "yesterday").get(ALL).then().statusCode(400)
                .contentType("application/problem+json").body("errors.field", contains("from"));
        as(staff).queryParam("to", "2026-13-01").get(ALL).then().statusCode(400).body("errors.field", contains("to"));
        as(staff).queryParam("customerId", "1,x").get(ALL).then().statusCode(400).body("errors.field", contains("customerId"));
        as(staff).queryParam("productId", "-3").get(ALL).then().statusCode(400).body("errors.field", contains("productId"));
        as(staff).queryParam("limit", 0).get(ALL).then().statusCode(400).body("errors.field", contains("limit"));

        Shopper shopper = RegisteredCustomers.register();
        as(shopper.token()).get(ALL).then().statusCode(403);
        as(shopper.token()).queryParam("customerId", shopper.id()).get(ALL).then().statusCode(403);
        as(TestTokens.issue("7", "supplier")).get(ALL).then().statusCode(403);
        given().get(ALL).then().statusCode(401);
    }

    @Test
    void aCustomerDeletesOnlyItsOwnFavoritesByIdAndLearnsHowMany() {
        Shopper owner = RegisteredCustomers.register();
        Shopper other = RegisteredCustomers.register();
        int a = PRODUCTS.incrementAndGet();
        int b = PRODUCTS.incrementAndGet();
        int own1 = add(owner, a);
        int own2 = add(owner, b);
        int foreign = add(other, a);

        // the other customer's id is not the caller's to delete: counted like an id that does not exist
        as(owner.token()).queryParam("ids", own1 + "," + foreign + "," + (foreign + 1_000_000)).delete(ALL)
                .then().statusCode(200).body("deleted", equalTo(1));
        as(owner.token()).get(base(owner.id())).then().body("items.id", contains(own2));
        as(other.token()).get(base(other.id())).then().body("items.id", contains(foreign));
        // again: already gone
        as(owner.token()).queryParam("ids", own1).delete(ALL).then().statusCode(200).body("deleted", equalTo(0));
        // repeated parameters work too
        as(owner.token()).queryParam("ids", own2).queryParam("ids", own2).delete(ALL)
                .then().statusCode(200).body("deleted", equalTo(1));
    }

    @Test
    void staffDeleteAnyFavoritesById() {
        Shopper anna = RegisteredCustomers.register();
        Shopper boris = RegisteredCustomers.register();
        int product = PRODUCTS.incrementAndGet();
        int kept = PRODUCTS.incrementAndGet();
        int annas = add(anna, product);
        int boriss = add(boris, product);
        int borisKept = add(boris, kept);
        as(RegisteredCustomers.staffToken()).queryParam("ids", annas + "," + boriss).delete(ALL)
                .then().statusCode(200).body("deleted", equalTo(2));
        as(anna.token()).get(base(anna.id())).then().body("total", equalTo(0));
        as(boris.token()).get(base(boris.id())).then().body("items.id", containsInAnyOrder(borisKept));
        // the product can be added again, with a new id
        as(anna.token()).body("{\"productId\":" + product + "}").post(base(anna.id())).then().statusCode(201);
    }

    @Test
    void deletingNeedsIdsAndARoleThatKeepsFavorites() {
        Shopper owner = RegisteredCustomers.register();
        int id = add(owner, PRODUCTS.incrementAndGet());
        as(owner.token()).delete(ALL).then().statusCode(400).contentType("application/problem+json")
                .body("errors.field", contains("ids"));
        as(owner.token()).queryParam("ids", "").delete(ALL).then().statusCode(400).body("errors.field", contains("ids"));
        as(owner.token()).queryParam("ids", "1,two").delete(ALL).then().statusCode(400).body("errors.field", contains("ids"));
        as(TestTokens.issue("5", "supplier")).queryParam("ids", id).delete(ALL).then().statusCode(403);
        as(TestTokens.issue("5", "bot")).queryParam("ids", id).delete(ALL).then().statusCode(403);
        given().queryParam("ids", id).delete(ALL).then().statusCode(401);
        as(owner.token()).get(base(owner.id())).then().body("items.id", contains(id));
    }
}
