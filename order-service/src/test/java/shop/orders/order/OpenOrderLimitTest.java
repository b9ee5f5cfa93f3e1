package shop.orders.order;

import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static shop.orders.Shop.as;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import java.util.Map;
import org.junit.jupiter.api.Test;
import shop.contracts.catalog.VariantState;
import shop.orders.Shop;

/** At most shop.orders.open-limit (3 here) open orders per customer, or per guest email or phone. */
@QuarkusTest
@TestProfile(OpenOrderLimitTest.LimitOfThree.class)
class OpenOrderLimitTest {
    public static class LimitOfThree implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("shop.orders.open-limit", "3");
        }
    }

    private static String body(long variantId, String email, String phone) {
        return "{\"lines\":[" + Shop.line(variantId, 1) + "],\"contact\":{\"firstName\":\"Olga\",\"lastName\":\"Limit\","
                + "\"phone\":\"" + phone + "\",\"email\":\"" + email + "\"},\"deliveryTypeId\":" + Shop.deliveryType("0", null)
                + ",\"deliveryAddress\":\"Moscow, Tverskaya 1\",\"paymentMethod\":\"cash\"}";
    }

    @Test
    void aCustomerHoldsAtMostTheLimitOfOpenOrders() {
        VariantState v = Shop.known(Shop.variant(Shop.nextId(), "10.00", 100));
        long customerId = Shop.nextId();
        String customer = Shop.customer(customerId);
        String order = body(v.variantId(), "c" + customerId + "@example.com", "+7 900 " + customerId % 10_000_000);
        long first = Shop.place(customer, order);
        Shop.confirmedOrder(customer, order); // new or confirmed: both open
        Shop.place(customer, order);

        as(customer).body(order).post("/api/orders").then().statusCode(409)
                .contentType(containsString("application/problem+json"))
                .body("title", equalTo("Too many open orders"))
                .body("limit", equalTo(3))
                .body("openOrders", equalTo(3))
                .body("detail", containsString("at most 3"));
        // someone else is not limited by this customer's orders
        Shop.place(Shop.customer(Shop.nextId()), body(v.variantId(), "other" + customerId + "@example.com", "+7 901 1234567"));

        // a cancelled order is no longer open
        as(customer).body("{\"reason\":\"changed my mind\"}").post("/api/orders/" + first + "/cancel").then().statusCode(200);
        Shop.place(customer, order);
        as(customer).body(order).post("/api/orders").then().statusCode(409);
    }

    @Test
    void aGuestIsCountedByEmailRegardlessOfCaseAndByNormalisedPhone() {
        VariantState v = Shop.known(Shop.variant(Shop.nextId(), "10.00", 100));
        long n = Shop.nextId() % 10_000_000;
        String email = "guest" + n + "@example.com";
        String phone = "+7 915 %07d".formatted(n);
        String samePhoneOtherWay = "8 (915) %03d-%02d-%02d".formatted(n / 10_000, n / 100 % 100, n % 100);

        Shop.place(null, body(v.variantId(), email, phone));
        Shop.place(null, body(v.variantId(), email.toUpperCase(), "+7 999 %07d".formatted(n))); // same email
        Shop.place(null, body(v.variantId(), "another" + n + "@example.com", samePhoneOtherWay)); // same phone

        // the same email in other letters and the same phone written otherwise: all three orders are this contact's
        Shop.guest().body(body(v.variantId(), "Guest" + n + "@Example.com", "7915%07d".formatted(n)))
                .post("/api/orders").then().statusCode(409).body("title", equalTo("Too many open orders"))
                .body("detail", containsString("this email or phone"));
        // a different contact may order
        Shop.place(null, body(v.variantId(), "fourth" + n + "@example.com", "+7 997 %07d".formatted(n)));
    }
}
