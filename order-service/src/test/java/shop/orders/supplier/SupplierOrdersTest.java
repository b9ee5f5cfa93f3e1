package shop.orders.supplier;

import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.equalTo;
import static shop.orders.Shop.as;

import io.quarkus.test.junit.QuarkusTest;
import java.util.List;
import org.junit.jupiter.api.Test;
import shop.contracts.catalog.StockReply;
import shop.contracts.catalog.VariantState;
import shop.orders.Shop;

@QuarkusTest
class SupplierOrdersTest {
    @Test
    void aSupplierSeesOnlyItsOwnLinesOfConfirmedOrdersWithItsOwnReceiptNumbers() {
        long north = Shop.nextId();
        long south = Shop.nextId();
        VariantState coat = Shop.known(Shop.variant(north, "5000.00", 10));
        VariantState hat = Shop.known(Shop.variant(north, "700.00", 10));
        VariantState boots = Shop.known(Shop.variant(south, "3000.00", 10));
        long delivery = Shop.deliveryType("300", null);
        String customer = Shop.customer(Shop.nextId());

        long mixed = Shop.confirmedOrder(customer, Shop.order(delivery, "card", Shop.line(coat.variantId(), 1),
                Shop.line(boots.variantId(), 2), Shop.line(hat.variantId(), 3)));
        long northOnly = Shop.confirmedOrder(customer, Shop.order(delivery, "card", Shop.line(hat.variantId(), 1)));
        long pending = Shop.place(customer, Shop.order(delivery, "card", Shop.line(coat.variantId(), 1)));

        as(Shop.supplier(north)).get("/api/supplier-orders").then().statusCode(200)
                .body("total", equalTo(2))
                .body("items.orderId", contains((int) northOnly, (int) mixed))
                .body("items.receiptNumber", contains(2, 1))
                .body("items[1].lines.variantId", contains((int) coat.variantId(), (int) hat.variantId()))
                .body("items[1].subtotal", equalTo(7100.0f))
                .body("items[0].subtotal", equalTo(700.0f));
        as(Shop.supplier(south)).get("/api/supplier-orders").then().statusCode(200)
                .body("items.orderId", contains((int) mixed))
                .body("items[0].receiptNumber", equalTo(1))
                .body("items[0].lines.variantId", contains((int) boots.variantId()))
                .body("items[0].subtotal", equalTo(6000.0f));

        // the order a catalog has not confirmed yet is not the supplier's business
        Shop.stockReply(pending, StockReply.REJECTED, List.of(new StockReply.ShortLine(coat.variantId(), 1, 0, "insufficient")));
        Shop.awaitStatus(pending, "rejected");
        as(Shop.supplier(north)).get("/api/supplier-orders").then().body("total", equalTo(2));
    }

    @Test
    void nobodyElseReadsASuppliersOrders() {
        long supplier = Shop.nextId();
        as(Shop.supplier(supplier)).queryParam("supplierId", Shop.nextId()).get("/api/supplier-orders").then().statusCode(403);
        as(Shop.customer(Shop.nextId())).get("/api/supplier-orders").then().statusCode(403);
        Shop.guest().get("/api/supplier-orders").then().statusCode(401);
        as(shop.devstack.testing.TestTokens.issue("5", "supplier")).get("/api/supplier-orders").then().statusCode(403);
        as(Shop.staff()).queryParam("supplierId", supplier).get("/api/supplier-orders").then().statusCode(200).body("total", equalTo(0));
    }

    /** Seed 003's "products by checks": one receipt's lines, the supplier's own only. */
    @Test
    void aReceiptListsItsProductsToItsSupplierAndStaffOnly() {
        long north = Shop.nextId();
        long south = Shop.nextId();
        VariantState coat = Shop.known(Shop.variant(north, "5000.00", 10));
        VariantState boots = Shop.known(Shop.variant(south, "3000.00", 10));
        long delivery = Shop.deliveryType("300", null);
        long order = Shop.confirmedOrder(Shop.customer(Shop.nextId()),
                Shop.order(delivery, "card", Shop.line(coat.variantId(), 2), Shop.line(boots.variantId(), 1)));

        as(Shop.supplier(north)).get("/api/supplier-orders/receipts/1").then().statusCode(200)
                .body("orderId", equalTo((int) order))
                .body("receiptNumber", equalTo(1))
                .body("lines.variantId", contains((int) coat.variantId()))
                .body("lines[0].quantity", equalTo(2))
                .body("subtotal", equalTo(10000.0f));
        as(Shop.staff()).queryParam("supplierId", south).get("/api/supplier-orders/receipts/1").then().statusCode(200)
                .body("lines.variantId", contains((int) boots.variantId()));

        // another supplier's receipt 2 does not exist for north; nobody else reads receipts
        as(Shop.supplier(north)).get("/api/supplier-orders/receipts/2").then().statusCode(404)
                .contentType(org.hamcrest.Matchers.containsString("problem+json"));
        as(Shop.supplier(north)).queryParam("supplierId", south).get("/api/supplier-orders/receipts/1").then().statusCode(403);
        as(Shop.staff()).get("/api/supplier-orders/receipts/1").then().statusCode(400);
        as(Shop.customer(Shop.nextId())).get("/api/supplier-orders/receipts/1").then().statusCode(403);
        Shop.guest().get("/api/supplier-orders/receipts/1").then().statusCode(401);
        as(Shop.supplier(north)).get("/api/supplier-orders/receipts/abc").then().statusCode(400);
    }
}
