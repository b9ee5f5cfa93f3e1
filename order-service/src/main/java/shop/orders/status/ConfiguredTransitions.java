package shop.orders.status;

import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;
import shop.orders.order.Transitions;

/** The status dictionary and its transitions as stored ({@code order_status}, {@code order_status_transition}). */
@ApplicationScoped
public class ConfiguredTransitions implements Transitions {
    @Override
    public boolean exists(String status) {
        return OrderStatus.findById(status) != null;
    }

    @Override
    public boolean allowed(String from, String to) {
        // by primary key: a count query would be translated to SQL again on every call (Hibernate does not
        // keep the SQL of count queries), and every order takes this step twice
        OrderStatusTransition.Key key = new OrderStatusTransition.Key();
        key.fromStatus = from;
        key.toStatus = to;
        return OrderStatusTransition.findById(key) != null;
    }

    @Override
    public List<String> next(String from) {
        return OrderStatusTransition.<OrderStatusTransition>list("fromStatus = ?1 order by toStatus", from)
                .stream().map(t -> t.toStatus).toList();
    }
}
