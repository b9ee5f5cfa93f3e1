package shop.orders.order;

import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.notNullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static shop.orders.Shop.as;

import io.quarkus.test.junit.QuarkusTest;
import java.util.List;
import org.junit.jupiter.api.Test;
import shop.contracts.catalog.VariantState;
import shop.contracts.orders.OrderEvent;
import shop.orders.Shop;

/** Staff move orders through allowed transitions only; customers cancel before shipping; all is history. */
@QuarkusTest
class OrderLifecycleTest {
    private long order(String customer, String payment) {
        VariantState v = Shop.known(Shop.variant(Shop.nextId(), "100.00", 10));
        return Shop.confirmedOrder(customer, Shop.order(Shop.deliveryType("0", null), payment, Shop.line(v.variantId(), 1)));
    }

    @Test
    void onlyAllowedTransitionsAreAcceptedAndEachIsRecordedWithWhoDidIt() {
        long staffId = Shop.nextId();
        String staff = Shop.staff(staffId);
        long id = order(Shop.customer(Shop.nextId()), "cash");

        as(staff).body("{\"status\":\"delivered\"}").patch("/api/orders/" + id).then().statusCode(409);
        as(staff).body("{\"status\":\"new\"}").patch("/api/orders/" + id).then().statusCode(409);
        as(staff).body("{\"status\":\"rejected\"}").patch("/api/orders/" + id).then().statusCode(409);
        as(staff).body("{\"status\":\"nonsense\"}").patch("/api/orders/" + id).then().statusCode(400);
        as(staff).body("{\"status\":\"shipped\"}").patch("/api/orders/" + id).then().statusCode(200)
                .body("status", equalTo("shipped")).body("shippedAt", notNullValue());
        as(staff).body("{\"status\":\"confirmed\"}").patch("/api/orders/" + id).then().statusCode(409);
        as(Shop.customer(Shop.nextId())).body("{\"status\":\"delivered\"}").patch("/api/orders/" + id).then().statusCode(403);

        as(staff).get("/api/orders/" + id + "/history").then().statusCode(200)
                .body("items.toStatus", contains("new", "confirmed", "shipped"))
                .body("items[2].actorKind", equalTo("staff")).body("items[2].actorId", equalTo((int) staffId))
                .body("items[2].changedAt", notNullValue()).body("items[2].fromStatus", equalTo("confirmed"));
        as(staff).queryParam("from", java.time.LocalDate.now(java.time.ZoneOffset.UTC).toString()).queryParam("limit", 200)
                .get("/api/orders/history").then().statusCode(200).body("items.orderId", hasItem((int) id));
        as(Shop.customer(Shop.nextId())).get("/api/orders/history").then().statusCode(403);
    }

    @Test
    void aCashOrderHandedOverIsPaidAndACardOrderShipsOnlyWhenPaid() {
        String staff = Shop.staff();
        long cash = order(Shop.customer(Shop.nextId()), "cash");
        as(staff).body("{\"status\":\"shipped\"}").patch("/api/orders/" + cash).then().statusCode(200);
        as(staff).body("{\"status\":\"delivered\"}").patch("/api/orders/" + cash).then().statusCode(200)
                .body("paidAt", notNullValue());
        OrderEvent paid = Shop.awaitOrderEvent(cash, OrderEvent.PAID);
        assertEquals("delivered", paid.status());
        assertEquals("cash", paid.paymentMethod());
        assertEquals(List.of(OrderEvent.PLACED, OrderEvent.CONFIRMED, OrderEvent.STATUS_CHANGED, OrderEvent.STATUS_CHANGED,
                OrderEvent.PAID), Shop.orderEventTypes(cash, OrderEvent.PAID));

        long card = order(Shop.customer(Shop.nextId()), "card");
        as(staff).body("{\"status\":\"shipped\"}").patch("/api/orders/" + card).then().statusCode(409);
        as(staff).body("{\"status\":\"paid\"}").patch("/api/orders/" + card).then().statusCode(200).body("paidAt", notNullValue());
        assertEquals("paid", Shop.awaitOrderEvent(card, OrderEvent.PAID).status());
        as(staff).body("{\"status\":\"shipped\"}").patch("/api/orders/" + card).then().statusCode(200);
    }

    @Test
    void staffUseACustomStatusOnlyWhereItsTransitionsAllow() {
        String staff = Shop.staff();
        String code = "packing-" + Shop.nextId();
        as(staff).body("{\"code\":\"" + code + "\",\"name\":\"Packing " + code + "\",\"from\":[\"confirmed\"],\"to\":[\"shipped\"]}")
                .post("/api/order-statuses").then().statusCode(201);
        long id = order(Shop.customer(Shop.nextId()), "cash");
        as(staff).body("{\"status\":\"" + code + "\"}").patch("/api/orders/" + id).then().statusCode(200).body("status", equalTo(code));
        OrderEvent changed = Shop.awaitOrderEvent(id, OrderEvent.STATUS_CHANGED);
        assertEquals(code, changed.status());
        assertEquals("confirmed", changed.previousStatus());
        as(staff).body("{\"status\":\"delivered\"}").patch("/api/orders/" + id).then().statusCode(409);
        // a status orders went through is history: it cannot be deleted
        as(staff).delete("/api/order-statuses/" + code).then().statusCode(409);
        as(staff).body("{\"status\":\"shipped\"}").patch("/api/orders/" + id).then().statusCode(200);
    }

