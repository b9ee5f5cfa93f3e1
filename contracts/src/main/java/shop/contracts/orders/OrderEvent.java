package shop.contracts.orders;

import com.fasterxml.jackson.annotation.JsonCreator;
import java.math.BigDecimal;
import java.util.List;
import java.util.Set;

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
 *   <li>{@link #GOODS_RETURNED}: a customer brought delivered goods back (all or some lines, possibly fewer
 *       units); {@code returnedLines} says what came back, and catalog puts exactly those units back on
 *       hand, once per event.</li>
 * </ul>
 *
 * @param customerId    null for a guest order
 * @param status        the order's status code after this event
 * @param previousStatus the status before it, null for {@link #PLACED}
 * @param paymentMethod {@code card} or {@code cash}
 * @param reason        why (rejection, cancellation), null otherwise
 * @param guest         the guest's contact on {@link #PLACED} of a guest order, null otherwise (added in
 *                      version 1 without a version bump: older consumers ignore the unknown field)
 * @param goodsShipped  the goods have left the shop (order-service's decision, version 2): a later
 *                      cancellation returns nothing to stock. Consumers read this flag, never status names.
 * @param returnedLines on {@link #GOODS_RETURNED} only: the lines (and quantities) that came back; null on
 *                      every other event (added without a version bump: older consumers ignore it)
 */
public record OrderEvent(long orderId, Long customerId, String status, String previousStatus,
                         String paymentMethod, BigDecimal total, List<OrderLine> lines, String reason,
                         GuestContact guest, Boolean goodsShipped, List<OrderLine> returnedLines) {
    public static final String PLACED = "OrderPlaced";
    public static final String CONFIRMED = "OrderConfirmed";
    public static final String REJECTED = "OrderRejected";
    public static final String PAID = "OrderPaid";
    public static final String CANCELLED = "OrderCancelled";
    public static final String STATUS_CHANGED = "OrderStatusChanged";
    public static final String GOODS_RETURNED = "OrderGoodsReturned";
    /** 2: order-service publishes {@code goodsShipped}. */
    public static final int VERSION = 2;

    /** Status codes version 1 used for "the goods have left the shop"; only for reading version-1 records. */
    private static final Set<String> VERSION_1_SHIPPED = Set.of("shipped", "delivered");

    /**
     * The constructor JSON is read with. A version-1 record lacks {@code goodsShipped}: it is true when
     * the status or the previous one was {@code shipped} or {@code delivered}, which is what version 1
     * meant. This reading of old records is the only place those status names appear outside order-service.
     */
    @JsonCreator
    public OrderEvent {
        if (goodsShipped == null) {
            goodsShipped = status != null && VERSION_1_SHIPPED.contains(status)
                    || previousStatus != null && VERSION_1_SHIPPED.contains(previousStatus);
        }
    }

    /** Any event but {@link #GOODS_RETURNED}. */
    public OrderEvent(long orderId, Long customerId, String status, String previousStatus,
                      String paymentMethod, BigDecimal total, List<OrderLine> lines, String reason,
                      GuestContact guest, Boolean goodsShipped) {
        this(orderId, customerId, status, previousStatus, paymentMethod, total, lines, reason, guest, goodsShipped, null);
    }

    /** A version-1 shaped event (tests and fixtures); {@code goodsShipped} follows the version-1 rule. */
    public OrderEvent(long orderId, Long customerId, String status, String previousStatus,
                      String paymentMethod, BigDecimal total, List<OrderLine> lines, String reason,
                      GuestContact guest) {
        this(orderId, customerId, status, previousStatus, paymentMethod, total, lines, reason, guest, null, null);
    }

    /** A version-1 shaped event without a guest contact (tests and fixtures). */
    public OrderEvent(long orderId, Long customerId, String status, String previousStatus,
                      String paymentMethod, BigDecimal total, List<OrderLine> lines, String reason) {
        this(orderId, customerId, status, previousStatus, paymentMethod, total, lines, reason, null, null, null);
    }
}
