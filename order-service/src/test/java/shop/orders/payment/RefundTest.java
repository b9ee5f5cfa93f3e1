package shop.orders.payment;

import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.notNullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static shop.orders.Shop.as;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import io.restassured.path.json.JsonPath;
import java.math.BigDecimal;
import java.util.List;
import org.junit.jupiter.api.Test;
import shop.contracts.catalog.VariantState;
import shop.contracts.orders.OrderEvent;
import shop.contracts.orders.OrderLine;
import shop.orders.Shop;

/**
 * Refunds through the (sandbox) payment provider: a cancelled card-paid order is refunded in full, a return
 * of delivered goods refunds what its lines earned; cash orders keep the manual path. Also the returns' rules,
 * deleting an order (a cancellation) and the customer changing the payment method.
 */
@QuarkusTest
class RefundTest {
    private static final String LINE_A_PRICE = "150.50";

    /** Pays a confirmed card order on the sandbox page. */
    static void pay(String customer, long id) {
        String paymentId = as(customer).body("{\"returnUrl\":\"https://shop.example/ok\",\"failUrl\":\"https://shop.example/no\"}")
                .post("/api/orders/" + id + "/payments").then().statusCode(201).extract().jsonPath().getString("paymentId");
        RestAssured.given().redirects().follow(false).formParam("outcome", "pay").post("/api/payments/sandbox/" + paymentId)
                .then().statusCode(303);
        RestAssured.given().redirects().follow(false).get("/api/payments/" + paymentId + "/return").then().statusCode(303);
        as(customer).get("/api/orders/" + id).then().body("status", equalTo("paid"));
    }

    private static JsonPath awaitRefunds(String reader, long id, int count) {
        await().atMost(Shop.WAIT).until(() -> {
            JsonPath refunds = as(reader).get("/api/orders/" + id + "/refunds").then().statusCode(200).extract().jsonPath();
            List<String> states = refunds.getList("items.state", String.class);
            return states.size() == count && states.stream().noneMatch("pending"::equals);
        });
        return as(reader).get("/api/orders/" + id + "/refunds").jsonPath();
    }

    @Test
    void aCancelledCardPaidOrderIsRefundedInFullThroughTheProviderOnce() {
        String customer = Shop.customer(Shop.nextId());
        String staff = Shop.staff();
        VariantState v = Shop.known(Shop.variant(Shop.nextId(), LINE_A_PRICE, 10));
        long id = Shop.confirmedOrder(customer, Shop.order(Shop.deliveryType("200", null), "card", Shop.line(v.variantId(), 2)));
        pay(customer, id);

        as(customer).body("{\"reason\":\"changed my mind\"}").post("/api/orders/" + id + "/cancel").then().statusCode(200)
                .body("refund.amount", equalTo(501.0f));
        JsonPath refunds = awaitRefunds(customer, id, 1);
        assertEquals("succeeded", refunds.getString("items[0].state"));
        assertEquals("cancellation", refunds.getString("items[0].kind"));
        assertEquals(new BigDecimal("501.00"), new BigDecimal(refunds.getString("items[0].amount")).setScale(2));
        assertEquals(1, refunds.getInt("items[0].attempts"));
        assertNull(refunds.get("items[0].lines"));
        assertNull(refunds.get("items[0].nextAttemptAt"));
        assertNotNull(refunds.get("items[0].finishedAt"));

        // the order is refunded, by the system, and no longer among the refunds to do
        await().atMost(Shop.WAIT).until(() -> !as(customer).get("/api/orders/" + id).jsonPath().getBoolean("refund.due"));
        JsonPath history = as(staff).get("/api/orders/" + id + "/history").jsonPath();
        assertEquals("refunded 501.00: through the payment provider", history.getString("items[-1].reason"));
        assertEquals("system", history.getString("items[-1].actorKind"));
        as(staff).post("/api/orders/" + id + "/refund").then().statusCode(409).body("detail", containsString("already refunded"));
        as(staff).queryParam("refundDue", "true").queryParam("ids", String.valueOf(id)).get("/api/orders")
                .then().body("items", hasSize(0));

        // only staff, the owner and the token holder read the refunds; to others the order does not exist
        as(staff).get("/api/orders/" + id + "/refunds").then().statusCode(200).body("items", hasSize(1));
        as(Shop.customer(Shop.nextId())).get("/api/orders/" + id + "/refunds").then().statusCode(404)
                .contentType(containsString("problem+json"));
        Shop.guest().get("/api/orders/" + id + "/refunds").then().statusCode(404);
        as(staff).get("/api/orders/987654321/refunds").then().statusCode(404);
    }

