package shop.orders.expiry;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static shop.orders.Shop.as;

import com.github.tomakehurst.wiremock.client.WireMock;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import jakarta.inject.Inject;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import shop.contracts.catalog.VariantState;
import shop.contracts.orders.OrderEvent;
import shop.devstack.testing.LogCapture;
import shop.orders.MovableClock;
import shop.orders.Shop;
import shop.orders.payment.SberbankProfile;
import shop.orders.payment.SberbankStandIn;

/**
 * The expiry asks Sberbank (the WireMock stand-in) before cancelling an order with a pending payment:
 * paid there → paid here; declined or unknown there → cancelled; the bank down or the customer in
 * 3-D Secure → left open, and cancelled once shop.orders.unpaid-grace (PT10S in tests) has passed too.
 * The job's clock is moved instead of waiting the deadline (PT5S in tests) and the grace out.
 */
@QuarkusTest
@TestProfile(SberbankProfile.class)
class ExpiryAsksSberbankTest {
    static final String REGISTER = "/payment/rest/register.do";
    static final String STATUS = "/payment/rest/getOrderStatusExtended.do";
    static final String DECLINE = "/payment/rest/decline.do";

    @Inject
    UnpaidOrderExpiry expiry;

    @Inject
    MovableClock clock;

    @ConfigProperty(name = "shop.orders.unpaid-timeout")
    Duration timeout;

    @ConfigProperty(name = "shop.orders.unpaid-grace")
    Duration grace;

    final String staff = Shop.staff();

    @AfterEach
    void realTimeAgain() {
        clock.reset();
    }

    /** The job's clock a moment past the deadline of every order confirmed until now, inside its grace. */
    private void pastTheDeadline() {
        clock.advance(timeout.plusSeconds(1));
    }

    private Instant confirmedAt(long id) {
        return Instant.parse(as(staff).get("/api/orders/" + id + "/history").jsonPath()
                .getString("items.find { it.toStatus == 'confirmed' }.changedAt"));
    }

    /** A confirmed card order with a payment registered at the bank; answers {orderId, bank order id}. */
    private static Object[] orderWithBankPayment(String customer) {
        VariantState v = Shop.known(Shop.variant(Shop.nextId(), "90.00", 10));
        long id = Shop.confirmedOrder(customer, Shop.order(Shop.deliveryType("0", null), "card", Shop.line(v.variantId(), 1)));
        String bankId = "sber-exp-" + id + "-" + Shop.nextId();
        SberbankStandIn.server.stubFor(post(urlEqualTo(REGISTER)).withFormParam("description", WireMock.equalTo("Order " + id))
                .willReturn(okJson("{\"orderId\":\"" + bankId + "\",\"formUrl\":\"https://3dsec.example/pay?mdOrder=" + bankId + "\"}")));
        as(customer).body("{\"returnUrl\":\"https://shop.example/ok\",\"failUrl\":\"https://shop.example/no\"}")
                .post("/api/orders/" + id + "/payments").then().statusCode(201);
        return new Object[] {id, bankId};
    }

    private static void bankAnswers(String bankId, String json) {
        SberbankStandIn.server.stubFor(post(urlEqualTo(STATUS)).withFormParam("orderId", WireMock.equalTo(bankId))
                .willReturn(okJson(json)));
    }

    private static void bankStatus(String bankId, int orderStatus) {
        bankAnswers(bankId, "{\"errorCode\":\"0\",\"errorMessage\":\"Success\",\"orderStatus\":" + orderStatus + ",\"amount\":9000}");
    }

    private static int statusCalls(String bankId) {
        return SberbankStandIn.server.findAll(postRequestedFor(urlEqualTo(STATUS)).withFormParam("orderId", WireMock.equalTo(bankId))).size();
    }

    private String status(long id) {
        return as(staff).get("/api/orders/" + id).jsonPath().getString("status");
    }

    /** Runs the job past the deadline until the order leaves confirmed (bounded); answers its status then. */
    private String expireUntilDecided(long id) {
        pastTheDeadline();
        return runUntilDecided(id);
    }

    /** Runs the job at the clock's time until the order leaves confirmed (bounded); answers its status then. */
    private String runUntilDecided(long id) {
        await().atMost(Shop.WAIT).pollInterval(Duration.ofMillis(100)).until(() -> {
            expiry.run();
            return !"confirmed".equals(status(id));
        });
        return status(id);
    }

    @Test
    void paidAtTheBankIsMarkedPaidAndNotCancelled() {
        Instant started = Instant.now();
        String customer = Shop.customer(Shop.nextId());
        Object[] o = orderWithBankPayment(customer);
        long id = (long) o[0];
        bankStatus((String) o[1], 2);

        assertEquals("paid", expireUntilDecided(id));
        expiry.run();
        as(staff).get("/api/orders/" + id).then().body("status", equalTo("paid"));
        assertEquals(List.of("new", "confirmed", "paid"),
                as(staff).get("/api/orders/" + id + "/history").jsonPath().getList("items.toStatus", String.class));
        // OrderPaid makes catalog sell the reserved stock; no OrderCancelled released it before
        assertEquals(List.of(OrderEvent.PLACED, OrderEvent.CONFIRMED, OrderEvent.PAID), Shop.orderEventTypesSince(id, started, OrderEvent.PAID));
        assertEquals(1, statusCalls((String) o[1]), "a decided payment is not asked about again");
    }

