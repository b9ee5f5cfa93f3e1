package shop.orders.notify;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static shop.orders.Shop.as;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import java.util.List;
import org.junit.jupiter.api.Test;
import shop.contracts.catalog.StockReply;
import shop.contracts.catalog.VariantState;
import shop.devstack.infra.ReceivedMail;
import shop.devstack.testing.MailResource;
import shop.devstack.testing.TelegramStandIn;
import shop.orders.Shop;

/** The customer hears of every step of its order and the shop of every new confirmed order, by real SMTP. */
@QuarkusTest
class OrderMailsTest {
    private static String order(String email, long deliveryTypeId, String payment, long variantId) {
        return "{\"lines\":[" + Shop.line(variantId, 2) + "],\"contact\":{\"firstName\":\"Olga\",\"lastName\":\"Ivanova\","
                + "\"phone\":\"+7 916 000-11-22\",\"email\":\"" + email + "\"},\"deliveryTypeId\":" + deliveryTypeId
                + ",\"deliveryAddress\":\"Kazan, Baumana 5\",\"paymentMethod\":\"" + payment + "\",\"comment\":\"call first\"}";
    }

    /** The Telegram messages about this order the stand-in received. */
    private static List<TelegramStandIn.Request> telegramAbout(long orderId) {
        return TelegramStandIn.receivedMentioning("New order #" + orderId + "\\n");
    }

    @Test
    void theShopsTelegramChatHearsOfANewConfirmedOrderWithoutSecrets() throws Exception {
        String email = "olga-" + Shop.nextId() + "@example.com";
        VariantState v = Shop.known(Shop.variant(Shop.nextId(), "99.90", 10));
        long id = Shop.confirmedOrder(Shop.customer(Shop.nextId()), order(email, Shop.deliveryType("0", null), "cash", v.variantId()));
        org.awaitility.Awaitility.await().atMost(Shop.WAIT).until(() -> telegramAbout(id).size() == 1);
        var request = telegramAbout(id).get(0);
        assertEquals("/bot" + TelegramStandIn.TOKEN + "/sendMessage", request.path());
        var body = new com.fasterxml.jackson.databind.ObjectMapper().readTree(request.body());
        assertEquals(TelegramStandIn.CHAT_ID, body.path("chat_id").asText());
        String text = body.path("text").asText();
        assertTrue(text.contains("+7 916 000-11-22") && text.contains("× 2 = 199.80 RUB") && text.contains("Total: 199.80 RUB"), text);
        assertTrue(!request.body().contains(TelegramStandIn.TOKEN), "the bot token is only in the URL");
        assertEquals(2, body.size(), "only chat_id and text are sent: " + body);
    }

    private static ReceivedMail awaitMail(String to, String subject) {
        return MailResource.awaitMessage(m -> m.to().equalsIgnoreCase(to) && m.subject().equals(subject), Shop.WAIT);
    }

    @Test
    void theCustomerIsMailedWhenTheOrderIsConfirmedPaidAndShippedAndTheShopOfTheNewOrder() {
        String email = "olga-" + Shop.nextId() + "@example.com";
        String customer = Shop.customer(Shop.nextId());
        VariantState v = Shop.known(Shop.variant(Shop.nextId(), "120.00", 10));
        long id = Shop.confirmedOrder(customer, order(email, Shop.deliveryType("300", null), "card", v.variantId()));

        ReceivedMail confirmed = awaitMail(email, "Order #" + id + " is confirmed");
        assertTrue(confirmed.body().contains(v.productName()), confirmed.body());
        assertTrue(confirmed.body().contains("Total: 540.00 RUB"), confirmed.body());
        assertTrue(confirmed.body().contains("pay it by card"), confirmed.body());
        ReceivedMail shop = awaitMail("shop@localhost", "New order #" + id + ", 540.00 RUB");
        assertTrue(shop.body().contains("+7 916 000-11-22") && shop.body().contains("Kazan, Baumana 5")
                && shop.body().contains("call first") && shop.body().contains("× 2 = 240.00 RUB"), shop.body());

        String paymentId = as(customer).body("{\"returnUrl\":\"https://shop.example/ok\",\"failUrl\":\"https://shop.example/no\"}")
                .post("/api/orders/" + id + "/payments").then().statusCode(201).extract().jsonPath().getString("paymentId");
        RestAssured.given().redirects().follow(false).formParam("outcome", "pay").post("/api/payments/sandbox/" + paymentId);
        RestAssured.given().redirects().follow(false).get("/api/payments/" + paymentId + "/return").then().statusCode(303);
        assertTrue(awaitMail(email, "Order #" + id + " is paid").body().contains("540.00 RUB"));

        as(Shop.staff()).body("{\"status\":\"shipped\"}").patch("/api/orders/" + id).then().statusCode(200);
        awaitMail(email, "Order #" + id + " is now Shipped");
        // one mail per change, not one per delivery of the event
        assertEquals(1, MailResource.messagesTo(email).stream().filter(m -> m.subject().endsWith(" is paid")).count());
    }

    @Test
    void theCustomerIsMailedWhenTheOrderIsRejectedOrCancelled() {
        String email = "olga-" + Shop.nextId() + "@example.com";
        String customer = Shop.customer(Shop.nextId());
        VariantState v = Shop.known(Shop.variant(Shop.nextId(), "10.00", 10));
        long delivery = Shop.deliveryType("0", null);

        long rejected = Shop.place(customer, order(email, delivery, "cash", v.variantId()));
        Shop.stockReply(rejected, StockReply.REJECTED, List.of(new StockReply.ShortLine(v.variantId(), 2, 0, "out_of_stock")));
        awaitMail(email, "Order #" + rejected + " could not be accepted");

        long cancelled = Shop.confirmedOrder(customer, order(email, delivery, "cash", v.variantId()));
        as(customer).body("{\"reason\":\"changed my mind\"}").post("/api/orders/" + cancelled + "/cancel").then().statusCode(200);
        ReceivedMail mail = awaitMail(email, "Order #" + cancelled + " is cancelled");
        assertTrue(mail.body().contains("changed my mind"), mail.body());
        // a cash order's confirmation does not ask for a card payment
        assertTrue(!awaitMail(email, "Order #" + cancelled + " is confirmed").body().contains("by card"));
    }
}
