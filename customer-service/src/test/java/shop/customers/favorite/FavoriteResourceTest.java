package shop.customers.favorite;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsInAnyOrder;
import static org.hamcrest.Matchers.empty;
import static org.hamcrest.Matchers.endsWith;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.notNullValue;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.specification.RequestSpecification;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import shop.customers.common.RegisteredCustomers;
import shop.customers.common.RegisteredCustomers.Shopper;

@QuarkusTest
class FavoriteResourceTest {
    /** Product ids no other test uses; ints, as JSON numbers this small come back as Integer in REST Assured. */
    static final AtomicInteger PRODUCTS = new AtomicInteger((int) (1_000_000 + System.nanoTime() % 1_000_000_000L));

    static RequestSpecification as(String token) {
        return given().auth().oauth2(token).contentType(ContentType.JSON);
    }

    static String base(long customerId) {
        return "/api/customers/" + customerId + "/favorites";
    }

    static void add(Shopper shopper, int productId, int expectedStatus) {
        as(shopper.token()).body("{\"productId\":" + productId + "}").post(base(shopper.id()))
                .then().statusCode(expectedStatus).body("productId", equalTo(productId));
    }

    @Test
    void addingIsIdempotent201ThenOkWithTheSameFavorite() {
        Shopper shopper = RegisteredCustomers.register();
        int product = PRODUCTS.incrementAndGet();
        String addedAt = as(shopper.token()).body("{\"productId\":" + product + "}").post(base(shopper.id()))
                .then().statusCode(201)
                .header("Location", endsWith(base(shopper.id()) + "?productId=" + product))
                .body("addedAt", notNullValue())
                .extract().path("addedAt");
        as(shopper.token()).body("{\"productId\":" + product + "}").post(base(shopper.id()))
                .then().statusCode(200).body("productId", equalTo(product)).body("addedAt", equalTo(addedAt));
        as(shopper.token()).get(base(shopper.id())).then().statusCode(200)
                .body("total", equalTo(1))
                .body("items.productId", contains(product))
                .body("items[0].addedAt", equalTo(addedAt));
    }

    @Test
    void theListIsNewestFirstFilteredAndPaged() {
        Shopper shopper = RegisteredCustomers.register();
        int a = PRODUCTS.incrementAndGet();
        int b = PRODUCTS.incrementAndGet();
        int c = PRODUCTS.incrementAndGet();
        add(shopper, a, 201);
        add(shopper, b, 201);
        add(shopper, c, 201);
        add(RegisteredCustomers.register(), a, 201); // someone else's favorite is not in this list

        as(shopper.token()).get(base(shopper.id())).then().statusCode(200)
                .body("total", equalTo(3)).body("items.productId", contains(c, b, a));
        as(shopper.token()).queryParam("limit", 2).queryParam("offset", 1).get(base(shopper.id()))
                .then().statusCode(200).body("total", equalTo(3)).body("items.productId", contains(b, a));
        as(shopper.token()).queryParam("productId", a + "," + c).get(base(shopper.id()))
                .then().statusCode(200).body("total", equalTo(2)).body("items.productId", contains(c, a));
        as(shopper.token()).queryParam("productId", b).queryParam("productId", PRODUCTS.incrementAndGet())
                .get(base(shopper.id())).then().statusCode(200).body("total", equalTo(1))
                .body("items.productId", contains(b));
        as(shopper.token()).queryParam("productId", "x").get(base(shopper.id()))
                .then().statusCode(400).body("errors.field", contains("productId"));
        as(shopper.token()).queryParam("limit", 201).get(base(shopper.id()))
                .then().statusCode(400).body("errors.field", contains("limit"));
    }

    @Test
    void deletingByIdsRemovesOnlyThoseAndAnEmptyListNothing() {
        Shopper shopper = RegisteredCustomers.register();
        Shopper other = RegisteredCustomers.register();
        int a = PRODUCTS.incrementAndGet();
        int b = PRODUCTS.incrementAndGet();
        int c = PRODUCTS.incrementAndGet();
        add(shopper, a, 201);
        add(shopper, b, 201);
        add(shopper, c, 201);
        add(other, a, 201);

        as(shopper.token()).delete(base(shopper.id())).then().statusCode(204);
        as(shopper.token()).queryParam("productIds", "").delete(base(shopper.id())).then().statusCode(204);
        as(shopper.token()).get(base(shopper.id())).then().body("total", equalTo(3));

        as(shopper.token()).queryParam("productIds", a + "," + c + "," + PRODUCTS.incrementAndGet())
                .delete(base(shopper.id())).then().statusCode(204);
        as(shopper.token()).get(base(shopper.id())).then().body("items.productId", contains(b));
        as(other.token()).get(base(other.id())).then().body("items.productId", contains(a));

        as(shopper.token()).queryParam("productIds", "1,two").delete(base(shopper.id()))
                .then().statusCode(400).body("errors.field", contains("productIds"));
        as(shopper.token()).get(base(shopper.id())).then().body("items.productId", contains(b));
    }

    @Test
    void onlyTheCustomerAndStaffMayUseTheFavorites() {
        Shopper owner = RegisteredCustomers.register();
        Shopper intruder = RegisteredCustomers.register();
        int product = PRODUCTS.incrementAndGet();
        add(owner, product, 201);

        as(intruder.token()).get(base(owner.id())).then().statusCode(403);
        as(intruder.token()).body("{\"productId\":" + PRODUCTS.incrementAndGet() + "}").post(base(owner.id()))
                .then().statusCode(403);
        as(intruder.token()).queryParam("productIds", product).delete(base(owner.id())).then().statusCode(403);
        given().get(base(owner.id())).then().statusCode(401);
        given().contentType(ContentType.JSON).body("{\"productId\":1}").post(base(owner.id())).then().statusCode(401);
        given().queryParam("productIds", product).delete(base(owner.id())).then().statusCode(401);
        as(owner.token()).get(base(owner.id())).then().body("items.productId", contains(product));

        String staff = RegisteredCustomers.staffToken();
        int byStaff = PRODUCTS.incrementAndGet();
        as(staff).body("{\"productId\":" + byStaff + "}").post(base(owner.id())).then().statusCode(201);
        as(staff).get(base(owner.id())).then().statusCode(200).body("items.productId", containsInAnyOrder(product, byStaff));
        as(staff).queryParam("productIds", product + "," + byStaff).delete(base(owner.id())).then().statusCode(204);
        as(owner.token()).get(base(owner.id())).then().body("items", empty());
        as(staff).get(base(owner.id() + 1_000_000)).then().statusCode(404);
    }

    @Test
    void anInvalidFavoriteIsRefusedWithTheFieldNamed() {
        Shopper shopper = RegisteredCustomers.register();
        as(shopper.token()).body("{}").post(base(shopper.id())).then().statusCode(400)
                .body("errors.field", contains("productId"));
        as(shopper.token()).body("{\"productId\":-3}").post(base(shopper.id())).then().statusCode(400)
                .body("errors.field", contains("productId"));
        as(shopper.token()).body("{\"productId\":\"abc\"}").post(base(shopper.id())).then().statusCode(400)
                .body("errors.field", contains("productId"));
        as(shopper.token()).body("{\"productId\":5,\"note\":\"x\"}").post(base(shopper.id())).then().statusCode(400)
                .body("errors.field", contains("note"));
        as(shopper.token()).get(base(shopper.id())).then().body("total", equalTo(0));
    }
}
