package shop.catalog.factory;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Positive;
import jakarta.validation.constraints.Size;
import java.time.Instant;

/** Request and response bodies of the factory endpoints. */
final class FactoryViews {
    private FactoryViews() {
    }

    /** A week: longer intervals are surely a mistake in the unit (seconds). */
    static final int MAX_INTERVAL = 7 * 24 * 3600;
    static final int MAX_UNITS = 1_000_000;

    record FactoryRequest(@NotBlank(message = "is required") @Size(max = 200) String name) {
    }

    record FactoryView(long id, String name, Instant createdAt) {
        static FactoryView of(Factory f) {
            return new FactoryView(f.id, f.name, f.createdAt);
        }
    }

    record LineRequest(@NotNull(message = "is required") @Positive Long variantId,
                       @NotNull(message = "is required") @Min(value = 1, message = "must be at least 1")
                       @Max(value = MAX_UNITS, message = "must be at most " + MAX_UNITS) Integer unitsPerDelivery,
                       @NotNull(message = "is required") @Min(value = 1, message = "must be at least 1")
                       @Max(value = MAX_INTERVAL, message = "must be at most " + MAX_INTERVAL) Integer intervalSeconds,
                       Boolean active) {
    }

    /** PATCH: absent (or null) keeps the value; the variant of a line does not change (make another line). */
    record LinePatch(@Min(value = 1, message = "must be at least 1")
                     @Max(value = MAX_UNITS, message = "must be at most " + MAX_UNITS) Integer unitsPerDelivery,
                     @Min(value = 1, message = "must be at least 1")
                     @Max(value = MAX_INTERVAL, message = "must be at most " + MAX_INTERVAL) Integer intervalSeconds,
                     Boolean active) {
    }

    record LineView(long id, long factoryId, long variantId, int unitsPerDelivery, int intervalSeconds,
                    boolean active, Instant nextDeliveryAt, long skippedDeliveries, Instant createdAt) {
        static LineView of(ProductionLine l) {
            return new LineView(l.id, l.factoryId, l.variantId, l.unitsPerDelivery, l.intervalSeconds, l.active,
                    l.active ? l.nextDeliveryAt : null, l.skippedDeliveries, l.createdAt);
        }
    }

    record DeliveryView(long id, long lineId, long variantId, Instant dueAt, Instant deliveredAt, int units,
                        int onHandAfter) {
        static DeliveryView of(FactoryDelivery d) {
            return new DeliveryView(d.id, d.lineId, d.variantId, d.dueAt, d.deliveredAt, d.units, d.onHandAfter);
        }
    }
}
