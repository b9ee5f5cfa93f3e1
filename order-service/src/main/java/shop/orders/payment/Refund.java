package shop.orders.payment;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.UUID;

/**
 * Money of a card payment going back to the customer through the provider: for a cancellation (what was
 * paid and not yet refunded) or a return (what the returned lines earned). Its id is the idempotency key:
 * created once per cancellation or return (unique indexes), executed by {@link Refunds} at most once.
 */
@Entity
@Table(name = "refund")
public class Refund extends PanacheEntityBase {
    public static final String PENDING = "pending";
    public static final String SUCCEEDED = "succeeded";
    public static final String FAILED = "failed";
    public static final String CANCELLATION = "cancellation";
    public static final String RETURN = "return";
    /** A payment that succeeded when the order no longer wanted it: refunded in full. */
    public static final String UNWANTED_PAYMENT = "unwanted-payment";

    @Id
    public UUID id;
    @Column(name = "order_id")
    public long orderId;
    @Column(name = "payment_id")
    public UUID paymentId;
    public String kind;
    @Column(name = "return_id")
    public Long returnId;
    public BigDecimal amount;
    public String state;
    public int attempts;
    @Column(name = "error_code")
    public String errorCode;
    @Column(name = "provider_answer")
    public String providerAnswer;
    @Column(name = "claimed_until")
    public Instant claimedUntil;
    @Column(name = "next_attempt_at")
    public Instant nextAttemptAt;
    @Column(name = "created_at")
    public Instant createdAt;
    @Column(name = "updated_at")
    public Instant updatedAt;
    @Column(name = "finished_at")
    public Instant finishedAt;
}
