package shop.orders.payment;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.UUID;

/** One attempt to pay an order by card. */
@Entity
@Table(name = "payment")
public class Payment extends PanacheEntityBase {
    public static final String PENDING = "pending";
    public static final String PAID = "paid";
    public static final String FAILED = "failed";

    @Id
    public UUID id;
    @Column(name = "order_id")
    public Long orderId;
    public String provider;
    @Column(name = "provider_order_id")
    public String providerOrderId;
    @Column(name = "payment_url")
    public String paymentUrl;
    public BigDecimal amount;
    @Column(name = "return_url")
    public String returnUrl;
    @Column(name = "fail_url")
    public String failUrl;
    public String status;
    @Column(name = "sandbox_outcome")
    public String sandboxOutcome;
    @Column(name = "created_at")
    public Instant createdAt;
    @Column(name = "updated_at")
    public Instant updatedAt;
}
