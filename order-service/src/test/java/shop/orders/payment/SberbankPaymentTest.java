package shop.orders.payment;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.containsString;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static shop.orders.Shop.as;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.github.tomakehurst.wiremock.http.Fault;
import com.github.tomakehurst.wiremock.stubbing.Scenario;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import io.smallrye.faulttolerance.api.CircuitBreakerMaintenance;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import io.restassured.RestAssured;
import jakarta.inject.Inject;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import shop.contracts.catalog.VariantState;
import shop.devstack.testing.LogCapture;
import shop.orders.Shop;

/** The Sberbank REST protocol against a local stand-in: register, paid, declined, pending, errors, timeouts. */
@QuarkusTest
@TestProfile(SberbankProfile.class)
class SberbankPaymentTest {
    static final String REGISTER = "/payment/rest/register.do";
    static final String STATUS = "/payment/rest/getOrderStatusExtended.do";
    static final String DECLINE = "/payment/rest/decline.do";
    static final String RETURN = "https://shop.example/ok";
    static final String FAIL = "https://shop.example/no";

    @Inject
    PaymentSync sync;

    @Inject
    CircuitBreakerMaintenance breakers;

    LogCapture log;

    @BeforeEach
    void captureLogs() {
        log = LogCapture.start();
    }

    @AfterEach
    void noPasswordInLogs() {
        log.close();
        // the provider logs each registration and each failure: proof that the capture sees its lines
        assertTrue(log.anyMatch(l -> l.contains("bank")), "the provider logged nothing: the capture does not work");
        assertTrue(log.lines().stream().noneMatch(l -> l.contains(SberbankStandIn.PASSWORD)), "the password was logged");
    }

    private static long confirmedOrder(String customer) {
        VariantState v = Shop.known(Shop.variant(Shop.nextId(), "120.00", 10));
        return Shop.confirmedOrder(customer, Shop.order(Shop.deliveryType("300", null), "card", Shop.line(v.variantId(), 2)));
    }

    private static String bankOrder(long orderId) {
        String bankId = "sber-" + orderId + "-" + Shop.nextId();
        SberbankStandIn.server.stubFor(post(urlEqualTo(REGISTER)).withFormParam("description", equalTo("Order " + orderId))
                .willReturn(okJson("{\"orderId\":\"" + bankId + "\",\"formUrl\":\"https://3dsec.example/pay?mdOrder=" + bankId + "\"}")));
        return bankId;
    }

    private static void bankStatus(String bankId, int orderStatus) {
        SberbankStandIn.server.stubFor(post(urlEqualTo(STATUS)).withFormParam("orderId", equalTo(bankId))
                .willReturn(okJson("{\"errorCode\":\"0\",\"errorMessage\":\"Success\",\"orderNumber\":\"x\",\"orderStatus\":"
                        + orderStatus + ",\"actionCode\":0,\"amount\":54000}")));
    }

    private static String start(String customer, long orderId) {
        return as(customer).body("{\"returnUrl\":\"" + RETURN + "\",\"failUrl\":\"" + FAIL + "\"}")
                .post("/api/orders/" + orderId + "/payments").then().statusCode(201).extract().jsonPath().getString("paymentId");
    }

    private static String comeBack(String paymentId) {
        return RestAssured.given().redirects().follow(false).get("/api/payments/" + paymentId + "/return")
                .then().statusCode(303).extract().header("Location");
    }

