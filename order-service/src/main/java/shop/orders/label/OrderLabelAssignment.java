package shop.orders.label;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.IdClass;
import jakarta.persistence.Table;
import java.io.Serializable;
import java.util.Objects;

@Entity
@Table(name = "order_label_assignment")
@IdClass(OrderLabelAssignment.Key.class)
public class OrderLabelAssignment extends PanacheEntityBase {
    @Id
    @Column(name = "label_id")
    public long labelId;
    @Id
    @Column(name = "order_id")
    public long orderId;

    public static class Key implements Serializable {
        public long labelId;
        public long orderId;

        @Override
        public boolean equals(Object o) {
            return o instanceof Key k && labelId == k.labelId && orderId == k.orderId;
        }

        @Override
        public int hashCode() {
            return Objects.hash(labelId, orderId);
        }
    }
}
