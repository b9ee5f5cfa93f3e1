package shop.orders.catalog;

import static org.hamcrest.Matchers.equalTo;
import static shop.orders.Shop.as;
import static shop.orders.Shop.awaitCartLine;
import static shop.orders.Shop.guest;

import io.quarkus.test.junit.QuarkusTest;
import java.math.BigDecimal;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import shop.contracts.Topics;
import shop.contracts.catalog.VariantState;
import shop.contracts.catalog.VariantState.Unorderable;
import shop.devstack.testing.KafkaResource;
import shop.devstack.testing.TopicWatcher;
import shop.orders.Shop;

/** The read model follows catalog.variants: the newest state wins, removals make a variant unorderable. */
@QuarkusTest
class VariantReadModelTest {
    @Test
    void aNewerStateWinsAndAnOlderOneArrivingLaterChangesNothing() {
        VariantState v = Shop.known(Shop.variant(Shop.nextId(), "100.00", 5));
        Instant now = Instant.now();
        VariantState newer = Shop.with(v, "120.00", "99.50", 7, true, true);
        VariantState older = Shop.with(v, "80.00", null, 2, true, true);
        TopicWatcher.send(KafkaResource.bootstrapServers(), Topics.CATALOG_VARIANTS, String.valueOf(v.variantId()),
                Shop.variantRecord(newer, VariantState.UPSERTED, now.plusSeconds(10)),
                "not an envelope",
                Shop.variantRecord(older, VariantState.UPSERTED, now.plusSeconds(5)));
        // a later marker on the same partition proves the older record has been read by then
        VariantState marker = Shop.variant(v.supplierId(), "1.00", 1);
        TopicWatcher.send(KafkaResource.bootstrapServers(), Topics.CATALOG_VARIANTS, String.valueOf(v.variantId()),
                Shop.variantRecord(marker, VariantState.UPSERTED, now));
        awaitCartLine(marker.variantId(), line -> line != null);

        // the discounted price is what a customer pays
        guest().body("{\"quantity\":2}").put("/api/cart/items/" + v.variantId()).then().statusCode(200)
                .body("items[0].unitPrice", equalTo(99.5f))
                .body("items[0].available", equalTo(7))
                .body("items[0].lineTotal", equalTo(199.0f))
                .body("total", equalTo(199.0f));
    }

    @Test
    void catalogsDecisionIsTakenAsItComesNotDerivedFromTheOtherFields() {
        VariantState v = Shop.known(Shop.variant(Shop.nextId(), "100.00", 5));
        // version 2: a unit price and a reason the price and flags alone would not give
        Shop.publish(decided(v, true, null, "42.00"), VariantState.UPSERTED, Instant.now());
        awaitCartLine(v.variantId(), line -> line != null && new BigDecimal("42.00")
                .compareTo(new BigDecimal(line.get("unitPrice").toString())) == 0);
        Shop.publish(decided(v, false, Unorderable.INACTIVE, "42.00"), VariantState.UPSERTED, Instant.now().plusSeconds(1));
        awaitCartLine(v.variantId(), line -> line == null);
        guest().body("{\"quantity\":1}").put("/api/cart/items/" + v.variantId()).then().statusCode(409)
                .body("reason", equalTo("inactive"));
    }

    private static VariantState decided(VariantState v, boolean orderable, Unorderable why, String unitPrice) {
        return new VariantState(v.variantId(), v.productId(), v.categoryId(), v.supplierId(), v.productName(),
                v.variantName(), v.article(), v.price(), null, v.available(), true, true, false, null, null, null,
                orderable, why, new BigDecimal(unitPrice));
    }

    @Test
    void aRemovedVariantCanNoLongerBeOrdered() {
        VariantState v = Shop.known(Shop.variant(Shop.nextId(), "10.00", 5));
        Shop.publish(v, VariantState.REMOVED, Instant.now());
        awaitCartLine(v.variantId(), line -> line == null);
        guest().body("{\"quantity\":1}").put("/api/cart/items/" + v.variantId()).then().statusCode(409)
                .body("reason", equalTo("removed"));
    }

    @Test
    void aSupplierNotAcceptingOrdersMakesItsVariantsUnorderable() {
        VariantState v = Shop.known(Shop.variant(Shop.nextId(), "10.00", 5));
        Shop.publish(Shop.with(v, "10.00", null, 5, true, false), VariantState.UPSERTED, Instant.now());
        awaitCartLine(v.variantId(), line -> line == null);
        as(null).body("{\"quantity\":1}").put("/api/cart/items/" + v.variantId()).then().statusCode(409)
                .body("reason", equalTo("supplier not accepting orders"));
    }
}
