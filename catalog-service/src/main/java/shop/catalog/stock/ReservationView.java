package shop.catalog.stock;

import java.time.Instant;

/** One variant's units held for one order, as staff see it. */
public record ReservationView(long id, long orderId, long variantId, int quantity, String state,
                              Instant createdAt, Instant updatedAt) {
    static ReservationView of(StockReservation r) {
        return new ReservationView(r.id, r.orderId, r.variantId, r.quantity, r.state, r.createdAt, r.updatedAt);
    }
}
