package shop.orders.order;

import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static shop.orders.Shop.as;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import java.util.List;
import org.junit.jupiter.api.Test;
import shop.contracts.catalog.VariantState;
import shop.contracts.orders.OrderEvent;
import shop.devstack.infra.ReceivedMail;
import shop.devstack.testing.MailResource;
import shop.devstack.testing.TelegramStandIn;
import shop.orders.Shop;

/** A paid cash order that is cancelled owes the customer its money: staff see it, hear of it and record the refund by hand. */
@QuarkusTest
class CancelAfterPaymentTest {
    /**
     * A confirmed cash order of 2 × 150.50 + 200 delivery that staff marked paid (the money was taken by hand):
     * its refund is the manual path. A card-paid order is refunded through the provider ({@code RefundTest}).
     */
    private static long paidOrder(String customer) {
        VariantState v = Shop.known(Shop.variant(Shop.nextId(), "150.50", 10));
        long id = Shop.confirmedOrder(customer, Shop.order(Shop.deliveryType("200", null), "cash", Shop.line(v.variantId(), 2)));
        as(Shop.staff()).body("{\"status\":\"paid\"}").patch("/api/orders/" + id).then().statusCode(200);
        as(customer).get("/api/orders/" + id).then().body("status", equalTo("paid"));
        return id;
    }

    private static List<Long> refundDueIds(String staff, String refundDue, long id) {
        return as(staff).queryParam("refundDue", refundDue).queryParam("ids", String.valueOf(id)).get("/api/orders")
                .then().statusCode(200).extract().jsonPath().getList("items.id", Long.class);
    }

    @Test
    void aCustomerCancellingAPaidOrderLeavesARefundDueThatStaffHearOfAndMarkDone() {
        long customerId = Shop.nextId();
        String customer = Shop.customer(customerId);
        long staffId = Shop.nextId();
        String staff = Shop.staff(staffId);
        long id = paidOrder(customer);

        as(customer).body("{\"reason\":\"changed my mind\"}").post("/api/orders/" + id + "/cancel").then().statusCode(200)
                .body("status", equalTo("cancelled"))
                .body("refund.amount", equalTo(501.0f))
                .body("refund.due", equalTo(true))
                .body("refund.dueSince", notNullValue())
                .body("refund.refundedAt", nullValue());
        OrderEvent cancelled = Shop.awaitOrderEvent(id, OrderEvent.CANCELLED);
        assertEquals("paid", cancelled.previousStatus());

        // staff find it among the refunds to do
        assertEquals(List.of(id), refundDueIds(staff, "true", id));
        assertEquals(List.of(), refundDueIds(staff, "false", id));
        as(staff).queryParam("refundDue", "true").queryParam("limit", 100).get("/api/orders").then().statusCode(200)
                .body("items.id", hasItem((int) id));

        // the shop mailbox and the shop's Telegram chat are told, the customer is told the money comes back
        String subject = "Order #" + id + " cancelled after payment of 501.00 RUB: refund due";
        ReceivedMail shopMail = MailResource.awaitMessage(
                m -> m.to().equalsIgnoreCase("shop@localhost") && m.subject().equals(subject), Shop.WAIT);
        assertTrue(shopMail.body().contains("changed my mind") && shopMail.body().contains("Total: 501.00 RUB"), shopMail.body());
        await().atMost(Shop.WAIT).until(() -> TelegramStandIn.receivedMentioning(subject).size() == 1);
        ReceivedMail customerMail = MailResource.awaitMessage(
                m -> m.subject().equals("Order #" + id + " is cancelled"), Shop.WAIT);
        assertTrue(customerMail.body().contains("501.00 RUB you paid will be refunded"), customerMail.body());

        // only staff record the refund
        as(customer).post("/api/orders/" + id + "/refund").then().statusCode(403);
        as(null).post("/api/orders/" + id + "/refund").then().statusCode(401);
        as(staff).body("{\"note\":\"card refund #77\"}").post("/api/orders/" + id + "/refund").then().statusCode(200)
                .body("status", equalTo("cancelled"))
                .body("refund.due", equalTo(false))
                .body("refund.amount", equalTo(501.0f))
                .body("refund.refundedAt", notNullValue());
        as(staff).post("/api/orders/" + id + "/refund").then().statusCode(409)
                .contentType(containsString("problem+json")).body("detail", containsString("already refunded"));

        JsonPath history = as(staff).get("/api/orders/" + id + "/history").jsonPath();
        List<String> reasons = history.getList("items.reason", String.class);
        assertEquals("refunded 501.00: card refund #77", reasons.get(reasons.size() - 1));
        assertEquals("staff", history.getString("items[-1].actorKind"));
        assertEquals(staffId, history.getLong("items[-1].actorId"));
        assertEquals("cancelled", history.getString("items[-1].toStatus"));
        // the customer sees the refund done, not which staff member did it
        as(customer).get("/api/orders/" + id).then().statusCode(200).body("refund.due", equalTo(false));
        as(customer).get("/api/orders/" + id + "/history").then().body("items[-1].actorId", nullValue());

        assertEquals(List.of(), refundDueIds(staff, "true", id));
        assertEquals(List.of(id), refundDueIds(staff, "false", id));
    }

    @Test
    void staffCancellingAShippedPaidOrderAlsoOwesTheMoney() {
        String customer = Shop.customer(Shop.nextId());
        String staff = Shop.staff();
        long id = paidOrder(customer);
        as(staff).body("{\"status\":\"shipped\"}").patch("/api/orders/" + id).then().statusCode(200);
        as(customer).post("/api/orders/" + id + "/cancel").then().statusCode(409);
        as(staff).post("/api/orders/" + id + "/cancel").then().statusCode(200)
                .body("refund.due", equalTo(true)).body("refund.amount", equalTo(501.0f));
        assertEquals(List.of(id), refundDueIds(staff, "true", id));
    }

    @Test
    void anUnpaidCancelledOrderOwesNothingAndBadRequestsAreRefused() {
        String customer = Shop.customer(Shop.nextId());
        String staff = Shop.staff();
        VariantState v = Shop.known(Shop.variant(Shop.nextId(), "10.00", 10));
        long id = Shop.confirmedOrder(customer, Shop.order(Shop.deliveryType("0", null), "card", Shop.line(v.variantId(), 1)));
        as(customer).post("/api/orders/" + id + "/cancel").then().statusCode(200).body("$", not(org.hamcrest.Matchers.hasKey("refund")));
        as(staff).post("/api/orders/" + id + "/refund").then().statusCode(409)
                .body("detail", containsString("nothing is to be refunded"));
        assertEquals(List.of(), refundDueIds(staff, "true", id));
        assertEquals(List.of(id), refundDueIds(staff, "false", id));

        as(staff).post("/api/orders/987654321/refund").then().statusCode(404);
        as(staff).queryParam("refundDue", "maybe").get("/api/orders").then().statusCode(400)
                .contentType(containsString("problem+json"));
        as(staff).body("{\"note\":\"" + "x".repeat(2001) + "\"}").post("/api/orders/" + id + "/refund").then().statusCode(400);
    }
}
