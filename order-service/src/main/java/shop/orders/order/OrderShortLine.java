package shop.orders.order;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.IdClass;
import jakarta.persistence.Table;
import java.io.Serializable;
import java.util.Objects;

/** A line the catalog could not reserve when it rejected the order. */
@Entity
@Table(name = "order_short_line")
@IdClass(OrderShortLine.Key.class)
public class OrderShortLine extends PanacheEntityBase {
    @Id
    @Column(name = "order_id")
    public long orderId;
    @Id
    @Column(name = "variant_id")
    public long variantId;
    public int requested;
    public int available;
    public String reason;

    public static class Key implements Serializable {
        public long orderId;
        public long variantId;

        @Override
        public boolean equals(Object o) {
            return o instanceof Key k && orderId == k.orderId && variantId == k.variantId;
        }

        @Override
        public int hashCode() {
            return Objects.hash(orderId, variantId);
        }
    }
}
