package shop.orders.delivery;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.math.BigDecimal;
import java.time.Instant;

/** A way of delivering an order, with its price and the goods total from which it is free. */
@Entity
@Table(name = "delivery_type")
public class DeliveryType extends PanacheEntityBase {
    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;
    public String name;
    public BigDecimal price;
    @Column(name = "free_from")
    public BigDecimal freeFrom;
    @Column(name = "created_at")
    public Instant createdAt;

    /** What delivery costs for an order whose goods come to {@code goodsTotal}. */
    public BigDecimal costFor(BigDecimal goodsTotal) {
        return freeFrom != null && goodsTotal.compareTo(freeFrom) >= 0 ? BigDecimal.ZERO.setScale(2) : price;
    }
}
