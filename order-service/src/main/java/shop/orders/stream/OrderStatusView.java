package shop.orders.stream;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.time.Instant;
import shop.orders.status.SystemStatus;

/**
 * One event of an order's status stream: the order's status as of one entry of its history.
 *
 * @param reason  why it was rejected or cancelled (null otherwise)
 * @param version the id of the history entry that set this status ({@code GET /api/orders/{id}/history});
 *                it grows with every change of the order and is the SSE event id
 * @param last    true for a final status ({@code rejected}, {@code delivered}, {@code cancelled}): the stream
 *                ends after this event
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record OrderStatusView(long id, String status, String reason, Instant updatedAt, long version, boolean last) {

    static OrderStatusView of(long id, String status, String reason, Instant updatedAt, long version) {
        return new OrderStatusView(id, status, reason, updatedAt, version, SystemStatus.isFinal(status));
    }
}
