package shop.orders.promotion;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.math.BigDecimal;
import java.time.Instant;

/** An order's use of a promo code (one per order); it counts against the limits until it is given back. */
@Entity
@Table(name = "promo_code_use")
public class PromoCodeUse extends PanacheEntityBase {
    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;
    @Column(name = "promo_code_id")
    public long promoCodeId;
    @Column(name = "order_id")
    public long orderId;
    @Column(name = "customer_id")
    public Long customerId;
    /** The order's contact email in lower case. */
    public String email;
    public BigDecimal discount;
    @Column(name = "used_at")
    public Instant usedAt;
    @Column(name = "given_back_at")
    public Instant givenBackAt;
}