    @Test
    void declinedOrUnknownAtTheBankIsCancelled() {
        String customer = Shop.customer(Shop.nextId());
        Object[] declined = orderWithBankPayment(customer);
        bankStatus((String) declined[1], 6);
        Object[] unknown = orderWithBankPayment(customer);
        bankAnswers((String) unknown[1], "{\"errorCode\":\"6\",\"errorMessage\":\"Order not found\"}");

        assertEquals("cancelled", expireUntilDecided((long) declined[0]));
        assertEquals("cancelled", expireUntilDecided((long) unknown[0]));
        for (Object[] o : List.of(declined, unknown)) {
            long id = (long) o[0];
            OrderEvent cancelled = Shop.awaitOrderEvent(id, OrderEvent.CANCELLED); // catalog releases the stock
            assertEquals("confirmed", cancelled.previousStatus());
            as(staff).get("/api/orders/" + id + "/payments").then().body("items[0].status", equalTo("failed"));
            assertTrue(statusCalls((String) o[1]) >= 1);
        }
    }

    @Test
    void theBankDownKeepsTheOrderOpenUntilTheGracePeriodEnds() {
        try (LogCapture log = LogCapture.start()) {
            String customer = Shop.customer(Shop.nextId());
            Object[] o = orderWithBankPayment(customer);
            long id = (long) o[0];
            String bankId = (String) o[1];
            SberbankStandIn.server.stubFor(post(urlEqualTo(STATUS)).withFormParam("orderId", WireMock.equalTo(bankId))
                    .willReturn(aResponse().withStatus(503)));

            // past the deadline (5 s) the bank is asked on every run, and cannot answer: the order stays open
            pastTheDeadline();
            await().atMost(Shop.WAIT).pollInterval(Duration.ofMillis(100)).until(() -> {
                expiry.run();
                return statusCalls(bankId) >= 2;
            });
            assertEquals("confirmed", status(id));
            as(staff).get("/api/orders/" + id + "/payments").then().body("items[0].status", equalTo("pending"));
            // still so 100 ms before the grace (10 s) ends
            clock.setTo(confirmedAt(id).plus(timeout).plus(grace).minusMillis(100));
            expiry.run();
            assertEquals("confirmed", status(id), "cancelled before the grace period ended");

            // once the grace has passed too, it is cancelled without the bank's answer
            clock.advance(timeout.plus(grace).plusSeconds(1));
            assertEquals("cancelled", runUntilDecided(id));
            assertEquals("confirmed", Shop.awaitOrderEvent(id, OrderEvent.CANCELLED).previousStatus());
            assertTrue(log.anyMatch(l -> l.contains("Order " + id) && l.contains("could not be asked")),
                    "the wait for the provider was not logged: " + log.lines());
            assertFalse(log.anyMatch(l -> l.contains(SberbankStandIn.PASSWORD)), "the password was logged");
        }
    }

    @Test
    void aCustomerInThreeDSecureAtTheDeadlineIsWaitedFor() {
        String customer = Shop.customer(Shop.nextId());
        Object[] o = orderWithBankPayment(customer);
        long id = (long) o[0];
        String bankId = (String) o[1];
        bankStatus(bankId, 5);
        pastTheDeadline();
        await().atMost(Shop.WAIT).pollInterval(Duration.ofMillis(100)).until(() -> {
            expiry.run();
            return statusCalls(bankId) >= 2;
        });
        assertEquals("confirmed", status(id));
        bankStatus(bankId, 2); // the 3-D Secure step went through
        assertEquals("paid", expireUntilDecided(id));
    }

    @Test
    void anOrderCancelledAsUnpaidHasItsPaymentDeclinedAtTheBank() {
        String customer = Shop.customer(Shop.nextId());
        Object[] o = orderWithBankPayment(customer);
        long id = (long) o[0];
        String bankId = (String) o[1];
        bankStatus(bankId, 0); // registered, nobody paid: the order is cancelled, then its page closed
        SberbankStandIn.server.stubFor(post(urlEqualTo(DECLINE)).withFormParam("orderId", WireMock.equalTo(bankId))
                .willReturn(okJson("{\"errorCode\":\"0\",\"errorMessage\":\"Success\"}")));

        assertEquals("cancelled", expireUntilDecided(id));
        await().atMost(Shop.WAIT).until(() -> "failed".equals(
                as(staff).get("/api/orders/" + id + "/payments").jsonPath().getString("items[0].status")));
        assertEquals(1, SberbankStandIn.server.findAll(postRequestedFor(urlEqualTo(DECLINE))
                .withFormParam("orderId", WireMock.equalTo(bankId))).size());
        assertEquals("confirmed", Shop.awaitOrderEvent(id, OrderEvent.CANCELLED).previousStatus());
    }
}
