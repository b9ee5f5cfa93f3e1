package shop.orders.order;

import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static shop.orders.Shop.as;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.quarkus.test.junit.QuarkusTest;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import shop.contracts.EventEnvelope;
import shop.contracts.EventJson;
import shop.contracts.Topics;
import shop.contracts.catalog.VariantState;
import shop.devstack.infra.ReceivedMail;
import shop.devstack.testing.KafkaResource;
import shop.devstack.testing.MailResource;
import shop.devstack.testing.TopicWatcher;
import shop.orders.Shop;

/**
 * An order line keeps the size and colour the variant had when it was bought (SPEC: orders keep a
 * snapshot of each line); later catalog changes show in carts and new orders, never in old ones.
 */
@QuarkusTest
class LineSnapshotTest {
    @Test
    void aLineKeepsTheSizeAndColourItWasBoughtIn() {
        long supplierId = Shop.nextId();
        VariantState v = Shop.sized(Shop.variant(supplierId, "2500.00", 10), "42", "red", "#FF0000");
        Shop.publish(v, VariantState.UPSERTED, Instant.now());
        Shop.awaitCartLine(v.variantId(), line -> line != null && "42".equals(line.get("sizeName")));
        // the cart shows them
        Shop.guest().body("{\"quantity\":1}").put("/api/cart/items/" + v.variantId()).then().statusCode(200)
                .body("items[0].sizeName", equalTo("42")).body("items[0].colorName", equalTo("red"))
                .body("items[0].colorCode", equalTo("#FF0000"));

        String customer = Shop.customer(Shop.nextId());
        long delivery = Shop.deliveryType("0", null);
        String email = "snap-" + Shop.nextId() + "@example.com";
        String body = Shop.order(delivery, "cash", Shop.line(v.variantId(), 2)).replace("anna@example.com", email);
        long orderId = as(customer).body(body).post("/api/orders").then().statusCode(201)
                .body("lines[0].sizeName", equalTo("42")).body("lines[0].colorName", equalTo("red"))
                .body("lines[0].colorCode", equalTo("#FF0000"))
                .extract().jsonPath().getLong("id");
        Shop.stockReply(orderId, shop.contracts.catalog.StockReply.RESERVED, List.of());
        Shop.awaitStatus(orderId, "confirmed");

        // the catalog renames the size and the colour: the read model follows, the order does not
        VariantState renamed = Shop.sized(v, "XL", "crimson", "#DC143C");
        Shop.publish(renamed, VariantState.UPSERTED, Instant.now().plusSeconds(1));
        Shop.awaitCartLine(v.variantId(), line -> line != null && "XL".equals(line.get("sizeName"))
                && "crimson".equals(line.get("colorName")));

        as(customer).get("/api/orders/" + orderId).then().statusCode(200)
                .body("lines[0].sizeName", equalTo("42")).body("lines[0].colorName", equalTo("red"))
                .body("lines[0].colorCode", equalTo("#FF0000"));
        as(Shop.staff()).queryParam("ids", orderId).get("/api/orders").then().statusCode(200)
                .body("items[0].lines[0].sizeName", equalTo("42")).body("items[0].lines[0].colorName", equalTo("red"));
        as(Shop.supplier(supplierId)).get("/api/supplier-orders").then().statusCode(200)
                .body("items[0].orderId", equalTo((int) orderId))
                .body("items[0].lines[0].sizeName", equalTo("42")).body("items[0].lines[0].colorName", equalTo("red"))
                .body("items[0].lines[0].colorCode", equalTo("#FF0000"));
        // the shop's mail names them too: "Dress" alone does not say what to pack
        ReceivedMail shopMail = MailResource.awaitMessage(m -> m.to().equalsIgnoreCase("shop@localhost")
                && m.subject().startsWith("New order #" + orderId + ","), Shop.WAIT);
        assertTrue(shopMail.body().contains(v.productName() + " (" + v.variantName() + ", 42, red) × 2"), shopMail.body());

        // a new order takes what the variant is now
        as(customer).body(Shop.order(delivery, "cash", Shop.line(v.variantId(), 1))).post("/api/orders").then()
                .statusCode(201).body("lines[0].sizeName", equalTo("XL")).body("lines[0].colorName", equalTo("crimson"));
    }

    @Test
    void aStateFromBeforeSizesAndColoursTravelledIsStillOrderable() {
        VariantState v = Shop.variant(Shop.nextId(), "300.00", 4);
        // a record as catalog wrote it before VariantState had the size and colour fields
        EventEnvelope fresh = EventJson.envelope(VariantState.UPSERTED, VariantState.VERSION, v);
        ((ObjectNode) fresh.payload()).remove(List.of("sizeName", "colorName", "colorCode"));
        String old = EventJson.write(fresh);
        assertTrue(!old.contains("sizeName"), old);
        TopicWatcher.send(KafkaResource.bootstrapServers(), Topics.CATALOG_VARIANTS, String.valueOf(v.variantId()), old);
        Shop.awaitCartLine(v.variantId(), line -> line != null && Integer.valueOf(4).equals(line.get("available")));

        as(Shop.customer(Shop.nextId())).body(Shop.order(Shop.deliveryType("0", null), "card", Shop.line(v.variantId(), 1)))
                .post("/api/orders").then().statusCode(201)
                .body("lines[0].unitPrice", equalTo(300.0f)).body("lines[0].sizeName", nullValue())
                .body("lines[0].colorName", nullValue());
    }
}
