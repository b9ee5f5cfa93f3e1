package shop.catalog.supplier;

import static shop.catalog.CatalogApi.post;
import static io.restassured.RestAssured.given;

import io.restassured.http.ContentType;
import java.util.Map;
import java.util.UUID;
import shop.devstack.testing.TestTokens;

/** Test data for supplier tests: every call creates its own, uniquely named. */
public final class Suppliers {
    public static final String STAFF = TestTokens.issue("1", "manager");
    public static final String CUSTOMER = TestTokens.issue("7", "customer");

    private Suppliers() {
    }

    public static String unique(String name) {
        return name + " " + UUID.randomUUID().toString().substring(0, 8);
    }

    /** A token of a supplier user acting for {@code supplierId}, as customer-service issues it. */
    public static String supplierUser(long supplierId) {
        return TestTokens.issue(String.valueOf(1000 + supplierId), Map.of("supplierId", supplierId), "supplier");
    }

    public static int supplier() {
        return post(STAFF, "/api/catalog/suppliers", "{\"name\":\"" + unique("Supplier") + "\",\"email\":\"s@example.org\"}");
    }

    public static int category(String name) {
        return post(STAFF, "/api/catalog/categories", "{\"name\":\"" + name + "\"}");
    }

    public static int product(String token, int categoryId, Integer supplierId, String name) {
        return post(token, "/api/catalog/products", "{\"name\":\"%s\",\"article\":\"%s\",\"categoryId\":%d%s}"
                .formatted(name, unique("ART"), categoryId, supplierId == null ? "" : ",\"supplierId\":" + supplierId));
    }

    public static int variant(String token, int productId) {
        return post(token, "/api/catalog/products/" + productId + "/variants", "{\"price\":10.00,\"onHand\":3}");
    }
}
