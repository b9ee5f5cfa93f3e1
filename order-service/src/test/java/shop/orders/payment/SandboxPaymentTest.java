package shop.orders.payment;

import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.endsWith;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.nullValue;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static shop.orders.Shop.as;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import io.restassured.response.Response;
import jakarta.inject.Inject;
import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;
import shop.contracts.catalog.VariantState;
import shop.contracts.orders.OrderEvent;
import shop.orders.Shop;

/** Paying an order on the sandbox provider's page: pay, fail, exactly once, and who may pay. */
@QuarkusTest
class SandboxPaymentTest {
    static final String RETURN = "https://shop.example/orders/paid";
    static final String FAIL = "https://shop.example/orders/failed";

    @Inject
    PaymentSync sync;

    static long confirmed(String customer, String payment) {
        VariantState v = Shop.known(Shop.variant(Shop.nextId(), "150.50", 10));
        return Shop.confirmedOrder(customer, Shop.order(Shop.deliveryType("200", null), payment, Shop.line(v.variantId(), 2)));
    }

    static String urls() {
        return "{\"returnUrl\":\"" + RETURN + "\",\"failUrl\":\"" + FAIL + "\"}";
    }

    static Response start(String token, long orderId) {
        return as(token).body(urls()).post("/api/orders/" + orderId + "/payments");
    }

    /** Clicks a button of the sandbox page; answers the path the browser is redirected to. */
    static String click(String paymentId, String outcome) {
        Response page = RestAssured.given().get("/api/payments/sandbox/" + paymentId);
        page.then().statusCode(200).contentType(containsString("text/html"))
                .body(containsString("Pay")).body(containsString("Fail"));
        String location = RestAssured.given().redirects().follow(false).formParam("outcome", outcome)
                .post("/api/payments/sandbox/" + paymentId).then().statusCode(303)
                .header("Location", endsWith("/api/payments/" + paymentId + "/return")).extract().header("Location");
        return URI.create(location).getPath();
    }

    static String comeBack(String path) {
        return RestAssured.given().redirects().follow(false).get(path).then().statusCode(303).extract().header("Location");
    }

    static long count(String staff, long orderId, String toStatus) {
        return as(staff).get("/api/orders/" + orderId + "/history").jsonPath().getList("items.toStatus", String.class)
                .stream().filter(toStatus::equals).count();
    }

    @Test
    void theCustomerPaysOnTheSandboxPageAndTheOrderIsPaidOnce() {
        String customer = Shop.customer(Shop.nextId());
        String staff = Shop.staff();
        long id = confirmed(customer, "card");

        Response started = start(customer, id);
        started.then().statusCode(201).body("paymentId", notNullValue());
        String paymentId = started.jsonPath().getString("paymentId");
        String paymentUrl = started.jsonPath().getString("paymentUrl");
        assertEquals("/api/payments/sandbox/" + paymentId, URI.create(paymentUrl).getPath());
        as(customer).get("/api/payments/" + paymentId).then().statusCode(200)
                .body("status", equalTo("pending")).body("amount", equalTo(501.0f)).body("provider", equalTo("sandbox"));

        String back = click(paymentId, "pay");
        assertEquals(RETURN, comeBack(back));

        as(customer).get("/api/orders/" + id).then().body("status", equalTo("paid")).body("paidAt", notNullValue());
        as(customer).get("/api/payments/" + paymentId).then().body("status", equalTo("paid"));
        OrderEvent paid = Shop.awaitOrderEvent(id, OrderEvent.PAID);
        assertEquals("card", paid.paymentMethod());
        assertEquals(0, new java.math.BigDecimal("501.00").compareTo(paid.total()));
        var history = as(staff).get("/api/orders/" + id + "/history").jsonPath();
        assertEquals("system", history.getString("items.find { it.toStatus == 'paid' }.actorKind"));

        // the customer reloads the return page, the page is clicked again: nothing more happens
        assertEquals(RETURN, comeBack(back));
        RestAssured.given().redirects().follow(false).formParam("outcome", "fail").post("/api/payments/sandbox/" + paymentId)
                .then().statusCode(303);
        assertEquals(RETURN, comeBack(back));
        assertEquals(1, count(staff, id, "paid"));
        start(customer, id).then().statusCode(409);
    }

