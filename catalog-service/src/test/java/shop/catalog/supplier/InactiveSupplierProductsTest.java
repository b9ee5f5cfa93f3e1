package shop.catalog.supplier;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.startsWith;
import static shop.catalog.supplier.Suppliers.CUSTOMER;
import static shop.catalog.supplier.Suppliers.STAFF;
import static shop.catalog.supplier.Suppliers.category;
import static shop.catalog.supplier.Suppliers.product;
import static shop.catalog.supplier.Suppliers.supplier;
import static shop.catalog.supplier.Suppliers.supplierUser;
import static shop.catalog.supplier.Suppliers.unique;
import static shop.catalog.supplier.Suppliers.variant;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.specification.RequestSpecification;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.util.List;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;

/**
 * A deactivated supplier's products leave the shop entirely: not only the listing but also their detail,
 * variants and images answer 404 to the public, while staff and the supplier's own users still see them.
 */
@QuarkusTest
class InactiveSupplierProductsTest {

    private static RequestSpecification as(String token) {
        return token == null ? given() : given().auth().oauth2(token);
    }

    private static void setActive(int supplierId, boolean active) {
        given().auth().oauth2(STAFF).contentType(ContentType.JSON).body("{\"active\":" + active + "}")
                .when().patch("/api/catalog/suppliers/" + supplierId).then().statusCode(200);
    }

    private static byte[] jpeg() throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ImageIO.write(new BufferedImage(40, 30, BufferedImage.TYPE_INT_RGB), "jpeg", out);
        return out.toByteArray();
    }

    /** Product detail, its image list and the image's bytes (original and web) all answer {@code status}. */
    private static void readable(String token, int productId, int variantId, int imageId, boolean readable) {
        int status = readable ? 200 : 404;
        var product = as(token).when().get("/api/catalog/products/" + productId).then().statusCode(status);
        if (readable) {
            product.body("id", equalTo(productId)).body("variants.id", hasItem(variantId));
        } else {
            product.contentType("application/problem+json");
        }
        var images = as(token).when().get("/api/catalog/products/" + productId + "/images").then().statusCode(status);
        if (readable) {
            images.body("items.id", hasItem(imageId));
        }
        as(token).when().get("/api/catalog/images/" + imageId).then().statusCode(status);
        as(token).when().get("/api/catalog/images/" + imageId + "/web").then().statusCode(status);
    }

    @Test
    void aDeactivatedSuppliersProductIsHiddenFromThePublicButNotFromStaffOrItsOwnUsers() throws IOException {
        int supplierId = supplier();
        int otherSupplier = supplier();
        int categoryId = category(unique("Inactive suppliers"));
        int productId = product(STAFF, categoryId, supplierId, unique("Coat"));
        int variantId = variant(STAFF, productId);
        int imageId = given().auth().oauth2(STAFF).multiPart("file", "photo.jpg", jpeg(), "image/jpeg")
                .when().post("/api/catalog/products/" + productId + "/images")
                .then().statusCode(201).extract().path("id");
        String own = supplierUser(supplierId);
        String other = supplierUser(otherSupplier);

        for (String token : new String[] {null, CUSTOMER, STAFF, own, other}) {
            readable(token, productId, variantId, imageId, true);
        }
        given().when().get("/api/catalog/images/" + imageId).then().header("Cache-Control", startsWith("public"));

        setActive(supplierId, false);
        for (String token : new String[] {null, CUSTOMER, other}) {
            readable(token, productId, variantId, imageId, false);
        }
        for (String token : new String[] {STAFF, own}) {
            readable(token, productId, variantId, imageId, true);
        }
        // what the supplier's user still sees must not end up in a shared cache
        as(own).when().get("/api/catalog/images/" + imageId).then().statusCode(200)
                .header("Cache-Control", startsWith("private"));
        // and it is gone from the public listing as before
        given().queryParam("categoryId", categoryId).when().get("/api/catalog/products").then().statusCode(200)
                .body("total", equalTo(0));

        setActive(supplierId, true);
        for (String token : new String[] {null, CUSTOMER, STAFF, own, other}) {
            readable(token, productId, variantId, imageId, true);
        }
        given().when().get("/api/catalog/images/" + imageId).then().header("Cache-Control", startsWith("public"));
        given().queryParam("categoryId", categoryId).when().get("/api/catalog/products").then().statusCode(200)
                .body("items.id", equalTo(List.of(productId)));
    }

    @Test
    void aSuppliersUserSeesItsOwnHiddenProductOthersDoNot() throws IOException {
        int supplierId = supplier();
        int otherSupplier = supplier();
        int productId = product(STAFF, category(unique("Hidden")), supplierId, unique("Scarf"));
        int variantId = variant(STAFF, productId);
        int imageId = given().auth().oauth2(STAFF).multiPart("file", "photo.jpg", jpeg(), "image/jpeg")
                .when().post("/api/catalog/products/" + productId + "/images")
                .then().statusCode(201).extract().path("id");
        given().auth().oauth2(STAFF).contentType(ContentType.JSON).body("{\"visible\":false}")
                .when().patch("/api/catalog/products/" + productId).then().statusCode(200);

        readable(null, productId, variantId, imageId, false);
        readable(CUSTOMER, productId, variantId, imageId, false);
        readable(supplierUser(otherSupplier), productId, variantId, imageId, false);
        readable(supplierUser(supplierId), productId, variantId, imageId, true);
        readable(STAFF, productId, variantId, imageId, true);
    }
}
