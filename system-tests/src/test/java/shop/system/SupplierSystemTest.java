package shop.system;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.containsInAnyOrder;
import static org.hamcrest.Matchers.equalTo;

import io.restassured.http.ContentType;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * A supplier's day, only through the gateway: staff register the supplier and its user; the supplier
 * signs in, uploads its YAML price list, sees its products in the shop, stops taking orders, and from
 * then on order-service (which only knows what catalog.variants told it) refuses them in a cart.
 */
class SupplierSystemTest {

    @BeforeAll
    static void platform() {
        RunningPlatform.stack();
    }

    @Test
    void aSupplierUploadsItsPriceListAndStopsTakingOrders() {
        String staff = RunningPlatform.adminToken();
        String tag = UUID.randomUUID().toString().substring(0, 8);
        String categoryName = "Смартфоны " + tag;
        given().auth().oauth2(staff).contentType(ContentType.JSON).body(Map.of("name", categoryName))
                .when().post("/api/catalog/categories").then().statusCode(201);
        int supplierId = given().auth().oauth2(staff).contentType(ContentType.JSON)
                .body(Map.of("name", "Связной " + tag, "email", "shop-" + tag + "@example.com"))
                .when().post("/api/catalog/suppliers")
                .then().statusCode(201).extract().path("id");
        String login = "supplier-" + tag;
        given().auth().oauth2(staff).contentType(ContentType.JSON)
                .body(Map.of("login", login, "password", "supplier-pass", "role", "supplier", "supplierId", supplierId))
                .when().post("/api/users").then().statusCode(201);
        String supplier = RunningPlatform.signIn("{\"login\":\"%s\",\"password\":\"supplier-pass\"}".formatted(login));

        String priceList = """
                shop: Связной
                categories:
                  - id: 224
                    name: %s
                goods:
                  - id: A-100
                    category: 224
                    name: Смартфон Apple iPhone XS Max 512GB
                    price: 110000
                    quantity: 14
                    parameters:
                      "Диагональ (дюйм)": 6.5
                  - id: A-200
                    category: 224
                    name: Смартфон Samsung Galaxy S10
                    price: 64990.50
                    quantity: 3
                """.formatted(categoryName);
        given().auth().oauth2(supplier).contentType("application/yaml").body(priceList.getBytes(StandardCharsets.UTF_8))
                .when().post("/api/catalog/suppliers/" + supplierId + "/price-lists")
                .then().statusCode(200).body("created", equalTo(2));
        // the same list again changes nothing
        given().auth().oauth2(supplier).contentType("application/yaml").body(priceList.getBytes(StandardCharsets.UTF_8))
                .when().post("/api/catalog/suppliers/" + supplierId + "/price-lists")
                .then().statusCode(200).body("unchanged", equalTo(2)).body("created", equalTo(0));

        // a guest sees the supplier's products in the shop, findable by name
        given().queryParam("supplierId", supplierId).when().get("/api/catalog/products")
                .then().statusCode(200)
                .body("total", equalTo(2))
                .body("items.name", containsInAnyOrder("Смартфон Apple iPhone XS Max 512GB", "Смартфон Samsung Galaxy S10"));
        io.restassured.path.json.JsonPath samsung = given().queryParam("supplierId", supplierId).queryParam("q", "samsung")
                .when().get("/api/catalog/products")
                .then().statusCode(200).body("total", equalTo(1)).body("items[0].variants[0].available", equalTo(3))
                .extract().jsonPath();
        int productId = samsung.getInt("items[0].id");
        int variantId = samsung.getInt("items[0].variants[0].id");

        // order-service learns the variant from catalog.variants: a guest can put it in a cart
        String cart = "{\"quantity\":1}";
        await().atMost(Duration.ofSeconds(60)).until(() -> given().contentType(ContentType.JSON).body(cart)
                .when().put("/api/cart/items/" + variantId).statusCode() == 200);

        // another supplier's user may not touch this supplier (a supplier token, so the ownership check is
        // what refuses it, not the roles)
        int otherSupplierId = given().auth().oauth2(staff).contentType(ContentType.JSON)
                .body(Map.of("name", "МТС " + tag, "email", "other-" + tag + "@example.com"))
                .when().post("/api/catalog/suppliers")
                .then().statusCode(201).extract().path("id");
        String otherLogin = "other-supplier-" + tag;
        given().auth().oauth2(staff).contentType(ContentType.JSON)
                .body(Map.of("login", otherLogin, "password", "supplier-pass", "role", "supplier",
                        "supplierId", otherSupplierId))
                .when().post("/api/users").then().statusCode(201);
        String otherSupplier = RunningPlatform.signIn(
                "{\"login\":\"%s\",\"password\":\"supplier-pass\"}".formatted(otherLogin));
        given().auth().oauth2(otherSupplier).contentType(ContentType.JSON)
                .body(Map.of("acceptingOrders", false))
                .when().patch("/api/catalog/suppliers/" + supplierId)
                .then().statusCode(403).contentType("application/problem+json");
        given().auth().oauth2(otherSupplier).contentType("application/yaml")
                .body(priceList.replace("price: 110000", "price: 1").getBytes(StandardCharsets.UTF_8))
                .when().post("/api/catalog/suppliers/" + supplierId + "/price-lists")
                .then().statusCode(403).contentType("application/problem+json");
        // nothing changed: still taking orders, the first price list's prices
        given().auth().oauth2(staff).when().get("/api/catalog/suppliers/" + supplierId)
                .then().statusCode(200).body("acceptingOrders", equalTo(true));
        given().queryParam("supplierId", supplierId).queryParam("q", "iphone").when().get("/api/catalog/products")
                .then().statusCode(200).body("items[0].variants[0].price", equalTo(110000.0f));

        given().auth().oauth2(supplier).contentType(ContentType.JSON).body(Map.of("acceptingOrders", false))
                .when().patch("/api/catalog/suppliers/" + supplierId)
                .then().statusCode(200).body("acceptingOrders", equalTo(false));
        // still listed in the shop window, but no longer orderable
        given().queryParam("supplierId", supplierId).when().get("/api/catalog/products")
                .then().statusCode(200).body("total", equalTo(2));
        await().atMost(Duration.ofSeconds(60)).until(() -> given().contentType(ContentType.JSON).body(cart)
                .when().put("/api/cart/items/" + variantId).statusCode() == 409);
        int courier = given().auth().oauth2(staff).contentType(ContentType.JSON)
                .body(Map.of("name", "Courier " + tag, "price", 300))
                .when().post("/api/delivery-types").then().statusCode(201).extract().path("id");
        given().contentType(ContentType.JSON)
                .body(Map.of("lines", List.of(Map.of("variantId", variantId, "quantity", 1)),
                        "contact", Map.of("firstName", "Anna", "lastName", "Petrova", "phone", "+79161234567",
                                "email", "anna-" + tag + "@example.com"),
                        "deliveryTypeId", courier, "deliveryAddress", "Moscow, Tverskaya 1",
                        "paymentMethod", "cash"))
                .when().post("/api/orders")
                .then().statusCode(409).contentType("application/problem+json");

        // staff deactivate the supplier: its products leave the shop, the listing and their own pages
        // alike, while the supplier's own users still see them
        given().auth().oauth2(staff).contentType(ContentType.JSON).body(Map.of("active", false))
                .when().patch("/api/catalog/suppliers/" + supplierId).then().statusCode(200);
        given().queryParam("supplierId", supplierId).when().get("/api/catalog/products")
                .then().statusCode(200).body("total", equalTo(0));
        given().when().get("/api/catalog/products/" + productId).then().statusCode(404);
        given().auth().oauth2(supplier).when().get("/api/catalog/products/" + productId).then().statusCode(200);
        given().auth().oauth2(staff).contentType(ContentType.JSON).body(Map.of("active", true))
                .when().patch("/api/catalog/suppliers/" + supplierId).then().statusCode(200);
        given().when().get("/api/catalog/products/" + productId).then().statusCode(200)
                .body("name", equalTo("Смартфон Samsung Galaxy S10"));
    }
}