    @Test
    void aFailedPaymentLeavesTheOrderUnpaidAndItCanBePaidAgain() {
        String customer = Shop.customer(Shop.nextId());
        long id = confirmed(customer, "card");
        String first = start(customer, id).then().statusCode(201).extract().jsonPath().getString("paymentId");
        assertEquals(FAIL, comeBack(click(first, "fail")));
        as(customer).get("/api/orders/" + id).then().body("status", equalTo("confirmed"));
        as(customer).get("/api/payments/" + first).then().body("status", equalTo("failed"));

        String second = start(customer, id).then().statusCode(201).extract().jsonPath().getString("paymentId");
        assertEquals(RETURN, comeBack(click(second, "pay")));
        as(customer).get("/api/orders/" + id).then().body("status", equalTo("paid"));
        as(customer).get("/api/orders/" + id + "/payments").then().statusCode(200)
                .body("items.status", org.hamcrest.Matchers.contains("failed", "paid"));
    }

    @Test
    void concurrentReturnsAndSyncsMarkTheOrderPaidExactlyOnce() throws Exception {
        String customer = Shop.customer(Shop.nextId());
        String staff = Shop.staff();
        long id = confirmed(customer, "card");
        String paymentId = start(customer, id).then().statusCode(201).extract().jsonPath().getString("paymentId");
        // the sandbox records the click; the customer's browser has not come back yet
        RestAssured.given().redirects().follow(false).formParam("outcome", "pay").post("/api/payments/sandbox/" + paymentId)
                .then().statusCode(303);

        ExecutorService pool = Executors.newFixedThreadPool(8);
        try {
            List<Callable<Object>> tasks = new ArrayList<>();
            for (int i = 0; i < 8; i++) {
                tasks.add(i % 2 == 0
                        ? () -> comeBack("/api/payments/" + paymentId + "/return")
                        : () -> {
                            sync.sync();
                            return null;
                        });
            }
            for (Future<Object> f : pool.invokeAll(tasks)) {
                f.get();
            }
        } finally {
            pool.shutdownNow();
        }
        as(staff).get("/api/orders/" + id).then().body("status", equalTo("paid"));
        assertEquals(1, count(staff, id, "paid"));
        List<String> types = Shop.orderEventTypes(id, OrderEvent.PAID);
        assertEquals(1, types.stream().filter(OrderEvent.PAID::equals).count());
    }

    @Test
    void onlyConfirmedUnpaidCardOrdersCanBePaid() {
        String customer = Shop.customer(Shop.nextId());
        long cash = confirmed(customer, "cash");
        start(customer, cash).then().statusCode(409).contentType(containsString("problem+json"));

        VariantState v = Shop.known(Shop.variant(Shop.nextId(), "10.00", 10));
        long fresh = Shop.place(customer, Shop.order(Shop.deliveryType("0", null), "card", Shop.line(v.variantId(), 1)));
        start(customer, fresh).then().statusCode(409); // not confirmed by the stock reservation yet

        long card = confirmed(customer, "card");
        as(customer).body("{\"failUrl\":\"" + FAIL + "\"}").post("/api/orders/" + card + "/payments").then().statusCode(400)
                .body("detail", containsString("returnUrl"));
        as(customer).body("{\"returnUrl\":\"javascript:alert(1)\",\"failUrl\":\"" + FAIL + "\"}")
                .post("/api/orders/" + card + "/payments").then().statusCode(400);
        as(customer).post("/api/orders/" + card + "/payments").then().statusCode(400);
        start(customer, 987_654_321L).then().statusCode(404);
        RestAssured.given().get("/api/payments/00000000-0000-0000-0000-000000000000/return").then().statusCode(404);
        // a malformed payment id is the client's mistake (400, as for every malformed path parameter)
        RestAssured.given().get("/api/payments/sandbox/not-a-uuid").then().statusCode(400)
                .contentType("application/problem+json");
    }

