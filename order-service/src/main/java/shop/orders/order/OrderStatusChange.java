package shop.orders.order;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;

/** One entry of an order's status history: from what to what, when, and who did it. */
@Entity
@Table(name = "order_status_change")
public class OrderStatusChange extends PanacheEntityBase {
    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;
    @Column(name = "order_id")
    public long orderId;
    @Column(name = "from_status")
    public String fromStatus;
    @Column(name = "to_status")
    public String toStatus;
    @Column(name = "changed_at")
    public Instant changedAt;
    @Column(name = "actor_kind")
    public String actorKind;
    @Column(name = "actor_id")
    public Long actorId;
    public String reason;
}
