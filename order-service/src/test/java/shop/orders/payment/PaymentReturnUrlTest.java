package shop.orders.payment;

import static org.hamcrest.Matchers.hasItem;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static shop.orders.Shop.as;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import shop.orders.Shop;

/**
 * No open redirect through the payment return: returnUrl and failUrl are paths on the shop or URLs of an
 * allowed origin (the test profile allows the public URL, https://shop.example and http://localhost).
 */
@QuarkusTest
class PaymentReturnUrlTest {
    private static final String OK = SandboxPaymentTest.FAIL;

    @Test
    void urlsOutsideTheAllowListAreRefused() {
        String customer = Shop.customer(Shop.nextId());
        long id = SandboxPaymentTest.confirmed(customer, "card");
        for (String evil : List.of("https://evil.example/paid", "//evil.example/paid", "/\\evil.example",
                "https://shop.example@evil.example/", "https://shop.example.evil.example/", "http://shop.example/",
                "https://shop.example:8443/", "javascript:alert(1)", "ftp://shop.example/", "/orders/ x",
                "https://shop.example/" + "a".repeat(3000))) {
            as(customer).body(Map.of("returnUrl", evil, "failUrl", OK)).post("/api/orders/" + id + "/payments")
                    .then().statusCode(400).contentType("application/problem+json")
                    .body("errors.field", hasItem("returnUrl"));
            as(customer).body(Map.of("returnUrl", OK, "failUrl", evil)).post("/api/orders/" + id + "/payments")
                    .then().statusCode(400).contentType("application/problem+json")
                    .body("errors.field", hasItem("failUrl"));
        }
    }

    @Test
    void aPathOnTheShopIsResolvedAgainstThePublicUrl() {
        String customer = Shop.customer(Shop.nextId());
        long id = SandboxPaymentTest.confirmed(customer, "card");
        String paymentId = as(customer).body(Map.of("returnUrl", "/orders/" + id + "?paid=1", "failUrl", "/orders/" + id))
                .post("/api/orders/" + id + "/payments").then().statusCode(201).extract().path("paymentId");
        String path = SandboxPaymentTest.click(paymentId, "pay");
        assertEquals("http://localhost:8080/orders/" + id + "?paid=1", SandboxPaymentTest.comeBack(path));
    }

    @Test
    void aStoredUrlNoLongerAllowedSendsTheBrowserToTheShop() {
        String customer = Shop.customer(Shop.nextId());
        long id = SandboxPaymentTest.confirmed(customer, "card");
        String paymentId = as(customer).body(Map.of("returnUrl", "https://shop.example/ok", "failUrl", OK))
                .post("/api/orders/" + id + "/payments").then().statusCode(201).extract().path("paymentId");
        // stored before the allow-list existed
        QuarkusTransaction.requiringNew().run(() -> Payment.update("returnUrl = ?1 where id = ?2",
                "https://evil.example/phish", UUID.fromString(paymentId)));
        String path = SandboxPaymentTest.click(paymentId, "pay");
        assertEquals("http://localhost:8080/", SandboxPaymentTest.comeBack(path));
    }
}