    @Test
    void nobodyElsePaysOrSeesTheOrdersPayments() {
        String owner = Shop.customer(Shop.nextId());
        String stranger = Shop.customer(Shop.nextId());
        long id = confirmed(owner, "card");
        start(stranger, id).then().statusCode(404);
        start(null, id).then().statusCode(404);
        String paymentId = start(Shop.staff(), id).then().statusCode(201).extract().jsonPath().getString("paymentId");
        as(stranger).get("/api/payments/" + paymentId).then().statusCode(404);
        as(null).get("/api/payments/" + paymentId).then().statusCode(404);
        as(stranger).get("/api/orders/" + id + "/payments").then().statusCode(404);
        as(owner).get("/api/payments/" + paymentId).then().statusCode(200).body("orderId", equalTo((int) id));

        // a guest pays with its order token
        VariantState v = Shop.known(Shop.variant(Shop.nextId(), "10.00", 10));
        Response placed = Shop.guest().body(Shop.order(Shop.deliveryType("0", null), "card", Shop.line(v.variantId(), 1)))
                .post("/api/orders");
        long guestOrder = placed.then().statusCode(201).extract().jsonPath().getLong("id");
        String token = placed.jsonPath().getString("accessToken");
        Shop.stockReply(guestOrder, shop.contracts.catalog.StockReply.RESERVED, List.of());
        Shop.awaitStatus(guestOrder, "confirmed");
        start(null, guestOrder).then().statusCode(404);
        Shop.guest().header("X-Order-Token", token).body(urls()).post("/api/orders/" + guestOrder + "/payments")
                .then().statusCode(201);
    }

    @Test
    void afterTheCancelTheSandboxPageRefusesToPayAndTheOrderStaysCancelled() {
        java.time.Instant started = java.time.Instant.now();
        String customer = Shop.customer(Shop.nextId());
        String staff = Shop.staff();
        long id = confirmed(customer, "card");
        String paymentId = start(customer, id).then().statusCode(201).extract().jsonPath().getString("paymentId");

        as(customer).body("{}").post("/api/orders/" + id + "/cancel").then().statusCode(200).body("status", equalTo("cancelled"));
        await().atMost(Shop.WAIT).until(() -> "failed".equals(as(customer).get("/api/payments/" + paymentId).jsonPath().getString("status")));
        String page = RestAssured.given().get("/api/payments/sandbox/" + paymentId).then().statusCode(200).extract().asString();
        assertTrue(page.contains("no longer possible"), page);
        assertFalse(page.contains("value=\"pay\""), "the closed page still offers to pay");
        // a tab left open from before the cancel: the click is refused and nothing is paid
        RestAssured.given().redirects().follow(false).formParam("outcome", "pay").post("/api/payments/sandbox/" + paymentId)
                .then().statusCode(409).contentType(containsString("problem+json")).body("detail", containsString("cancelled"));
        assertEquals(FAIL, comeBack("/api/payments/" + paymentId + "/return"));
        sync.sync();

        as(customer).get("/api/payments/" + paymentId).then().body("status", equalTo("failed"));
        as(customer).get("/api/orders/" + id).then().body("status", equalTo("cancelled")).body("paidAt", nullValue());
        assertEquals(0, count(staff, id, "paid"));
        // catalog released the stock on OrderCancelled; no OrderPaid came before it (which would sell it)
        assertEquals(List.of(OrderEvent.PLACED, OrderEvent.CONFIRMED, OrderEvent.CANCELLED),
                Shop.orderEventTypesSince(id, started, OrderEvent.CANCELLED));
    }

