package shop.orders.status;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.IdClass;
import jakarta.persistence.Table;
import java.io.Serializable;
import java.util.Objects;

/** "An order in {@code from} may move to {@code to}". */
@Entity
@Table(name = "order_status_transition")
@IdClass(OrderStatusTransition.Key.class)
public class OrderStatusTransition extends PanacheEntityBase {
    @Id
    @Column(name = "from_status")
    public String fromStatus;
    @Id
    @Column(name = "to_status")
    public String toStatus;
    public boolean system;

    public static class Key implements Serializable {
        public String fromStatus;
        public String toStatus;

        @Override
        public boolean equals(Object o) {
            return o instanceof Key k && Objects.equals(fromStatus, k.fromStatus) && Objects.equals(toStatus, k.toStatus);
        }

        @Override
        public int hashCode() {
            return Objects.hash(fromStatus, toStatus);
        }
    }
}
