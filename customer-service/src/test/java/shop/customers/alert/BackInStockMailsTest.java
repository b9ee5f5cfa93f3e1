package shop.customers.alert;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import shop.contracts.EventEnvelope;
import shop.contracts.EventJson;
import shop.contracts.Topics;
import shop.contracts.catalog.VariantState;
import shop.customers.Accounts;
import shop.devstack.infra.ReceivedMail;
import shop.devstack.testing.KafkaResource;
import shop.devstack.testing.TestTokens;
import shop.devstack.testing.TopicWatcher;

/**
 * Back-in-stock mails from variant states published to the real catalog.variants topic. Every record of a
 * test goes out under one key, so the consumer reads them in order; a "no mail" is proven by a marker
 * product's mail that the consumer can only send after it read the records before it.
 */
@QuarkusTest
class BackInStockMailsTest {
    private static final Duration WAIT = Duration.ofSeconds(60);
    private static final AtomicInteger PRODUCTS = new AtomicInteger((int) (2_000_000 + System.nanoTime() % 1_000_000_000L));

    private record Shopper(long id, String email, String token) {
    }

    /** A registered customer whose email is confirmed (only those get these mails). */
    private static Shopper confirmedCustomer() {
        Accounts.Customer customer = Accounts.register();
        String token = Accounts.mailedToken(customer.email(), "Confirm", 1);
        given().contentType(ContentType.JSON).body("{\"email\":\"%s\",\"token\":\"%s\"}".formatted(customer.email(), token))
                .post("/api/customers/confirm").then().statusCode(204);
        return new Shopper(customer.id(), customer.email(), TestTokens.issue(String.valueOf(customer.id()), "customer"));
    }

    private static void favorite(Shopper shopper, int productId) {
        given().auth().oauth2(shopper.token()).contentType(ContentType.JSON).body("{\"productId\":" + productId + "}")
                .post("/api/customers/" + shopper.id() + "/favorites").then().statusCode(201);
    }

    private static String state(long variantId, int productId, int available, Instant at) {
        VariantState state = new VariantState(variantId, productId, 1L, 2L, "Dress " + productId, "Dress, M",
                "A-" + productId, new BigDecimal("1990.00"), null, available, true, true, false, "M", "red", "#FF0000");
        EventEnvelope fresh = EventJson.envelope(VariantState.UPSERTED, VariantState.VERSION, state);
        return EventJson.write(new EventEnvelope(fresh.eventId(), fresh.type(), at, fresh.version(), fresh.payload()));
    }

    private static void publish(String key, String... records) {
        TopicWatcher.send(KafkaResource.bootstrapServers(), Topics.CATALOG_VARIANTS, key, records);
    }

    private static List<ReceivedMail> alerts(Shopper shopper, int productId) {
        return Accounts.mailsTo(shopper.email(), "Back in stock: Dress " + productId);
    }

    private static void awaitAlerts(Shopper shopper, int productId, int count) {
        await().atMost(WAIT).until(() -> alerts(shopper, productId).size() >= count);
    }

    /** A product of its own that sells out and returns, mailing {@code shopper}: everything before it was read. */
    private static void marker(Shopper shopper, String key, Instant at) {
        int marker = PRODUCTS.incrementAndGet();
        favorite(shopper, marker);
        publish(key, state(marker * 10L, marker, 0, at), state(marker * 10L, marker, 1, at.plusMillis(1)));
        awaitAlerts(shopper, marker, 1);
    }

    @Test
    void aReturnMailsOnceAndAgainOnlyAfterTheNextSellOut() {
        Shopper anna = confirmedCustomer();
        int product = PRODUCTS.incrementAndGet();
        favorite(anna, product);
        long variant = product * 10L;
        String key = String.valueOf(variant);
        Instant t = Instant.now().minusSeconds(600);

        String back = state(variant, product, 5, t.plusSeconds(1));
        publish(key, state(variant, product, 0, t), back, state(variant, product, 3, t.plusSeconds(2)));
        awaitAlerts(anna, product, 1);
        ReceivedMail mail = alerts(anna, product).get(0);
        assertTrue(mail.body().contains("Dress " + product) && mail.body().contains("backInStockMails"), mail.body());

        // the same record again (a redelivery), and a late older one: nothing changes, nobody is mailed
        publish(key, back, state(variant, product, 0, t.plusMillis(500)));
        marker(anna, key, t.plusSeconds(3));
        assertEquals(1, alerts(anna, product).size());

        // sold out, back again: the second return is mailed
        publish(key, state(variant, product, 0, t.plusSeconds(4)), state(variant, product, 2, t.plusSeconds(5)));
        awaitAlerts(anna, product, 2);
        marker(anna, key, t.plusSeconds(6));
        assertEquals(2, alerts(anna, product).size());
    }

    @Test
    void anotherVariantReturningWhileOneIsInStockIsNoNews() {
        Shopper anna = confirmedCustomer();
        int product = PRODUCTS.incrementAndGet();
        favorite(anna, product);
        String key = String.valueOf(product * 10L);
        Instant t = Instant.now().minusSeconds(600);
        long small = product * 10L;
        long medium = product * 10L + 1;

        // the first records of both (as a republished catalog would send them): the medium's stock is no return
        publish(key, state(small, product, 0, t), state(medium, product, 4, t), state(small, product, 2, t.plusSeconds(1)));
        marker(anna, key, t.plusSeconds(2));
        assertEquals(0, alerts(anna, product).size());

        // both sold out, then the medium returns: the product is back
        publish(key, state(small, product, 0, t.plusSeconds(3)), state(medium, product, 0, t.plusSeconds(3)),
                state(medium, product, 1, t.plusSeconds(4)));
        awaitAlerts(anna, product, 1);
    }

    @Test
    void onlyConfirmedCustomersWhoKeepTheProductAndWantTheMailsAreMailed() {
        Shopper wants = confirmedCustomer();
        Shopper optedOut = confirmedCustomer();
        Accounts.Customer unconfirmed = Accounts.register();
        Shopper notConfirmed = new Shopper(unconfirmed.id(), unconfirmed.email(),
                TestTokens.issue(String.valueOf(unconfirmed.id()), "customer"));
        Shopper other = confirmedCustomer(); // keeps another product
        int product = PRODUCTS.incrementAndGet();
        favorite(wants, product);
        favorite(optedOut, product);
        favorite(notConfirmed, product);
        favorite(other, PRODUCTS.incrementAndGet());
        given().auth().oauth2(optedOut.token()).contentType(ContentType.JSON).body("{\"backInStockMails\":false}")
                .patch("/api/customers/" + optedOut.id()).then().statusCode(200)
                .body("backInStockMails", org.hamcrest.Matchers.equalTo(false));
        given().auth().oauth2(optedOut.token()).contentType(ContentType.JSON).body("{\"backInStockMails\":\"no\"}")
                .patch("/api/customers/" + optedOut.id()).then().statusCode(400);

        String key = String.valueOf(product * 10L);
        Instant t = Instant.now().minusSeconds(600);
        publish(key, state(product * 10L, product, 0, t), state(product * 10L, product, 7, t.plusSeconds(1)));
        awaitAlerts(wants, product, 1);
        marker(wants, key, t.plusSeconds(2));
        assertEquals(0, alerts(optedOut, product).size());
        assertEquals(0, alerts(notConfirmed, product).size());
        assertEquals(0, Accounts.mailsTo(other.email(), "Back in stock").size());
        assertEquals(1, alerts(wants, product).size());
    }
}
