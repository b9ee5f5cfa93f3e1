package shop.orders.cart;

import java.util.UUID;
import shop.commons.domain.Invalid;
import shop.commons.security.CurrentUser;
import shop.commons.security.Roles;

/**
 * Whose cart a request means: a signed-in customer's (by the token's subject), else the guest cart named
 * by the {@code X-Cart-Token} header (null when the guest has none yet).
 */
public record CartOwner(Long customerId, UUID token) {
    public static final String HEADER = "X-Cart-Token";

    public static CartOwner of(CurrentUser user, String tokenHeader) {
        if (user.hasRole(Roles.CUSTOMER) && user.id().isPresent()) {
            return new CartOwner(user.id().get(), null);
        }
        return new CartOwner(null, parseToken(tokenHeader));
    }

    public static UUID parseToken(String value) {
        if (value == null || value.isBlank()) {
            return null;
        }
        try {
            return UUID.fromString(value.trim());
        } catch (IllegalArgumentException e) {
            throw new Invalid(HEADER + " must be the cart token the service returned (a UUID)");
        }
    }

    public boolean isCustomer() {
        return customerId != null;
    }
}