    @Test
    void registersInKopecksWithTheCartAndMarksThePaidOrderPaidOnce() throws Exception {
        String customer = Shop.customer(Shop.nextId());
        long id = confirmedOrder(customer);
        String bankId = bankOrder(id);
        var started = as(customer).body("{\"returnUrl\":\"" + RETURN + "\",\"failUrl\":\"" + FAIL + "\"}")
                .post("/api/orders/" + id + "/payments");
        started.then().statusCode(201);
        assertEquals("https://3dsec.example/pay?mdOrder=" + bankId, started.jsonPath().getString("paymentUrl"));
        String paymentId = started.jsonPath().getString("paymentId");

        LoggedRequest register = SberbankStandIn.server.findAll(postRequestedFor(urlEqualTo(REGISTER))
                .withFormParam("description", equalTo("Order " + id))).get(0);
        assertEquals(SberbankStandIn.USERNAME, register.formParameters().get("userName").firstValue());
        assertEquals(SberbankStandIn.PASSWORD, register.formParameters().get("password").firstValue());
        assertFalse(register.getUrl().contains("password"), "credentials must not travel in the URL");
        assertEquals("54000", register.formParameters().get("amount").firstValue());
        assertEquals(paymentId.replace("-", ""), register.formParameters().get("orderNumber").firstValue());
        assertTrue(register.formParameters().get("returnUrl").firstValue().endsWith("/api/payments/" + paymentId + "/return"));
        JsonNode items = new ObjectMapper().readTree(register.formParameters().get("orderBundle").firstValue()).path("cartItems").path("items");
        assertEquals(2, items.size());
        assertEquals(12000, items.get(0).path("itemPrice").asLong());
        assertEquals(2, items.get(0).path("quantity").path("value").asInt());
        assertEquals(24000, items.get(0).path("itemAmount").asLong());
        assertEquals(30000, items.get(1).path("itemAmount").asLong()); // delivery

        bankStatus(bankId, 2);
        assertEquals(RETURN, comeBack(paymentId));
        assertEquals(RETURN, comeBack(paymentId)); // the bank's redirect arrives twice
        sync.sync();
        as(customer).get("/api/orders/" + id).then().body("status", org.hamcrest.Matchers.equalTo("paid"));
        assertEquals(1, as(Shop.staff()).get("/api/orders/" + id + "/history").jsonPath().getList("items.toStatus", String.class)
                .stream().filter("paid"::equals).count());
        // once paid, the bank is not asked again
        SberbankStandIn.server.verify(1, postRequestedFor(urlEqualTo(STATUS)).withFormParam("orderId", equalTo(bankId)));
    }

    @Test
    void aDeclinedPaymentSendsTheCustomerToFailUrlAndLeavesTheOrderUnpaid() {
        String customer = Shop.customer(Shop.nextId());
        long id = confirmedOrder(customer);
        String bankId = bankOrder(id);
        String paymentId = start(customer, id);
        bankStatus(bankId, 6);
        assertEquals(FAIL, comeBack(paymentId));
        as(customer).get("/api/orders/" + id).then().body("status", org.hamcrest.Matchers.equalTo("confirmed"));
        as(customer).get("/api/payments/" + paymentId).then().body("status", org.hamcrest.Matchers.equalTo("failed"));
    }

    @Test
    void aPaymentTheCustomerNeverCameBackFromIsSettledByTheSync() {
        String customer = Shop.customer(Shop.nextId());
        long id = confirmedOrder(customer);
        String bankId = bankOrder(id);
        String paymentId = start(customer, id);
        bankStatus(bankId, 0); // registered, not paid yet
        sync.sync();
        as(customer).get("/api/payments/" + paymentId).then().body("status", org.hamcrest.Matchers.equalTo("pending"));
        bankStatus(bankId, 2);
        sync.sync();
        as(customer).get("/api/orders/" + id).then().body("status", org.hamcrest.Matchers.equalTo("paid"));
    }

    @Test
    void aRegisterErrorOrTimeoutIsA502AndNoPaymentIsKept() {
        String customer = Shop.customer(Shop.nextId());
        long id = confirmedOrder(customer);
        SberbankStandIn.server.stubFor(post(urlEqualTo(REGISTER)).withFormParam("description", equalTo("Order " + id))
                .willReturn(okJson("{\"errorCode\":\"1\",\"errorMessage\":\"Order with this number is already registered\"}")));
        as(customer).body("{\"returnUrl\":\"" + RETURN + "\",\"failUrl\":\"" + FAIL + "\"}").post("/api/orders/" + id + "/payments")
                .then().statusCode(502).contentType(containsString("problem+json"))
                .body("detail", containsString("already registered"));

        SberbankStandIn.server.stubFor(post(urlEqualTo(REGISTER)).withFormParam("description", equalTo("Order " + id))
                .willReturn(aResponse().withFixedDelay(8000).withStatus(200).withBody("{}")));
        long before = System.nanoTime();
        as(customer).body("{\"returnUrl\":\"" + RETURN + "\",\"failUrl\":\"" + FAIL + "\"}").post("/api/orders/" + id + "/payments")
                .then().statusCode(502).body("detail", containsString("did not answer"));
        assertTrue((System.nanoTime() - before) / 1_000_000 < 7000, "the configured 3 s timeout was not applied");
        as(customer).get("/api/orders/" + id + "/payments").then().body("total", org.hamcrest.Matchers.equalTo(0));
    }

