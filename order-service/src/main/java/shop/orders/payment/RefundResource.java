package shop.orders.payment;

import jakarta.annotation.security.PermitAll;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.Operation;
import shop.commons.paging.Page;
import shop.orders.order.OrderAccess;
import shop.orders.order.OrderResource;
import shop.orders.order.OrderReturn;

/** The order's refunds through the payment provider: staff, its customer and its token holder read them. */
@Path("/api/orders/{id}/refunds")
public class RefundResource {
    public record Line(long variantId, int quantity, BigDecimal amount) {
    }

    /**
     * {@code lines}: for a return, the returned lines it pays back (null for a cancellation: everything not
     * refunded before). {@code nextAttemptAt} only while pending.
     */
    public record RefundView(UUID refundId, long orderId, UUID paymentId, String kind, Long returnId, List<Line> lines,
                             BigDecimal amount, String state, int attempts, String errorCode, String providerAnswer,
                             Instant createdAt, Instant nextAttemptAt, Instant finishedAt) {
        static RefundView of(Refund r) {
            List<Line> lines = null;
            if (r.returnId != null) {
                OrderReturn returned = OrderReturn.findById(r.returnId);
                lines = returned.lines.stream().map(l -> new Line(l.variantId, l.quantity, l.amount)).toList();
            }
            return new RefundView(r.id, r.orderId, r.paymentId, r.kind, r.returnId, lines, r.amount, r.state, r.attempts,
                    r.errorCode, r.providerAnswer, r.createdAt, Refund.PENDING.equals(r.state) ? r.nextAttemptAt : null,
                    r.finishedAt);
        }
    }

    @Inject
    OrderAccess access;

    @GET
    @PermitAll
    @Operation(summary = "The order's refunds through the payment provider, oldest first")
    @Transactional
    public Page<RefundView> list(@PathParam("id") long id, @HeaderParam(OrderResource.ORDER_TOKEN) String orderToken) {
        access.readable(id, orderToken);
        List<RefundView> refunds = Refund.<Refund>list("orderId = ?1 order by createdAt", id).stream().map(RefundView::of).toList();
        return new Page<>(refunds, refunds.size());
    }
}
