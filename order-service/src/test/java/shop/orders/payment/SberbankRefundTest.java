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
import static org.junit.jupiter.api.Assertions.assertTrue;
import static shop.orders.Shop.as;

import com.github.tomakehurst.wiremock.http.Fault;
import com.github.tomakehurst.wiremock.stubbing.Scenario;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import io.restassured.RestAssured;
import io.restassured.path.json.JsonPath;
import jakarta.inject.Inject;
import java.util.List;
import java.util.function.Predicate;
import org.junit.jupiter.api.Test;
import shop.contracts.catalog.VariantState;
import shop.orders.Shop;

/**
 * Refunds through Sberbank's {@code refund.do} against the stand-in bank: amounts in kopecks for the bank's
 * order id; a refund whose answer was lost is found at the bank and not sent again; one the bank did not do
 * is sent again after the back-off; one the bank refuses is left to staff.
 */
@QuarkusTest
@TestProfile(SberbankProfile.class)
class SberbankRefundTest {
    static final String REFUND = "/payment/rest/refund.do";

    @Inject
    RefundRetry retry;

    /** A card order of 2 × 120.00 + 300.00 delivery (540.00), paid at the stand-in bank; answers the bank's order id. */
    private static String paidOrder(String customer, long[] orderId) {
        VariantState v = Shop.known(Shop.variant(Shop.nextId(), "120.00", 10));
        long id = Shop.confirmedOrder(customer, Shop.order(Shop.deliveryType("300", null), "card", Shop.line(v.variantId(), 2)));
        orderId[0] = id;
        String bankId = "sber-" + id + "-" + Shop.nextId();
        SberbankStandIn.server.stubFor(post(urlEqualTo(SberbankPaymentTest.REGISTER)).withFormParam("description", equalTo("Order " + id))
                .willReturn(okJson("{\"orderId\":\"" + bankId + "\",\"formUrl\":\"https://3dsec.example/pay?mdOrder=" + bankId + "\"}")));
        String paymentId = as(customer).body("{\"returnUrl\":\"https://shop.example/ok\",\"failUrl\":\"https://shop.example/no\"}")
                .post("/api/orders/" + id + "/payments").then().statusCode(201).extract().jsonPath().getString("paymentId");
        bankStatus(bankId, 2, 0);
        RestAssured.given().redirects().follow(false).get("/api/payments/" + paymentId + "/return").then().statusCode(303);
        as(customer).get("/api/orders/" + id).then().body("status", org.hamcrest.Matchers.equalTo("paid"));
        return bankId;
    }

    private static void bankStatus(String bankId, int orderStatus, long refundedKopecks) {
        SberbankStandIn.server.stubFor(post(urlEqualTo(SberbankPaymentTest.STATUS)).withFormParam("orderId", equalTo(bankId))
                .willReturn(okJson("{\"errorCode\":\"0\",\"errorMessage\":\"Success\",\"orderStatus\":" + orderStatus
                        + ",\"amount\":54000,\"paymentAmountInfo\":{\"paymentState\":\"DEPOSITED\",\"approvedAmount\":54000,"
                        + "\"depositedAmount\":54000,\"refundedAmount\":" + refundedKopecks + "}}")));
    }

    private static List<LoggedRequest> refundRequests(String bankId) {
        return SberbankStandIn.server.findAll(postRequestedFor(urlEqualTo(REFUND)).withFormParam("orderId", equalTo(bankId)));
    }

    private JsonPath awaitRefund(String reader, long id, Predicate<JsonPath> condition, boolean runTheJob) {
        await().atMost(Shop.WAIT).until(() -> {
            if (runTheJob) {
                retry.retryDue();
            }
            JsonPath refunds = as(reader).get("/api/orders/" + id + "/refunds").then().statusCode(200).extract().jsonPath();
            return refunds.getList("items").size() == 1 && condition.test(refunds);
        });
        return as(reader).get("/api/orders/" + id + "/refunds").jsonPath();
    }

    @Test
    void aCancelledPaidOrderIsRefundedInKopecksForTheBanksOrder() {
        String customer = Shop.customer(Shop.nextId());
        long[] id = new long[1];
        String bankId = paidOrder(customer, id);
        SberbankStandIn.server.stubFor(post(urlEqualTo(REFUND)).withFormParam("orderId", equalTo(bankId))
                .willReturn(okJson("{\"errorCode\":\"0\",\"errorMessage\":\"Success\"}")));

        as(customer).post("/api/orders/" + id[0] + "/cancel").then().statusCode(200);
        JsonPath refund = awaitRefund(customer, id[0], r -> "succeeded".equals(r.getString("items[0].state")), false);
        assertEquals(540.0f, refund.getFloat("items[0].amount"));
        LoggedRequest request = refundRequests(bankId).get(0);
        assertEquals(1, refundRequests(bankId).size());
        assertEquals("54000", request.formParameters().get("amount").firstValue());
        assertEquals(SberbankStandIn.USERNAME, request.formParameters().get("userName").firstValue());
        await().atMost(Shop.WAIT).until(() -> !as(customer).get("/api/orders/" + id[0]).jsonPath().getBoolean("refund.due"));
    }