    @Test
    void aBankThatStopsAnsweringIsNotAskedForAWhileAndRegisterIsNeverSentTwice() {
        String customer = Shop.customer(Shop.nextId());
        long id = confirmedOrder(customer);
        String body = "{\"returnUrl\":\"" + RETURN + "\",\"failUrl\":\"" + FAIL + "\"}";
        SberbankStandIn.server.stubFor(post(urlEqualTo(REGISTER)).withFormParam("description", equalTo("Order " + id))
                .willReturn(aResponse().withFault(Fault.CONNECTION_RESET_BY_PEER)));
        breakers.reset(SberbankClient.REGISTER); // the other tests' calls must not count
        try {
            // the bank got each request and closed the connection: it may have registered it, so none is repeated
            for (int call = 0; call < SberbankClient.BREAKER_CALLS; call++) {
                as(customer).body(body).post("/api/orders/" + id + "/payments").then().statusCode(502)
                        .contentType(containsString("problem+json")).body("detail", containsString("closed the connection"));
            }
            // then the circuit is open: the answer comes at once, and the bank is not asked
            as(customer).body(body).post("/api/orders/" + id + "/payments").then().statusCode(502)
                    .contentType(containsString("problem+json")).body("title", org.hamcrest.Matchers.equalTo("Bad Gateway"))
                    .body("detail", containsString("circuit open"));
            SberbankStandIn.server.verify(SberbankClient.BREAKER_CALLS, postRequestedFor(urlEqualTo(REGISTER))
                    .withFormParam("description", equalTo("Order " + id)));
            as(customer).get("/api/orders/" + id + "/payments").then().body("total", org.hamcrest.Matchers.equalTo(0));
        } finally {
            breakers.reset(SberbankClient.REGISTER);
        }
    }

    @Test
    void aStatusQueryWhoseConnectionBrokeIsAskedAgainAtOnce() {
        String customer = Shop.customer(Shop.nextId());
        long id = confirmedOrder(customer);
        String bankId = bankOrder(id);
        String paymentId = start(customer, id);
        // a read changes nothing at the bank: asking again after a cut connection is safe
        String scenario = "cut-" + bankId;
        SberbankStandIn.server.stubFor(post(urlEqualTo(STATUS)).withFormParam("orderId", equalTo(bankId))
                .inScenario(scenario).whenScenarioStateIs(Scenario.STARTED)
                .willReturn(aResponse().withFault(Fault.CONNECTION_RESET_BY_PEER)).willSetStateTo("answering"));
        SberbankStandIn.server.stubFor(post(urlEqualTo(STATUS)).withFormParam("orderId", equalTo(bankId))
                .inScenario(scenario).whenScenarioStateIs("answering")
                .willReturn(okJson("{\"errorCode\":\"0\",\"orderStatus\":2,\"amount\":54000}")));
        assertEquals(RETURN, comeBack(paymentId));
        as(customer).get("/api/orders/" + id).then().body("status", org.hamcrest.Matchers.equalTo("paid"));
        SberbankStandIn.server.verify(2, postRequestedFor(urlEqualTo(STATUS)).withFormParam("orderId", equalTo(bankId)));
    }

    @Test
    void aStatusTimeoutKeepsThePaymentPendingForTheSync() {
        String customer = Shop.customer(Shop.nextId());
        long id = confirmedOrder(customer);
        String bankId = bankOrder(id);
        String paymentId = start(customer, id);
        SberbankStandIn.server.stubFor(post(urlEqualTo(STATUS)).withFormParam("orderId", equalTo(bankId))
                .willReturn(aResponse().withFixedDelay(8000).withStatus(200).withBody("{}")));
        assertEquals(RETURN, comeBack(paymentId));
        as(customer).get("/api/payments/" + paymentId).then().body("status", org.hamcrest.Matchers.equalTo("pending"));
        bankStatus(bankId, 2);
        sync.sync();
        as(customer).get("/api/orders/" + id).then().body("status", org.hamcrest.Matchers.equalTo("paid"));
    }

    private static void bankDeclines(String bankId, String json) {
        SberbankStandIn.server.stubFor(post(urlEqualTo(DECLINE)).withFormParam("orderId", equalTo(bankId)).willReturn(okJson(json)));
    }

    private static List<LoggedRequest> declineCalls(String bankId) {
        return SberbankStandIn.server.findAll(postRequestedFor(urlEqualTo(DECLINE)).withFormParam("orderId", equalTo(bankId)));
    }

    private static String paymentStatus(String customer, String paymentId) {
        return as(customer).get("/api/payments/" + paymentId).then().statusCode(200).extract().jsonPath().getString("status");
    }

