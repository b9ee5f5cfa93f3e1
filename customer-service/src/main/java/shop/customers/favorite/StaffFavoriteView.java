package shop.customers.favorite;

import java.time.Instant;

/** A favorite in staff's list across customers. */
public record StaffFavoriteView(long id, long customerId, long productId, Instant addedAt) {
    static StaffFavoriteView of(Favorite f) {
        return new StaffFavoriteView(f.id, f.customerId, f.productId, f.addedAt);
    }
}
