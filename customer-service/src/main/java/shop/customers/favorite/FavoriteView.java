package shop.customers.favorite;

import java.time.Instant;

/** A favorite product as the API shows it; {@code id} is what {@code DELETE /api/customers/favorites?ids=} takes. */
public record FavoriteView(long id, long productId, Instant addedAt) {
}