    @Test
    void aCancelledOrdersPaymentIsDeclinedAtTheBankOnce() {
        String customer = Shop.customer(Shop.nextId());
        long id = confirmedOrder(customer);
        String bankId = bankOrder(id);
        String paymentId = start(customer, id);
        bankDeclines(bankId, "{\"errorCode\":\"0\",\"errorMessage\":\"Success\"}");

        as(customer).body("{}").post("/api/orders/" + id + "/cancel").then().statusCode(200)
                .body("status", org.hamcrest.Matchers.equalTo("cancelled"));
        await().atMost(Shop.WAIT).until(() -> "failed".equals(paymentStatus(customer, paymentId)));
        List<LoggedRequest> calls = declineCalls(bankId);
        assertEquals(1, calls.size());
        assertEquals(SberbankStandIn.USERNAME, calls.get(0).formParameters().get("userName").firstValue());
        assertEquals(SberbankStandIn.PASSWORD, calls.get(0).formParameters().get("password").firstValue());
        assertFalse(calls.get(0).getUrl().contains("password"), "credentials must not travel in the URL");

        // closed is decided: the sync neither declines again nor asks for the status
        sync.sync();
        assertEquals(1, declineCalls(bankId).size());
        SberbankStandIn.server.verify(0, postRequestedFor(urlEqualTo(STATUS)).withFormParam("orderId", equalTo(bankId)));
        as(customer).get("/api/orders/" + id).then().body("status", org.hamcrest.Matchers.equalTo("cancelled"));
    }

    @Test
    void theBankDownAtCancelDoesNotHoldTheCancelAndTheSyncDeclinesLater() {
        String customer = Shop.customer(Shop.nextId());
        long id = confirmedOrder(customer);
        String bankId = bankOrder(id);
        String paymentId = start(customer, id);
        // down: the cancel still succeeds; the payment is closed after the commit, and again by the sync
        SberbankStandIn.server.stubFor(post(urlEqualTo(DECLINE)).withFormParam("orderId", equalTo(bankId))
                .willReturn(aResponse().withFixedDelay(8000).withStatus(503)));

        as(customer).body("{}").post("/api/orders/" + id + "/cancel").then().statusCode(200)
                .body("status", org.hamcrest.Matchers.equalTo("cancelled"));
        assertEquals("confirmed", Shop.awaitOrderEvent(id, shop.contracts.orders.OrderEvent.CANCELLED).previousStatus());
        await().atMost(Shop.WAIT).until(() -> declineCalls(bankId).size() >= 1);
        await().atMost(Shop.WAIT).until(() -> {
            return log.anyMatch(l -> l.contains(paymentId) && l.contains("payment sync tries again"));
        });
        assertEquals("pending", paymentStatus(customer, paymentId));

        bankDeclines(bankId, "{\"errorCode\":\"0\",\"errorMessage\":\"Success\"}");
        sync.sync();
        assertEquals("failed", paymentStatus(customer, paymentId));
        assertEquals(2, declineCalls(bankId).size());
        as(customer).get("/api/orders/" + id).then().body("status", org.hamcrest.Matchers.equalTo("cancelled"));
    }

    @Test
    void aPaymentMadeJustBeforeTheCancelIsKeptAsPaidAndLoggedForRefund() {
        String customer = Shop.customer(Shop.nextId());
        long id = confirmedOrder(customer);
        String bankId = bankOrder(id);
        String paymentId = start(customer, id);
        // paid a second before the cancel: the bank refuses to decline it and reports it paid
        bankDeclines(bankId, "{\"errorCode\":\"7\",\"errorMessage\":\"Incorrect order state\"}");
        bankStatus(bankId, 2);

        as(customer).body("{}").post("/api/orders/" + id + "/cancel").then().statusCode(200);
        await().atMost(Shop.WAIT).until(() -> "paid".equals(paymentStatus(customer, paymentId)));
        await().atMost(Shop.WAIT).until(() -> log.anyMatch(l -> l.contains(paymentId) && l.contains("cancelled") && l.contains("refund")));
        // the order is not revived and not marked paid: catalog released the stock on OrderCancelled
        as(customer).get("/api/orders/" + id).then().body("status", org.hamcrest.Matchers.equalTo("cancelled"))
                .body("paidAt", org.hamcrest.Matchers.nullValue());
        assertEquals(0, as(Shop.staff()).get("/api/orders/" + id + "/history").jsonPath().getList("items.toStatus", String.class)
                .stream().filter("paid"::equals).count());
        assertEquals(1, declineCalls(bankId).size());
    }