    @Test
    void aRefundWhoseAnswerWasLostIsFoundAtTheBankAndNeverSentAgain() {
        String customer = Shop.customer(Shop.nextId());
        long[] id = new long[1];
        String bankId = paidOrder(customer, id);
        // the bank refunds, but the connection breaks before its answer arrives
        SberbankStandIn.server.stubFor(post(urlEqualTo(REFUND)).withFormParam("orderId", equalTo(bankId))
                .willReturn(aResponse().withFault(Fault.CONNECTION_RESET_BY_PEER)));

        as(customer).post("/api/orders/" + id[0] + "/cancel").then().statusCode(200);
        awaitRefund(customer, id[0], r -> r.getInt("items[0].attempts") == 1 && "no-answer".equals(r.getString("items[0].errorCode")), false);
        as(customer).get("/api/orders/" + id[0] + "/refunds").then().body("items[0].state", org.hamcrest.Matchers.equalTo("pending"));
        // staff cannot refund it by hand meanwhile: that could pay twice
        as(Shop.staff()).post("/api/orders/" + id[0] + "/refund").then().statusCode(409)
                .body("detail", containsString("being refunded"));

        bankStatus(bankId, 4, 54000); // the bank's books: refunded in full
        JsonPath refund = awaitRefund(customer, id[0], r -> "succeeded".equals(r.getString("items[0].state")), true);
        assertEquals(2, refund.getInt("items[0].attempts"));
        assertTrue(refund.getString("items[0].providerAnswer").contains("earlier attempt"), refund.getString("items[0].providerAnswer"));
        assertEquals(1, refundRequests(bankId).size(), "refund.do was sent once");
    }

    @Test
    void aRefundTheBankDidNotDoIsSentAgainAfterTheBackOff() {
        String customer = Shop.customer(Shop.nextId());
        long[] id = new long[1];
        String bankId = paidOrder(customer, id);
        String scenario = "refund-" + bankId;
        SberbankStandIn.server.stubFor(post(urlEqualTo(REFUND)).withFormParam("orderId", equalTo(bankId))
                .inScenario(scenario).whenScenarioStateIs(Scenario.STARTED)
                .willReturn(okJson("{\"errorCode\":\"7\",\"errorMessage\":\"System error\"}")).willSetStateTo("up"));
        SberbankStandIn.server.stubFor(post(urlEqualTo(REFUND)).withFormParam("orderId", equalTo(bankId))
                .inScenario(scenario).whenScenarioStateIs("up")
                .willReturn(okJson("{\"errorCode\":\"0\",\"errorMessage\":\"Success\"}")));

        as(Shop.staff()).post("/api/orders/" + id[0] + "/cancel").then().statusCode(200);
        awaitRefund(customer, id[0], r -> "7".equals(r.getString("items[0].errorCode")), false);
        JsonPath refund = awaitRefund(customer, id[0], r -> "succeeded".equals(r.getString("items[0].state")), true);
        assertEquals(2, refund.getInt("items[0].attempts"));
        assertEquals(2, refundRequests(bankId).size(), "the bank's refunded amount was 0: sent again");
        // the second attempt asked the bank first
        SberbankStandIn.server.verify(2, postRequestedFor(urlEqualTo(SberbankPaymentTest.STATUS)).withFormParam("orderId", equalTo(bankId)));
    }

    @Test
    void aRefundTheBankRefusesIsLeftToStaff() {
        String customer = Shop.customer(Shop.nextId());
        String staff = Shop.staff();
        long[] id = new long[1];
        String bankId = paidOrder(customer, id);
        SberbankStandIn.server.stubFor(post(urlEqualTo(REFUND)).withFormParam("orderId", equalTo(bankId))
                .willReturn(okJson("{\"errorCode\":\"5\",\"errorMessage\":\"Wrong amount\"}")));

        as(customer).post("/api/orders/" + id[0] + "/cancel").then().statusCode(200);
        JsonPath refund = awaitRefund(customer, id[0], r -> "failed".equals(r.getString("items[0].state")), false);
        assertEquals("5", refund.getString("items[0].errorCode"));
        assertEquals("Wrong amount", refund.getString("items[0].providerAnswer"));
        as(customer).get("/api/orders/" + id[0]).then().body("refund.due", org.hamcrest.Matchers.equalTo(true));
        retry.retryDue();
        assertEquals(1, refundRequests(bankId).size(), "a refused refund is not tried again");
        as(staff).body("{\"note\":\"bank transfer\"}").post("/api/orders/" + id[0] + "/refund").then().statusCode(200)
                .body("refund.due", org.hamcrest.Matchers.equalTo(false));
    }
}
