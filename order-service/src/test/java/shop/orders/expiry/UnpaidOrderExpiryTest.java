package shop.orders.expiry;

import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static shop.orders.Shop.as;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import jakarta.inject.Inject;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import shop.contracts.catalog.VariantState;
import shop.contracts.orders.OrderEvent;
import shop.orders.MovableClock;
import shop.orders.Shop;

/**
 * Confirmed card orders left unpaid past shop.orders.unpaid-timeout (PT5S in tests) are cancelled, once.
 * The job's clock is moved instead of waiting the deadline out.
 */
@QuarkusTest
class UnpaidOrderExpiryTest {
    @Inject
    UnpaidOrderExpiry expiry;

    @Inject
    MovableClock clock;

    @ConfigProperty(name = "shop.orders.unpaid-timeout")
    Duration timeout;

    @AfterEach
    void realTimeAgain() {
        clock.reset();
    }

    /** The job's clock a moment past the deadline of every order confirmed until now. */
    private void pastTheDeadline() {
        clock.advance(timeout.plusSeconds(1));
    }

    private static long confirmed(String customer, String payment) {
        VariantState v = Shop.known(Shop.variant(Shop.nextId(), "75.00", 10));
        return Shop.confirmedOrder(customer, Shop.order(Shop.deliveryType("0", null), payment, Shop.line(v.variantId(), 1)));
    }

    @Test
    void anUnpaidCardOrderIsCancelledExactlyOnceAndItsStockReleased() {
        String customer = Shop.customer(Shop.nextId());
        String staff = Shop.staff();
        long card = confirmed(customer, "card");
        long cash = confirmed(customer, "cash");
        pastTheDeadline();

        // two replicas running the job at the same moment, again and again until the order is cancelled
        await().atMost(Shop.WAIT).until(() -> {
            CompletableFuture.allOf(CompletableFuture.runAsync(expiry::run), CompletableFuture.runAsync(expiry::run)).join();
            return "cancelled".equals(as(staff).get("/api/orders/" + card).jsonPath().getString("status"));
        });
        expiry.run();

        List<String> statuses = as(staff).get("/api/orders/" + card + "/history").jsonPath().getList("items.toStatus", String.class);
        assertEquals(List.of("new", "confirmed", "cancelled"), statuses);
        as(staff).get("/api/orders/" + card + "/history").then()
                .body("items[2].actorKind", equalTo("system"))
                .body("items[2].reason", equalTo("not paid within 5 s"));
        OrderEvent cancelled = Shop.awaitOrderEvent(card, OrderEvent.CANCELLED);
        assertEquals("confirmed", cancelled.previousStatus());
        assertEquals(1, Shop.orderEventTypes(card, OrderEvent.CANCELLED).stream().filter(OrderEvent.CANCELLED::equals).count());
        // a cash order is paid on delivery: it never expires
        as(staff).get("/api/orders/" + cash).then().body("status", equalTo("confirmed"));
        // and a cancelled order cannot be paid any more
        as(customer).body("{\"returnUrl\":\"https://shop.example/ok\",\"failUrl\":\"https://shop.example/fail\"}")
                .post("/api/orders/" + card + "/payments").then().statusCode(409);
    }

    @Test
    void aPaidOrderAndAFreshOneAreLeftAlone() {
        String customer = Shop.customer(Shop.nextId());
        String staff = Shop.staff();
        long paid = confirmed(customer, "card");
        String paymentId = as(customer).body("{\"returnUrl\":\"https://shop.example/ok\",\"failUrl\":\"https://shop.example/fail\"}")
                .post("/api/orders/" + paid + "/payments").then().statusCode(201).extract().jsonPath().getString("paymentId");
        RestAssured.given().redirects().follow(false).formParam("outcome", "pay")
                .post("/api/payments/sandbox/" + paymentId).then().statusCode(303);
        RestAssured.given().redirects().follow(false).get("/api/payments/" + paymentId + "/return")
                .then().statusCode(303);
        as(staff).get("/api/orders/" + paid).then().body("status", equalTo("paid"));

        long fresh = confirmed(customer, "card");
        runJustBeforeTheDeadlineLeavesItAlone(staff, fresh);
        pastTheDeadline();
        await().atMost(Shop.WAIT).until(() -> {
            expiry.run();
            return "cancelled".equals(as(staff).get("/api/orders/" + fresh).jsonPath().getString("status"));
        });
        as(staff).get("/api/orders/" + paid).then().body("status", equalTo("paid"));
    }

    private static Instant confirmedAt(String staff, long orderId) {
        return Instant.parse(as(staff).get("/api/orders/" + orderId + "/history").jsonPath()
                .getString("items.find { it.toStatus == 'confirmed' }.changedAt"));
    }

    /** The job run with its clock 100 ms short of the order's deadline leaves it confirmed. */
    private void runJustBeforeTheDeadlineLeavesItAlone(String staff, long orderId) {
        clock.setTo(confirmedAt(staff, orderId).plus(timeout).minusMillis(100));
        expiry.run();
        as(staff).get("/api/orders/" + orderId).then().body("status", equalTo("confirmed"));
    }

