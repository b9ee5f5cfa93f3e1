package shop.orders.order;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.CollectionTable;
import jakarta.persistence.Column;
import jakarta.persistence.ElementCollection;
import jakarta.persistence.Embeddable;
import jakarta.persistence.Entity;
import jakarta.persistence.FetchType;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.Table;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/** Delivered goods that came back (staff recorded it): which units of which lines, and what they earned. */
@Entity
@Table(name = "order_return")
public class OrderReturn extends PanacheEntityBase {
    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;
    @Column(name = "order_id")
    public long orderId;
    public BigDecimal amount;
    public String reason;
    @Column(name = "actor_kind")
    public String actorKind;
    @Column(name = "actor_id")
    public Long actorId;
    @Column(name = "created_at")
    public Instant createdAt;

    @ElementCollection(fetch = FetchType.EAGER)
    @CollectionTable(name = "order_return_line", joinColumns = @JoinColumn(name = "return_id"))
    public List<Line> lines = new ArrayList<>();

    @Embeddable
    public static class Line {
        @Column(name = "variant_id")
        public long variantId;
        public int quantity;
        public BigDecimal amount;
    }
}
