package shop.customers.favorite;

import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Positive;

/** {@code {"productId": 12}}: the product to remember. */
public record FavoriteRequest(@NotNull(message = "is required") @Positive(message = "must be positive") Long productId) {
}
