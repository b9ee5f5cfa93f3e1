package shop.orders.order;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.persistence.LockModeType;
import java.util.UUID;
import shop.commons.domain.NotFound;
import shop.commons.security.CurrentUser;

/**
 * Who may see an order (its details, history, payments and status stream): staff, the customer who
 * placed it, or whoever holds its access token ({@code X-Order-Token}, how a guest follows its order).
 * To everyone else it answers 404, exactly as a missing order, so order ids cannot be probed.
 */
@RequestScoped
public class OrderAccess {
    @Inject
    CurrentUser user;

    /** The order if the caller may see it; a 404 problem otherwise (existence is not revealed). */
    public Order readable(long id, String orderToken) {
        return readable(id, orderToken, false);
    }

    /** As {@link #readable(long, String)}, the order locked for update when {@code lock}. */
    public Order readable(long id, String orderToken, boolean lock) {
        Order order = lock ? Order.findById(id, LockModeType.PESSIMISTIC_WRITE) : Order.findById(id);
        if (order == null || !allowed(order, orderToken)) {
            throw NotFound.of("order", id);
        }
        return order;
    }

    public boolean allowed(Order order, String orderToken) {
        return user.isStaff() || (order.customerId != null && user.isCustomer(order.customerId))
                || tokenMatches(order, orderToken);
    }

    private static boolean tokenMatches(Order order, String token) {
        if (token == null || token.isBlank()) {
            return false;
        }
        try {
            return order.accessToken.equals(UUID.fromString(token.trim()));
        } catch (IllegalArgumentException e) {
            return false;
        }
    }
}
