package shop.contracts.orders;

import com.fasterxml.jackson.annotation.JsonCreator;
import java.math.BigDecimal;
import java.util.List;

/**
 * Payload of every event on {@code orders.events} (key = order id). Each event carries the whole order
 * summary, so a consumer (catalog for stock, analytics for sales) never has to ask order-service.
 *
 * <ul>
 *   <li>{@link #PLACED}: a new order; catalog reserves all lines or rejects the order.</li>
 *   <li>{@link #CONFIRMED} / {@link #REJECTED}: order-service accepted catalog's answer.</li>
 *   <li>{@link #PAID}: the money is in (card payment confirmed, or a cash order handed over); catalog
 *       turns the reservation into a sale.</li>
 *   <li>{@link #CANCELLED}: cancelled by the customer, staff or the unpaid-order expiry; catalog releases
 *       whatever is still reserved for it, and returns what a paid order bought unless it was shipped.</li>
 *   <li>{@link #STATUS_CHANGED}: any other status change by staff (shipped, delivered, custom ones);
 *       catalog notes shipped/delivered (the goods have left the shop).</li>
 * </ul>
 *
 * @param customerId    null for a guest order
 * @param status        the order's status code after this event
 * @param previousStatus the status before it, null for {@link #PLACED}
 * @param paymentMethod {@code card} or {@code cash}
 * @param reason        why (rejection, cancellation), null otherwise
 * @param guest         the guest's contact on {@link #PLACED} of a guest order, null otherwise (added in
 *                      version 1 without a version bump: older consumers ignore the unknown field)
 */
public record OrderEvent(long orderId, Long customerId, String status, String previousStatus,
                         String paymentMethod, BigDecimal total, List<OrderLine> lines, String reason,
                         GuestContact guest) {
    public static final String PLACED = "OrderPlaced";
    public static final String CONFIRMED = "OrderConfirmed";
    public static final String REJECTED = "OrderRejected";
    public static final String PAID = "OrderPaid";
    public static final String CANCELLED = "OrderCancelled";
    public static final String STATUS_CHANGED = "OrderStatusChanged";
    public static final int VERSION = 1;

    /** The constructor JSON is read with (there are two). */
    @JsonCreator
    public OrderEvent {
    }

    /** An event without a guest contact (everything but a guest's OrderPlaced). */
    public OrderEvent(long orderId, Long customerId, String status, String previousStatus,
                      String paymentMethod, BigDecimal total, List<OrderLine> lines, String reason) {
        this(orderId, customerId, status, previousStatus, paymentMethod, total, lines, reason, null);
    }
}
