package shop.orders.status;

import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;
import java.util.Set;

/** The system status codes and the rules of moving between statuses. */
@ApplicationScoped
public class Statuses {
    public static final String NEW = "new";
    public static final String CONFIRMED = "confirmed";
    public static final String REJECTED = "rejected";
    public static final String PAID = "paid";
    public static final String SHIPPED = "shipped";
    public static final String DELIVERED = "delivered";
    public static final String CANCELLED = "cancelled";

    /** Only the stock saga sets these: staff setting them would skip the reservation. */
    public static final Set<String> SAGA_ONLY = Set.of(NEW, CONFIRMED, REJECTED);
    /** Nothing follows these. */
    public static final Set<String> FINAL = Set.of(REJECTED, DELIVERED, CANCELLED);

    public boolean allowed(String from, String to) {
        return OrderStatusTransition.count("fromStatus = ?1 and toStatus = ?2", from, to) > 0;
    }

    public List<String> next(String from) {
        return OrderStatusTransition.<OrderStatusTransition>list("fromStatus = ?1 order by toStatus", from)
                .stream().map(t -> t.toStatus).toList();
    }
}
