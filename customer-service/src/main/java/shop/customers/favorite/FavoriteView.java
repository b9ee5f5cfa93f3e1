package shop.customers.favorite;

import java.time.Instant;

/** A favorite product as the API shows it. */
public record FavoriteView(long productId, Instant addedAt) {
}
