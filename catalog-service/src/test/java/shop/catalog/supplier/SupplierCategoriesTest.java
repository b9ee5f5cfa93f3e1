package shop.catalog.supplier;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.equalTo;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import org.junit.jupiter.api.Test;

/** GET /api/catalog/suppliers/{id}/categories: a shop's categories (seed 003), from its products. */
@QuarkusTest
class SupplierCategoriesTest {
    private static void patch(String url, String body) {
        given().auth().oauth2(Suppliers.STAFF).contentType(ContentType.JSON).body(body)
                .when().patch(url).then().statusCode(200);
    }

    @Test
    void aSuppliersCategoriesAreThoseOfItsProductsWithTheirCounts() {
        int supplier = Suppliers.supplier();
        String prefix = Suppliers.unique("Shop");
        int shoes = Suppliers.category(prefix + " A shoes");
        int hats = Suppliers.category(prefix + " B hats");
        int secret = Suppliers.category(prefix + " C secret");
        Suppliers.product(Suppliers.STAFF, shoes, supplier, "Boot");
        Suppliers.product(Suppliers.STAFF, shoes, supplier, "Sandal");
        Suppliers.product(Suppliers.STAFF, hats, supplier, "Cap");
        int hidden = Suppliers.product(Suppliers.STAFF, secret, supplier, "Prototype");
        patch("/api/catalog/products/" + hidden, "{\"visible\": false}");
        int deleted = Suppliers.product(Suppliers.STAFF, secret, supplier, "Gone");
        given().auth().oauth2(Suppliers.STAFF).when().delete("/api/catalog/products/" + deleted).then().statusCode(204);
        // another supplier's product in a third category is not this one's
        Suppliers.product(Suppliers.STAFF, secret, Suppliers.supplier(), "Other");

        String url = "/api/catalog/suppliers/" + supplier + "/categories";
        given().when().get(url).then().statusCode(200)
                .body("id", contains(shoes, hats)).body("products", contains(2, 1));
        given().auth().oauth2(Suppliers.CUSTOMER).when().get(url).then().statusCode(200).body("id", contains(shoes, hats));
        // staff and the supplier's own users also see the hidden product's category
        given().auth().oauth2(Suppliers.STAFF).when().get(url).then().statusCode(200)
                .body("id", contains(shoes, hats, secret)).body("products", contains(2, 1, 1));
        given().auth().oauth2(Suppliers.supplierUser(supplier)).when().get(url).then().statusCode(200)
                .body("id", contains(shoes, hats, secret));
    }

    @Test
    void anInactiveOrUnknownSupplierIs404ForThePublic() {
        int supplier = Suppliers.supplier();
        patch("/api/catalog/suppliers/" + supplier, "{\"active\": false}");
        String url = "/api/catalog/suppliers/" + supplier + "/categories";
        given().when().get(url).then().statusCode(404).contentType("application/problem+json");
        given().auth().oauth2(Suppliers.supplierUser(supplier + 1)).when().get(url).then().statusCode(404);
        given().auth().oauth2(Suppliers.STAFF).when().get(url).then().statusCode(200).body("size()", equalTo(0));
        given().when().get("/api/catalog/suppliers/999999999/categories").then().statusCode(404);
    }
}
