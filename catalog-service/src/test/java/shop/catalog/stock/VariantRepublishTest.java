package shop.catalog.stock;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.greaterThanOrEqualTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static shop.catalog.stock.StockFixtures.ADMIN;
import static shop.catalog.stock.StockFixtures.CUSTOMER;
import static shop.catalog.stock.StockFixtures.STAFF;
import static shop.catalog.stock.StockFixtures.WAIT;
import static shop.catalog.stock.StockFixtures.product;
import static shop.catalog.stock.StockFixtures.records;
import static shop.catalog.stock.StockFixtures.stocked;
import static shop.catalog.stock.StockFixtures.unique;
import static shop.catalog.stock.StockFixtures.variant;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import java.util.List;
import java.util.OptionalInt;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.Test;
import shop.catalog.stock.StockFixtures.Stock;
import shop.contracts.EventEnvelope;
import shop.contracts.EventJson;
import shop.contracts.Topics;
import shop.contracts.catalog.VariantState;

/** catalog.variants can be filled again from the database, so a new consumer can rebuild the catalog. */
@QuarkusTest
class VariantRepublishTest {
    private static final String URL = "/api/catalog/variants/republish";

    @Inject
    EntityManager em;

    @Inject
    VariantRepublisher republisher;

    @Test
    void anAdminRepublishesEveryVariantWithItsCurrentState() {
        Stock live = stocked(4);
        // a variant that never went through the outbox, as an import straight into the database leaves it
        int legacy = insertVariantDirectly(live.productId(), "legacy " + unique("v"));
        int goneProduct = product();
        int goneVariant = variant(goneProduct, 1);
        given().auth().oauth2(STAFF).when().delete("/api/catalog/products/" + goneProduct).then().statusCode(204);
        // changed behind the outbox's back too: only a republish can carry this name
        String renamed = unique("renamed");
        QuarkusTransaction.requiringNew().run(() -> em.createNativeQuery("update variant set name = :n where id = :id")
                .setParameter("n", renamed).setParameter("id", goneVariant).executeUpdate());

        int variants = QuarkusTransaction.requiringNew().call(() ->
                ((Number) em.createNativeQuery("select count(*) from variant").getSingleResult()).intValue());
        given().auth().oauth2(ADMIN).when().post(URL)
                .then().statusCode(202).body("count", greaterThanOrEqualTo(variants));

        VariantState legacyState = state(awaitState(legacy, s -> s.variantName() != null
                && s.variantName().startsWith("legacy")));
        assertEquals(live.productId(), legacyState.productId());
        assertEquals(7, legacyState.available());
        assertTrue(legacyState.active());
        EventEnvelope removed = awaitState(goneVariant, s -> renamed.equals(s.variantName()));
        assertEquals(VariantState.REMOVED, removed.type());
        assertTrue(state(removed).productDeleted());
        assertEquals(4, state(awaitState(live.variantId(), s -> true)).available());
    }

    @Test
    void onlyAdminsMayRepublish() {
        given().when().post(URL).then().statusCode(401).contentType("application/problem+json");
        given().auth().oauth2(STAFF).when().post(URL).then().statusCode(403).contentType("application/problem+json");
        given().auth().oauth2(CUSTOMER).when().post(URL).then().statusCode(403);
    }

    @Test
    void theFirstStartRepublishesADatabaseWhoseOutboxNeverCarriedVariantsOnceEvenWithTwoReplicas() throws Exception {
        // the state of a database migrated from an old system: variants, but nothing of them ever in the outbox
        int productId = product();
        await().atMost(WAIT).until(() -> QuarkusTransaction.requiringNew().call(() -> em.createNativeQuery(
                        "select 1 from outbox_message where topic = :t and sent_at is null")
                .setParameter("t", Topics.CATALOG_VARIANTS).getResultList().isEmpty()));
        QuarkusTransaction.requiringNew().run(() -> {
            em.createNativeQuery("delete from outbox_message where topic = :t")
                    .setParameter("t", Topics.CATALOG_VARIANTS).executeUpdate();
            em.createNativeQuery("update one_time_task set done_at = null where name = :task")
                    .setParameter("task", VariantRepublisher.TASK).executeUpdate();
        });
        int migrated = insertVariantDirectly(productId, "migrated " + unique("v"));

        // two replicas starting together
        CompletableFuture<OptionalInt> first = CompletableFuture.supplyAsync(republisher::republishOnce);
        CompletableFuture<OptionalInt> second = CompletableFuture.supplyAsync(republisher::republishOnce);
        List<OptionalInt> runs = List.of(first.get(), second.get());
        assertEquals(1, runs.stream().filter(OptionalInt::isPresent).count(), "exactly one replica republishes");
        assertTrue(runs.stream().filter(OptionalInt::isPresent).findFirst().orElseThrow().getAsInt() >= 1);
        assertEquals(OptionalInt.empty(), republisher.republishOnce(), "and only once");

        assertEquals(7, state(awaitState(migrated, s -> true)).available());
        assertEquals(1L, QuarkusTransaction.requiringNew().call(() -> em.createNativeQuery(
                        "select count(*) from outbox_message where topic = :t and message_key = :k")
                .setParameter("t", Topics.CATALOG_VARIANTS).setParameter("k", String.valueOf(migrated))
                .getSingleResult()));
    }

    @Test
    void theFirstStartLeavesATopicTheOutboxAlreadyFilledAlone() {
        Stock stock = stocked(1); // published through the outbox
        QuarkusTransaction.requiringNew().run(() -> em.createNativeQuery(
                        "update one_time_task set done_at = null where name = :task")
                .setParameter("task", VariantRepublisher.TASK).executeUpdate());
        assertEquals(OptionalInt.of(0), republisher.republishOnce());
        assertEquals(OptionalInt.empty(), republisher.republishOnce());
        assertEquals(1L, QuarkusTransaction.requiringNew().call(() -> em.createNativeQuery(
                        "select count(*) from outbox_message where topic = :t and message_key = :k")
                .setParameter("t", Topics.CATALOG_VARIANTS).setParameter("k", String.valueOf(stock.variantId()))
                .getSingleResult()));
    }

    private int insertVariantDirectly(int productId, String name) {
        return QuarkusTransaction.requiringNew().call(() -> ((Number) em.createNativeQuery("""
                        insert into variant (product_id, name, price, on_hand) values (:p, :n, 12.50, 7) returning id""")
                .setParameter("p", productId).setParameter("n", name).getSingleResult()).intValue());
    }

    private static VariantState state(EventEnvelope event) {
        return EventJson.payload(event, VariantState.class);
    }

    private static EventEnvelope awaitState(int variantId, java.util.function.Predicate<VariantState> matches) {
        List<EventEnvelope> found = records(Topics.CATALOG_VARIANTS, List.of(String.valueOf(variantId)),
                list -> list.stream().anyMatch(e -> matches.test(state(e))));
        return found.stream().filter(e -> matches.test(state(e))).reduce((a, b) -> b)
                .orElseThrow(() -> new AssertionError("no matching state of variant " + variantId));
    }
}
