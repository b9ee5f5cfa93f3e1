package shop.catalog.stock;

import java.time.Instant;
import java.util.List;

/** A delivery as recorded: who delivered what when, and each variant's on-hand right after it. */
public record StockDeliveryView(String deliveryId, String deliveredBy, Long supplierId, Instant deliveredAt,
                                List<Line> lines) {
    public record Line(long variantId, int quantity, int onHandAfter) {
    }
}
