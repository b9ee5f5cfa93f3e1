package shop.contracts.catalog;

import java.util.List;

/**
 * Payload of catalog's answers on {@code catalog.stock} (key = order id), DESIGN.md §5.
 *
 * <ul>
 *   <li>{@link #RESERVED}: every line of the order is reserved ({@code shortLines} empty).</li>
 *   <li>{@link #REJECTED}: nothing was reserved; {@code shortLines} lists each line that could not be
 *       served (unknown, inactive or not enough available).</li>
 *   <li>{@link #RELEASED}: the reservation of a cancelled order went back to available stock (or, for an
 *       order paid and not shipped, what it bought went back on hand).</li>
 *   <li>{@link #SOLD}: the reservation of a paid order became a sale (on-hand reduced).</li>
 * </ul>
 */
public record StockReply(long orderId, List<ShortLine> shortLines) {
    public static final String RESERVED = "StockReserved";
    public static final String REJECTED = "StockRejected";
    public static final String RELEASED = "StockReleased";
    public static final String SOLD = "StockSold";
    public static final int VERSION = 1;

    /**
     * A line catalog could not reserve.
     *
     * @param available what could have been reserved at that moment (0 for unknown or inactive variants)
     * @param reason    {@code insufficient}, {@code unknown}, {@code inactive} or {@code too-large} (more than a
     *                  stock figure can hold)
     */
    public record ShortLine(long variantId, int requested, int available, String reason) {
    }

    public static StockReply accepted(long orderId) {
        return new StockReply(orderId, List.of());
    }
}