    @Test
    void aCustomerCancelsBeforeShippingAndCatalogIsTold() {
        String staff = Shop.staff();
        long customerId = Shop.nextId();
        String customer = Shop.customer(customerId);
        long id = order(customer, "card");
        as(Shop.customer(Shop.nextId())).body("{}").post("/api/orders/" + id + "/cancel").then().statusCode(404);
        as(customer).body("{\"reason\":\"changed my mind\"}").post("/api/orders/" + id + "/cancel").then().statusCode(200)
                .body("status", equalTo("cancelled")).body("reason", equalTo("changed my mind"));
        OrderEvent cancelled = Shop.awaitOrderEvent(id, OrderEvent.CANCELLED);
        assertEquals("confirmed", cancelled.previousStatus());
        assertEquals(1, cancelled.lines().size());
        as(customer).body("{}").post("/api/orders/" + id + "/cancel").then().statusCode(409);
        as(staff).get("/api/orders/" + id + "/history").then().body("items[2].actorKind", equalTo("customer"))
                .body("items[2].actorId", equalTo((int) customerId));

        long shipped = order(customer, "cash");
        as(staff).body("{\"status\":\"shipped\"}").patch("/api/orders/" + shipped).then().statusCode(200);
        as(customer).body("{}").post("/api/orders/" + shipped + "/cancel").then().statusCode(409);
        as(staff).body("{}").post("/api/orders/" + shipped + "/cancel").then().statusCode(200).body("status", equalTo("cancelled"));
        Shop.awaitOrderEvent(shipped, OrderEvent.CANCELLED);
    }

    @Test
    void staffChangeDeliveryAndPaymentAndTheTotalFollows() {
        String staff = Shop.staff();
        long id = order(Shop.customer(Shop.nextId()), "card");
        long courier = Shop.deliveryType("400", null);
        as(staff).body("{\"deliveryTypeId\":" + courier + ",\"deliveryAddress\":\"Kazan, Baumana 5\",\"paymentMethod\":\"cash\"}")
                .patch("/api/orders/" + id).then().statusCode(200)
                .body("deliveryCost", equalTo(400.0f)).body("total", equalTo(500.0f))
                .body("deliveryAddress", equalTo("Kazan, Baumana 5")).body("paymentMethod", equalTo("cash"));
        as(staff).body("{\"deliveryCost\":150}").patch("/api/orders/" + id).then().statusCode(200).body("total", equalTo(250.0f));
        as(staff).body("{\"paymentMethod\":\"wire\"}").patch("/api/orders/" + id).then().statusCode(400);
        as(staff).body("{\"unknown\":1}").patch("/api/orders/" + id).then().statusCode(400);
        as(staff).body("{\"status\":\"shipped\"}").patch("/api/orders/" + Shop.nextId()).then().statusCode(404);
    }

    @Test
    void anUnpaidCardOrderWaitsForItsPaymentAndEntersNoCustomStatus() {
        String staff = Shop.staff();
        String code = "assembling-" + Shop.nextId();
        as(staff).body("{\"code\":\"" + code + "\",\"name\":\"Assembling " + code + "\",\"from\":[\"confirmed\",\"paid\"],\"to\":[\"shipped\"]}")
                .post("/api/order-statuses").then().statusCode(201);
        long card = order(Shop.customer(Shop.nextId()), "card");
        // there it could not be paid, would never expire and would keep its stock reserved
        as(staff).body("{\"status\":\"" + code + "\"}").patch("/api/orders/" + card).then().statusCode(409)
                .contentType(org.hamcrest.Matchers.containsString("problem+json"))
                .body("detail", org.hamcrest.Matchers.containsString("not paid yet"));
        as(staff).get("/api/orders/" + card).then().body("status", equalTo("confirmed"));
        as(staff).get("/api/orders/" + card + "/history").then().body("items.toStatus", contains("new", "confirmed"));

        // paid, it goes on as any order
        as(staff).body("{\"status\":\"paid\"}").patch("/api/orders/" + card).then().statusCode(200);
        as(staff).body("{\"status\":\"" + code + "\"}").patch("/api/orders/" + card).then().statusCode(200)
                .body("status", equalTo(code));
        // a cash order is paid on delivery: it may
        long cash = order(Shop.customer(Shop.nextId()), "cash");
        as(staff).body("{\"status\":\"" + code + "\"}").patch("/api/orders/" + cash).then().statusCode(200);
        // and it cannot be switched to card there, where it could never be paid
        as(staff).body("{\"paymentMethod\":\"card\"}").patch("/api/orders/" + cash).then().statusCode(409);
        as(staff).get("/api/orders/" + cash).then().body("paymentMethod", equalTo("cash"));
    }
}
