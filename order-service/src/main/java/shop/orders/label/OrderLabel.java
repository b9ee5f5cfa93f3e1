package shop.orders.label;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;

/** A customer's own name for a group of its orders ("gifts", "office"). */
@Entity
@Table(name = "order_label")
public class OrderLabel extends PanacheEntityBase {
    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;
    @Column(name = "customer_id")
    public long customerId;
    public String name;
    @Column(name = "created_at")
    public Instant createdAt;
}