    @Test
    void aReturnOfOneLineOfADeliveredOrderPublishesTheUnitsAndRefundsWhatTheyEarned() {
        String customer = Shop.customer(Shop.nextId());
        String staff = Shop.staff();
        VariantState a = Shop.known(Shop.variant(Shop.nextId(), LINE_A_PRICE, 10));
        VariantState b = Shop.known(Shop.variant(Shop.nextId(), "100.00", 10));
        long id = Shop.confirmedOrder(customer, Shop.order(Shop.deliveryType("200", null), "card",
                Shop.line(a.variantId(), 2), Shop.line(b.variantId(), 1)));
        pay(customer, id);
        String returnOne = "{\"lines\":[{\"variantId\":" + a.variantId() + ",\"quantity\":1}],\"reason\":\"too small\"}";

        // not before the goods left the shop
        as(staff).body(returnOne).post("/api/orders/" + id + "/returns").then().statusCode(409)
                .contentType(containsString("problem+json")).body("detail", containsString("shipped or delivered"));
        as(staff).body("{\"status\":\"shipped\"}").patch("/api/orders/" + id).then().statusCode(200);
        as(staff).body("{\"status\":\"delivered\"}").patch("/api/orders/" + id).then().statusCode(200);

        // only staff record returns
        as(customer).body(returnOne).post("/api/orders/" + id + "/returns").then().statusCode(403);
        Shop.guest().body(returnOne).post("/api/orders/" + id + "/returns").then().statusCode(401);

        as(staff).body(returnOne).post("/api/orders/" + id + "/returns").then().statusCode(201)
                .body("lines[0].variantId", equalTo((int) a.variantId()))
                .body("lines[0].quantity", equalTo(1))
                .body("amount", equalTo(150.5f))
                .body("reason", equalTo("too small"));
        OrderEvent returned = Shop.awaitOrderEvent(id, OrderEvent.GOODS_RETURNED);
        assertEquals(1, returned.returnedLines().size());
        OrderLine line = returned.returnedLines().get(0);
        assertEquals(a.variantId(), line.variantId());
        assertEquals(1, line.quantity());
        assertEquals(true, returned.goodsShipped());

        JsonPath refunds = awaitRefunds(staff, id, 1);
        assertEquals("succeeded", refunds.getString("items[0].state"));
        assertEquals("return", refunds.getString("items[0].kind"));
        assertEquals(150.5f, refunds.getFloat("items[0].amount"));
        assertEquals(List.of((int) a.variantId()), refunds.getList("items[0].lines.variantId"));
        await().atMost(Shop.WAIT).until(() -> !as(customer).get("/api/orders/" + id).jsonPath().getBoolean("refund.due"));
        as(customer).get("/api/orders/" + id + "/returns").then().statusCode(200).body("items", hasSize(1))
                .body("items[0].amount", equalTo(150.5f));
        as(Shop.customer(Shop.nextId())).get("/api/orders/" + id + "/returns").then().statusCode(404);

        // never more units than bought minus those back already
        as(staff).body("{\"lines\":[{\"variantId\":" + a.variantId() + ",\"quantity\":2}]}").post("/api/orders/" + id + "/returns")
                .then().statusCode(409).body("detail", containsString("at most 1"));
        // the rest of the order: the other unit of a and b, refunded too (never more than paid: 501 goods+delivery)
        as(staff).body("{\"lines\":[{\"variantId\":" + a.variantId() + ",\"quantity\":1},{\"variantId\":" + b.variantId()
                + ",\"quantity\":1}]}").post("/api/orders/" + id + "/returns").then().statusCode(201).body("amount", equalTo(250.5f));
        JsonPath both = awaitRefunds(staff, id, 2);
        assertEquals(List.of("succeeded", "succeeded"), both.getList("items.state"));
        as(staff).body(returnOne).post("/api/orders/" + id + "/returns").then().statusCode(409);
    }

    @Test
    void badReturnsAreRefusedAsProblems() {
        String customer = Shop.customer(Shop.nextId());
        String staff = Shop.staff();
        VariantState a = Shop.known(Shop.variant(Shop.nextId(), "10.00", 10));
        long id = Shop.confirmedOrder(customer, Shop.order(Shop.deliveryType("0", null), "cash", Shop.line(a.variantId(), 3)));
        as(staff).body("{\"status\":\"shipped\"}").patch("/api/orders/" + id).then().statusCode(200);
        String path = "/api/orders/" + id + "/returns";
        as(staff).body("{\"lines\":[]}").post(path).then().statusCode(400).contentType(containsString("problem+json"));
        as(staff).body("{}").post(path).then().statusCode(400);
        as(staff).post(path).then().statusCode(400);
        as(staff).body("{\"lines\":[{\"variantId\":" + a.variantId() + ",\"quantity\":0}]}").post(path).then().statusCode(400);
        as(staff).body("{\"lines\":[{\"variantId\":" + a.variantId() + "}]}").post(path).then().statusCode(400);
        as(staff).body("{\"lines\":[{\"variantId\":" + Shop.nextId() + ",\"quantity\":1}]}").post(path).then().statusCode(400)
                .body("detail", containsString("not a line"));
        as(staff).body("{\"lines\":[{\"variantId\":" + a.variantId() + ",\"quantity\":1},{\"variantId\":" + a.variantId()
                + ",\"quantity\":1}]}").post(path).then().statusCode(400).body("detail", containsString("twice"));
        as(staff).body("{\"lines\":[{\"variantId\":" + a.variantId() + ",\"quantity\":1}]}").post("/api/orders/987654321/returns")
                .then().statusCode(404).contentType(containsString("problem+json"));
    }