    @Test
    void aSecondStartDeclinesTheFirstBankOrderSoOnlyOneFormCanTakeMoney() {
        String customer = Shop.customer(Shop.nextId());
        long id = confirmedOrder(customer);
        String firstBankId = bankOrder(id);
        String first = start(customer, id);
        bankDeclines(firstBankId, "{\"errorCode\":\"0\",\"errorMessage\":\"Success\"}");
        String secondBankId = bankOrder(id); // the bank answers the next register.do with a new order
        String second = start(customer, id);

        assertEquals(1, declineCalls(firstBankId).size());
        assertEquals("failed", paymentStatus(customer, first));
        assertEquals("pending", paymentStatus(customer, second));
        assertTrue(as(customer).get("/api/payments/" + second).jsonPath().getString("paymentUrl").endsWith(secondBankId));

        bankStatus(secondBankId, 2);
        assertEquals(RETURN, comeBack(second));
        as(customer).get("/api/orders/" + id).then().body("status", org.hamcrest.Matchers.equalTo("paid"));
        assertEquals(1, as(Shop.staff()).get("/api/orders/" + id + "/history").jsonPath().getList("items.toStatus", String.class)
                .stream().filter("paid"::equals).count());
        assertEquals(0, declineCalls(secondBankId).size());
    }

    @Test
    void aStartIsRefusedWhileTheEarlierFormIsBeingPaidOrTheBankCannotCloseIt() {
        String customer = Shop.customer(Shop.nextId());
        long id = confirmedOrder(customer);
        String bankId = bankOrder(id);
        String first = start(customer, id);
        String body = "{\"returnUrl\":\"" + RETURN + "\",\"failUrl\":\"" + FAIL + "\"}";

        // 3-D Secure under way on the first form: the bank refuses to decline it
        bankDeclines(bankId, "{\"errorCode\":\"7\",\"errorMessage\":\"Incorrect order state\"}");
        bankStatus(bankId, 5);
        as(customer).body(body).post("/api/orders/" + id + "/payments").then().statusCode(409)
                .contentType(containsString("problem+json")).body("detail", containsString("being paid"));
        // the bank is down: no second form is registered next to one that may still be paid
        SberbankStandIn.server.stubFor(post(urlEqualTo(DECLINE)).withFormParam("orderId", equalTo(bankId))
                .willReturn(aResponse().withStatus(503)));
        as(customer).body(body).post("/api/orders/" + id + "/payments").then().statusCode(502)
                .contentType(containsString("problem+json"));
        as(customer).get("/api/orders/" + id + "/payments").then().body("total", org.hamcrest.Matchers.equalTo(1));
        assertEquals("pending", paymentStatus(customer, first));

        // it was paid after all: the order is paid, and no new payment is started
        bankDeclines(bankId, "{\"errorCode\":\"7\",\"errorMessage\":\"Incorrect order state\"}");
        bankStatus(bankId, 2);
        as(customer).body(body).post("/api/orders/" + id + "/payments").then().statusCode(409)
                .body("detail", containsString("already paid"));
        as(customer).get("/api/orders/" + id).then().body("status", org.hamcrest.Matchers.equalTo("paid"));
        as(customer).get("/api/orders/" + id + "/payments").then().body("total", org.hamcrest.Matchers.equalTo(1));
    }

    @Test
    void theSyncClosesAPendingPaymentOfAnOrderPaidOtherwiseInsteadOfWaitingForIt() {
        String customer = Shop.customer(Shop.nextId());
        long id = confirmedOrder(customer);
        String bankId = bankOrder(id);
        String paymentId = start(customer, id);
        // the bank is down when staff mark the order paid: the form stays open for now
        SberbankStandIn.server.stubFor(post(urlEqualTo(DECLINE)).withFormParam("orderId", equalTo(bankId))
                .willReturn(aResponse().withStatus(503)));
        as(Shop.staff()).body("{\"status\":\"paid\"}").patch("/api/orders/" + id).then().statusCode(200);
        await().atMost(Shop.WAIT).until(() -> log.anyMatch(l -> l.contains(paymentId) && l.contains("payment sync tries again")));
        assertEquals("pending", paymentStatus(customer, paymentId));

        bankDeclines(bankId, "{\"errorCode\":\"0\",\"errorMessage\":\"Success\"}");
        sync.sync();
        assertEquals("failed", paymentStatus(customer, paymentId));
        assertEquals(2, declineCalls(bankId).size());
        // closed, not settled: its status was never asked for
        SberbankStandIn.server.verify(0, postRequestedFor(urlEqualTo(STATUS)).withFormParam("orderId", equalTo(bankId)));
    }
}