    @Test
    void aSandboxPaymentClickedJustBeforeTheCancelIsKeptAsPaidAndRefundedInFull() {
        String customer = Shop.customer(Shop.nextId());
        long id = confirmed(customer, "card");
        String paymentId = start(customer, id).then().statusCode(201).extract().jsonPath().getString("paymentId");
        // paid on the page, the browser never came back, then the customer cancels
        RestAssured.given().redirects().follow(false).formParam("outcome", "pay").post("/api/payments/sandbox/" + paymentId)
                .then().statusCode(303);
        as(customer).body("{}").post("/api/orders/" + id + "/cancel").then().statusCode(200);

        await().atMost(Shop.WAIT).until(() -> "paid".equals(as(customer).get("/api/payments/" + paymentId).jsonPath().getString("status")));
        as(customer).get("/api/orders/" + id).then().body("status", equalTo("cancelled")).body("paidAt", nullValue());
        assertEquals(0, count(Shop.staff(), id, "paid"));

        // the money the cancelled order did not want goes back through the provider, all of it, once
        await().atMost(Shop.WAIT).until(() -> "succeeded".equals(
                as(customer).get("/api/orders/" + id + "/refunds").jsonPath().getString("items[0].state")));
        io.restassured.path.json.JsonPath refunds = as(customer).get("/api/orders/" + id + "/refunds").jsonPath();
        assertEquals(1, refunds.getList("items").size());
        assertEquals("unwanted-payment", refunds.getString("items[0].kind"));
        assertEquals(paymentId, refunds.getString("items[0].paymentId"));
        assertEquals(0, new java.math.BigDecimal(as(customer).get("/api/payments/" + paymentId).jsonPath().getString("amount"))
                .compareTo(new java.math.BigDecimal(refunds.getString("items[0].amount"))));
    }

    @Test
    void aNewPaymentClosesTheEarlierPageSoTheOrderIsPaidOnlyOnce() {
        String customer = Shop.customer(Shop.nextId());
        String staff = Shop.staff();
        long id = confirmed(customer, "card");
        String first = start(customer, id).then().statusCode(201).extract().jsonPath().getString("paymentId");
        // the customer left the first page open and pressed "pay" in the shop again
        String second = start(customer, id).then().statusCode(201).extract().jsonPath().getString("paymentId");

        as(customer).get("/api/payments/" + first).then().body("status", equalTo("failed"));
        String page = RestAssured.given().get("/api/payments/sandbox/" + first).then().statusCode(200).extract().asString();
        assertTrue(page.contains("no longer possible"), page);
        assertFalse(page.contains("value=\"pay\""), "the replaced page still offers to pay");
        RestAssured.given().redirects().follow(false).formParam("outcome", "pay").post("/api/payments/sandbox/" + first)
                .then().statusCode(409).contentType(containsString("problem+json")).body("detail", containsString("no longer possible"));

        assertEquals(RETURN, comeBack(click(second, "pay")));
        sync.sync();
        as(customer).get("/api/orders/" + id).then().body("status", equalTo("paid"));
        as(customer).get("/api/orders/" + id + "/payments").then().body("items.status", org.hamcrest.Matchers.contains("failed", "paid"));
        assertEquals(1, count(staff, id, "paid"));
    }

    @Test
    void anEarlierPagePaidMeanwhileMakesTheOrderPaidInsteadOfStartingAnother() {
        String customer = Shop.customer(Shop.nextId());
        String staff = Shop.staff();
        long id = confirmed(customer, "card");
        String first = start(customer, id).then().statusCode(201).extract().jsonPath().getString("paymentId");
        // paid on the first page, but the browser never came back: the customer starts paying again
        RestAssured.given().redirects().follow(false).formParam("outcome", "pay").post("/api/payments/sandbox/" + first)
                .then().statusCode(303);

        start(customer, id).then().statusCode(409).contentType(containsString("problem+json"))
                .body("detail", containsString("already paid"));
        as(customer).get("/api/orders/" + id).then().body("status", equalTo("paid"));
        as(customer).get("/api/orders/" + id + "/payments").then().body("items.status", org.hamcrest.Matchers.contains("paid"));
        assertEquals(1, count(staff, id, "paid"));
    }

