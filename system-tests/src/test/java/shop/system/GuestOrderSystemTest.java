package shop.system;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.restassured.http.ContentType;
import io.restassured.response.Response;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * A guest orders, later registers with the order's email and confirms it: the order is then in the
 * account's order list. A stranger who registered with the guest's phone before (taking the guest's
 * customer record over) does not get it. Only through the gateway.
 */
class GuestOrderSystemTest {
    static final Duration WAIT = Duration.ofSeconds(90);
    static final String PASSWORD = "guest-pass-1";

    @BeforeAll
    static void platform() {
        RunningPlatform.stack();
    }

    static Response register(String email, String phone) {
        return given().contentType(ContentType.JSON).body("""
                        {"firstName":"Vera","lastName":"Guseva","email":"%s","phone":"%s","password":"%s"}"""
                        .formatted(email, phone, PASSWORD))
                .when().post("/api/customers");
    }

    static void confirm(String email) {
        String body = await().atMost(Duration.ofSeconds(30)).until(() -> RunningPlatform.stack().mailbox().stream()
                        .filter(m -> m.to().equalsIgnoreCase(email) && m.subject().startsWith("Confirm"))
                        .map(m -> m.body()).findFirst().orElse(null), found -> found != null);
        java.util.regex.Matcher token = java.util.regex.Pattern.compile("Token: (\\S+)").matcher(body);
        assertTrue(token.find(), "a token in the confirmation mail");
        given().contentType(ContentType.JSON).body("{\"email\":\"%s\",\"token\":\"%s\"}".formatted(email, token.group(1)))
                .when().post("/api/customers/confirm").then().statusCode(204);
    }

    static String signIn(String email) {
        return RunningPlatform.signIn("{\"email\":\"%s\",\"password\":\"%s\"}".formatted(email, PASSWORD));
    }

    static List<Integer> myOrders(String token) {
        return given().auth().oauth2(token).when().get("/api/orders?limit=100").then().statusCode(200)
                .extract().jsonPath().getList("items.id", Integer.class);
    }

    static String uniquePhone() {
        return "+7917" + String.format("%07d", Math.floorMod(UUID.randomUUID().hashCode(), 10_000_000));
    }

    @Test
    void aGuestWhoRegistersWithTheOrdersEmailAndConfirmsItSeesTheOrderAndAStrangerWithThePhoneDoesNot() {
        OrderJourneySystemTest.Shop shop = OrderJourneySystemTest.shop(5);
        String tag = UUID.randomUUID().toString().substring(0, 8);
        String email = "guest-" + tag + "@example.com";
        String phone = uniquePhone();
        Map<String, Object> order = Map.of(
                "lines", List.of(Map.of("variantId", shop.variantId(), "quantity", 1)),
                "contact", Map.of("firstName", "Vera", "lastName", "Guseva", "phone", phone, "email", email),
                "deliveryTypeId", shop.deliveryTypeId(), "deliveryAddress", "Moscow, Arbat 10", "paymentMethod", "cash");
        // no token: a guest; order-service knows the variant once catalog.variants has told it
        Response[] placed = new Response[1];
        await().atMost(WAIT).until(() -> {
            placed[0] = given().contentType(ContentType.JSON).body(order).when().post("/api/orders");
            return placed[0].statusCode() == 201;
        });
        int orderId = placed[0].path("id");

        // customer-service keeps a guest record for it (staff see it)
        String admin = RunningPlatform.adminToken();
        int guestRecord = await().atMost(WAIT).until(() -> given().auth().oauth2(admin).queryParam("q", email)
                        .when().get("/api/customers").then().statusCode(200).extract().jsonPath().getList("items.id", Integer.class),
                ids -> ids.size() == 1).get(0);

        // a stranger registers with the guest's phone: the record is taken over, the order is not
        String strangerEmail = "stranger-" + tag + "@example.com";
        register(strangerEmail, phone).then().statusCode(201).body("id", equalTo(guestRecord));
        confirm(strangerEmail);
        String stranger = signIn(strangerEmail);

        // the guest registers with the order's email (its phone is taken now) and confirms it
        register(email, uniquePhone()).then().statusCode(201);
        confirm(email);
        String owner = signIn(email);
        await().atMost(WAIT).until(() -> myOrders(owner).contains(orderId));
        given().auth().oauth2(owner).when().get("/api/orders/" + orderId).then().statusCode(200)
                .body("contact.email", equalTo(email));

        assertFalse(myOrders(stranger).contains(orderId));
        given().auth().oauth2(stranger).when().get("/api/orders/" + orderId).then().statusCode(404);
    }
}