    private static String startPayment(String customer, long orderId) {
        return as(customer).body("{\"returnUrl\":\"https://shop.example/ok\",\"failUrl\":\"https://shop.example/fail\"}")
                .post("/api/orders/" + orderId + "/payments").then().statusCode(201).extract().jsonPath().getString("paymentId");
    }

    /** The sandbox page's button, with the customer's browser never coming back (the callback is lost). */
    private static void clickOnly(String paymentId, String outcome) {
        RestAssured.given().redirects().follow(false).formParam("outcome", outcome)
                .post("/api/payments/sandbox/" + paymentId).then().statusCode(303);
    }

    /** Runs the job past the deadline (as the scheduler would) until the order leaves confirmed; answers its status then. */
    private String expireUntilDecided(String staff, long orderId) {
        pastTheDeadline();
        await().atMost(Shop.WAIT).pollInterval(Duration.ofMillis(100)).until(() -> {
            expiry.run();
            return !"confirmed".equals(as(staff).get("/api/orders/" + orderId).jsonPath().getString("status"));
        });
        return as(staff).get("/api/orders/" + orderId).jsonPath().getString("status");
    }

    @Test
    void anOrderPaidAtTheProviderWhoseCallbackWasLostIsMarkedPaidNotCancelled() {
        String customer = Shop.customer(Shop.nextId());
        String staff = Shop.staff();
        Instant started = Instant.now();
        long id = confirmed(customer, "card");
        String paymentId = startPayment(customer, id);
        clickOnly(paymentId, "pay"); // paid on the provider's page; order-service has not heard of it
        runJustBeforeTheDeadlineLeavesItAlone(staff, id); // not due yet: nobody asks the provider

        assertEquals("paid", expireUntilDecided(staff, id));
        expiry.run();
        as(staff).get("/api/orders/" + id).then().body("status", equalTo("paid"));
        as(customer).get("/api/payments/" + paymentId).then().body("status", equalTo("paid"));
        List<String> statuses = as(staff).get("/api/orders/" + id + "/history").jsonPath().getList("items.toStatus", String.class);
        assertEquals(List.of("new", "confirmed", "paid"), statuses);
        // catalog sells the reserved stock on OrderPaid; nothing asked it to release the stock
        List<String> events = Shop.orderEventTypesSince(id, started, OrderEvent.PAID);
        assertEquals(List.of(OrderEvent.PLACED, OrderEvent.CONFIRMED, OrderEvent.PAID), events);
    }

    @Test
    void anOrderWhosePaymentFailedOrWasNeverMadeIsCancelled() {
        String customer = Shop.customer(Shop.nextId());
        String staff = Shop.staff();
        long failed = confirmed(customer, "card");
        String failedPayment = startPayment(customer, failed);
        clickOnly(failedPayment, "fail");
        long untouched = confirmed(customer, "card");
        String openPayment = startPayment(customer, untouched); // the customer opened the page and left

        assertEquals("cancelled", expireUntilDecided(staff, failed));
        assertEquals("cancelled", expireUntilDecided(staff, untouched));
        as(customer).get("/api/payments/" + failedPayment).then().body("status", equalTo("failed"));
        // the page left open is closed once the order is cancelled: it can no longer be paid
        await().atMost(Shop.WAIT).until(() ->
                "failed".equals(as(customer).get("/api/payments/" + openPayment).jsonPath().getString("status")));
        RestAssured.given().formParam("outcome", "pay").post("/api/payments/sandbox/" + openPayment)
                .then().statusCode(409);
        assertEquals("confirmed", Shop.awaitOrderEvent(failed, OrderEvent.CANCELLED).previousStatus());
        assertEquals("confirmed", Shop.awaitOrderEvent(untouched, OrderEvent.CANCELLED).previousStatus());
    }

    @Test
    void aCashOrderSwitchedToCardHasItsDeadlineFromTheSwitch() {
        String customer = Shop.customer(Shop.nextId());
        String staff = Shop.staff();
        long id = confirmed(customer, "cash");
        Instant confirmedAt = confirmedAt(staff, id);
        // the switch comes measurably later than the confirmation (a short real wait, not the deadline)
        await().atMost(Shop.WAIT).pollInterval(Duration.ofMillis(50)).until(() -> Instant.now().isAfter(confirmedAt.plusMillis(300)));

        Instant switched = Instant.now();
        as(staff).body("{\"paymentMethod\":\"card\"}").patch("/api/orders/" + id).then().statusCode(200)
                .body("paymentMethod", equalTo("card"));
        // 100 ms short of the deadline counted from the switch, the one counted from the confirmation has
        // passed: the customer has the full time to pay from the switch
        Instant justBefore = switched.plus(timeout).minusMillis(100);
        org.junit.jupiter.api.Assertions.assertTrue(confirmedAt.plus(timeout).isBefore(justBefore));
        clock.setTo(justBefore);
        expiry.run();
        as(staff).get("/api/orders/" + id).then().body("status", equalTo("confirmed"));

        assertEquals("cancelled", expireUntilDecided(staff, id));
    }
}
