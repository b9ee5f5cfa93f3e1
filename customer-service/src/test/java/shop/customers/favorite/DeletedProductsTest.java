package shop.customers.favorite;

import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsInAnyOrder;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static shop.customers.favorite.FavoriteResourceTest.PRODUCTS;
import static shop.customers.favorite.FavoriteResourceTest.add;
import static shop.customers.favorite.FavoriteResourceTest.as;
import static shop.customers.favorite.FavoriteResourceTest.base;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import shop.contracts.EventEnvelope;
import shop.contracts.EventJson;
import shop.contracts.Topics;
import shop.contracts.catalog.VariantState;
import shop.customers.common.RegisteredCustomers;
import shop.customers.common.RegisteredCustomers.Shopper;
import shop.devstack.testing.KafkaResource;
import shop.devstack.testing.TopicWatcher;

/** Favorites follow the catalog's deletions, read from a real catalog.variants topic. */
@QuarkusTest
class DeletedProductsTest {
    private static final Duration WAIT = Duration.ofSeconds(60);

    @Inject
    EntityManager em;

    private static String variantEvent(long productId, boolean productDeleted, Instant occurredAt) {
        VariantState state = new VariantState(productId * 10, productId, 1L, 2L, "Dress", "Dress, red, M", "A-" + productId,
                new BigDecimal("1990.00"), null, productDeleted ? 0 : 5, !productDeleted, true, productDeleted, "M", "red", "#FF0000");
        String type = productDeleted ? VariantState.REMOVED : VariantState.UPSERTED;
        EventEnvelope fresh = EventJson.envelope(type, VariantState.VERSION, state);
        return EventJson.write(new EventEnvelope(fresh.eventId(), type, occurredAt, fresh.version(), fresh.payload()));
    }

    private static void publish(long productId, String... records) {
        TopicWatcher.send(KafkaResource.bootstrapServers(), Topics.CATALOG_VARIANTS, String.valueOf(productId * 10), records);
    }

    private static List<Integer> favoritesOf(Shopper shopper) {
        return as(shopper.token()).get(base(shopper.id())).then().statusCode(200)
                .extract().jsonPath().getList("items.productId", Integer.class);
    }

    @Test
    void aDeletedProductLeavesEveryonesFavoritesAndCannotBeAddedAgain() {
        Shopper anna = RegisteredCustomers.register();
        Shopper boris = RegisteredCustomers.register();
        int deleted = PRODUCTS.incrementAndGet();
        int kept = PRODUCTS.incrementAndGet();
        add(anna, deleted, 201);
        add(anna, kept, 201);
        add(boris, deleted, 201);

        // an ordinary change of a product (not deleted) and a record that is no event change nothing
        publish(kept, variantEvent(kept, false, Instant.now()), "not an envelope");
        publish(deleted, variantEvent(deleted, true, Instant.now()));

        await().atMost(WAIT).until(() -> !favoritesOf(anna).contains(deleted) && !favoritesOf(boris).contains(deleted));
        as(anna.token()).get(base(anna.id())).then().body("items.productId", contains(kept));
        as(anna.token()).body("{\"productId\":" + deleted + "}").post(base(anna.id())).then().statusCode(404);
    }

    @Test
    void aRedeliveredDeletionChangesNothingOnceHandled() {
        Shopper shopper = RegisteredCustomers.register();
        int product = PRODUCTS.incrementAndGet();
        int marker = PRODUCTS.incrementAndGet();
        add(shopper, product, 201);
        add(shopper, marker, 201);
        Instant deletedAt = Instant.now().minusSeconds(60);
        String deletion = variantEvent(product, true, deletedAt);
        publish(product, deletion);
        await().atMost(WAIT).until(() -> !favoritesOf(shopper).contains(product));

        // the catalog restores the product later; the shopper adds it again
        publish(product, variantEvent(product, false, deletedAt.plusSeconds(30)));
        await().atMost(WAIT).until(() -> as(shopper.token()).body("{\"productId\":" + product + "}")
                .post(base(shopper.id())).statusCode() == 201);

        // Kafka delivers the old deletion again, then a deletion of the marker on the same partition:
        // once the marker is gone the redelivery has been read, and it must have changed nothing
        publish(product, deletion, variantEvent(marker, true, Instant.now()));
        await().atMost(WAIT).until(() -> !favoritesOf(shopper).contains(marker));
        as(shopper.token()).get(base(shopper.id())).then().body("items.productId", containsInAnyOrder(product));
    }

    @Test
    void aStateOfAProductNotDeletedUndoesOlderRemovalsWithoutAProcessedEventRow() {
        Shopper shopper = RegisteredCustomers.register();
        int product = PRODUCTS.incrementAndGet();
        Instant deletedAt = Instant.now().minusSeconds(60);
        publish(product, variantEvent(product, true, deletedAt));
        await().atMost(WAIT).until(() -> as(shopper.token()).body("{\"productId\":" + product + "}")
                .post(base(shopper.id())).statusCode() == 404);

        String present = variantEvent(product, false, deletedAt.plusSeconds(30));
        publish(product, present);
        await().atMost(WAIT).until(() -> as(shopper.token()).body("{\"productId\":" + product + "}")
                .post(base(shopper.id())).statusCode() == 201);
        // every stock change of every variant is such a state: idempotent by itself, it is not logged
        long rows = QuarkusTransaction.requiringNew().call(() -> ((Number) em.createNativeQuery(
                        "select count(*) from processed_event where event_id = :e")
                .setParameter("e", EventJson.read(present).eventId()).getSingleResult()).longValue());
        assertEquals(0, rows);
    }
}
