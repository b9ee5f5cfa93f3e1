package shop.orders.payment;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import java.util.UUID;
import shop.commons.problem.ProblemException;
import shop.commons.security.CurrentUser;
import shop.orders.order.Order;

/**
 * The same rule as for reading the order: staff, the customer who placed it, or the holder of its
 * access token (a guest); anyone else gets 404, as if the order did not exist.
 */
@RequestScoped
public class PaymentAccess {
    @Inject
    CurrentUser user;

    Order order(long orderId, String orderToken) {
        Order order = Order.findById(orderId);
        if (order == null || !allowed(order, orderToken)) {
            throw ProblemException.notFound("order", orderId);
        }
        return order;
    }

    boolean allowed(Order order, String orderToken) {
        if (user.isStaff() || (order.customerId != null && user.isCustomer(order.customerId))) {
            return true;
        }
        if (orderToken == null || orderToken.isBlank()) {
            return false;
        }
        try {
            return order.accessToken.equals(UUID.fromString(orderToken.trim()));
        } catch (IllegalArgumentException e) {
            return false;
        }
    }
}