    @Test
    void whenTheOrderIsPaidItsOtherOpenPageIsClosed() {
        String customer = Shop.customer(Shop.nextId());
        String staff = Shop.staff();
        long id = confirmed(customer, "card");
        String open = start(customer, id).then().statusCode(201).extract().jsonPath().getString("paymentId");
        // paid another way (staff record a bank transfer): the page still open must not take the money again
        as(staff).body("{\"status\":\"paid\"}").patch("/api/orders/" + id).then().statusCode(200);

        await().atMost(Shop.WAIT).until(() -> "failed".equals(as(customer).get("/api/payments/" + open).jsonPath().getString("status")));
        RestAssured.given().redirects().follow(false).formParam("outcome", "pay").post("/api/payments/sandbox/" + open)
                .then().statusCode(409).body("detail", containsString("the order has been paid"));
        assertEquals(1, count(staff, id, "paid"));
    }

    @Test
    void staffCannotChangeTheTotalOrMethodWhileAPaymentIsOpenOrOnceItIsPaid() {
        String customer = Shop.customer(Shop.nextId());
        String staff = Shop.staff();
        long id = confirmed(customer, "card");
        long dearer = Shop.deliveryType("900", null);
        long sameCost = Shop.deliveryType("200", null);
        String paymentId = start(customer, id).then().statusCode(201).extract().jsonPath().getString("paymentId");

        as(staff).body("{\"deliveryCost\":50}").patch("/api/orders/" + id).then().statusCode(409)
                .contentType(containsString("problem+json")).body("detail", containsString("payment in progress"));
        as(staff).body("{\"deliveryTypeId\":" + dearer + "}").patch("/api/orders/" + id).then().statusCode(409);
        as(staff).body("{\"paymentMethod\":\"cash\"}").patch("/api/orders/" + id).then().statusCode(409)
                .body("detail", containsString("payment in progress"));
        // what leaves the total as it is may change
        as(staff).body("{\"deliveryTypeId\":" + sameCost + ",\"deliveryAddress\":\"Tula, Lenina 2\"}").patch("/api/orders/" + id)
                .then().statusCode(200).body("total", equalTo(501.0f)).body("deliveryAddress", equalTo("Tula, Lenina 2"));
        as(customer).get("/api/orders/" + id).then().body("total", equalTo(501.0f)).body("paymentMethod", equalTo("card"));

        assertEquals(RETURN, comeBack(click(paymentId, "pay")));
        as(staff).body("{\"deliveryCost\":0}").patch("/api/orders/" + id).then().statusCode(409)
                .body("detail", containsString("already paid"));
        as(staff).body("{\"paymentMethod\":\"cash\"}").patch("/api/orders/" + id).then().statusCode(409);
        as(customer).get("/api/orders/" + id).then().body("total", equalTo(501.0f)).body("status", equalTo("paid"));
        as(customer).get("/api/payments/" + paymentId).then().body("amount", equalTo(501.0f));

        // a failed payment holds nothing: the total may change again and the next payment is for the new total
        long other = confirmed(customer, "card");
        String failed = start(customer, other).then().statusCode(201).extract().jsonPath().getString("paymentId");
        assertEquals(FAIL, comeBack(click(failed, "fail")));
        as(staff).body("{\"deliveryCost\":100}").patch("/api/orders/" + other).then().statusCode(200).body("total", equalTo(401.0f));
        String next = start(customer, other).then().statusCode(201).extract().jsonPath().getString("paymentId");
        as(customer).get("/api/payments/" + next).then().body("amount", equalTo(401.0f));
    }
}
