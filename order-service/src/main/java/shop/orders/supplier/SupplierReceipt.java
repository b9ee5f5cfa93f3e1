package shop.orders.supplier;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.IdClass;
import jakarta.persistence.Table;
import java.io.Serializable;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.Objects;

/** A supplier's part of a confirmed order, numbered in that supplier's own sequence. */
@Entity
@Table(name = "supplier_receipt")
@IdClass(SupplierReceipt.Key.class)
public class SupplierReceipt extends PanacheEntityBase {
    @Id
    @Column(name = "order_id")
    public long orderId;
    @Id
    @Column(name = "supplier_id")
    public long supplierId;
    public long number;
    public BigDecimal subtotal;
    @Column(name = "created_at")
    public Instant createdAt;

    public static class Key implements Serializable {
        public long orderId;
        public long supplierId;

        @Override
        public boolean equals(Object o) {
            return o instanceof Key k && orderId == k.orderId && supplierId == k.supplierId;
        }

        @Override
        public int hashCode() {
            return Objects.hash(orderId, supplierId);
        }
    }
}