    @Test
    void aReturnOfACashOrderIsOwedAndStaffRefundItByHand() {
        String customer = Shop.customer(Shop.nextId());
        String staff = Shop.staff();
        VariantState a = Shop.known(Shop.variant(Shop.nextId(), "40.00", 10));
        long id = Shop.confirmedOrder(customer, Shop.order(Shop.deliveryType("100", null), "cash", Shop.line(a.variantId(), 3)));
        as(staff).body("{\"status\":\"shipped\"}").patch("/api/orders/" + id).then().statusCode(200);
        as(staff).body("{\"status\":\"delivered\"}").patch("/api/orders/" + id).then().statusCode(200); // the courier took the cash
        as(staff).body("{\"lines\":[{\"variantId\":" + a.variantId() + ",\"quantity\":2}]}").post("/api/orders/" + id + "/returns")
                .then().statusCode(201).body("amount", equalTo(80.0f));
        as(customer).get("/api/orders/" + id).then().body("refund.due", equalTo(true)).body("refund.amount", equalTo(80.0f));
        as(customer).get("/api/orders/" + id + "/refunds").then().statusCode(200).body("items", hasSize(0));
        as(staff).body("{\"note\":\"cash back at the counter\"}").post("/api/orders/" + id + "/refund").then().statusCode(200)
                .body("refund.due", equalTo(false)).body("refund.refundedAt", notNullValue());
    }

    @Test
    void deletingAnOrderCancelsItAndSaysSo() {
        long customerId = Shop.nextId();
        String customer = Shop.customer(customerId);
        VariantState a = Shop.known(Shop.variant(Shop.nextId(), "10.00", 10));
        long id = Shop.confirmedOrder(customer, Shop.order(Shop.deliveryType("0", null), "card", Shop.line(a.variantId(), 1)));

        as(Shop.customer(Shop.nextId())).delete("/api/orders/" + id).then().statusCode(404).contentType(containsString("problem+json"));
        Shop.guest().delete("/api/orders/" + id).then().statusCode(404);
        as(customer).delete("/api/orders/" + id).then().statusCode(200)
                .body("status", equalTo("cancelled"))
                .body("reason", equalTo("deleted by customer"));
        OrderEvent cancelled = Shop.awaitOrderEvent(id, OrderEvent.CANCELLED);
        assertEquals("deleted by customer", cancelled.reason());
        JsonPath history = as(customer).get("/api/orders/" + id + "/history").jsonPath();
        assertEquals("deleted by customer", history.getString("items[-1].reason"));
        assertEquals(customerId, history.getLong("items[-1].actorId"));
        // still there, and deleting it again is refused
        as(customer).get("/api/orders/" + id).then().statusCode(200).body("status", equalTo("cancelled"));
        as(customer).delete("/api/orders/" + id).then().statusCode(409).body("detail", containsString("already cancelled"));
    }

    @Test
    void aCustomerChangesThePaymentMethodOfItsUnpaidOrderOnly() {
        String customer = Shop.customer(Shop.nextId());
        VariantState a = Shop.known(Shop.variant(Shop.nextId(), "10.00", 10));
        long id = Shop.confirmedOrder(customer, Shop.order(Shop.deliveryType("0", null), "card", Shop.line(a.variantId(), 1)));
        String path = "/api/orders/" + id + "/payment-method";

        as(Shop.customer(Shop.nextId())).body("{\"paymentMethod\":\"cash\"}").put(path).then().statusCode(404);
        Shop.guest().body("{\"paymentMethod\":\"cash\"}").put(path).then().statusCode(404);
        as(customer).body("{\"paymentMethod\":\"bitcoin\"}").put(path).then().statusCode(400).contentType(containsString("problem+json"));
        as(customer).body("{}").put(path).then().statusCode(400);
        as(customer).body("{\"paymentMethod\":\"cash\"}").put(path).then().statusCode(200).body("paymentMethod", equalTo("cash"));
        as(customer).body("{\"paymentMethod\":\"card\"}").put(path).then().statusCode(200).body("paymentMethod", equalTo("card"));

        pay(customer, id);
        as(customer).body("{\"paymentMethod\":\"cash\"}").put(path).then().statusCode(409).body("detail", containsString("already paid"));
        as(customer).get("/api/orders/" + id).then().body("paymentMethod", equalTo("card"));
        as(Shop.staff()).body("{\"paymentMethod\":\"cash\"}").put("/api/orders/987654321/payment-method").then().statusCode(404);
    }
}
