package shop.orders.order;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.CascadeType;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.OneToMany;
import jakarta.persistence.OrderBy;
import jakarta.persistence.Table;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

@Entity
@Table(name = "customer_order")
public class Order extends PanacheEntityBase {
    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;
    @Column(name = "customer_id")
    public Long customerId;
    @Column(name = "access_token")
    public UUID accessToken;
    public String status;
    @Column(name = "first_name")
    public String firstName;
    @Column(name = "last_name")
    public String lastName;
    @Column(name = "middle_name")
    public String middleName;
    public String phone;
    public String email;
    @Column(name = "delivery_type_id")
    public Long deliveryTypeId;
    @Column(name = "delivery_address")
    public String deliveryAddress;
    @Column(name = "delivery_cost")
    public BigDecimal deliveryCost;
    @Column(name = "payment_method")
    public String paymentMethod;
    public String comment;
    @Column(name = "goods_total")
    public BigDecimal goodsTotal;
    public BigDecimal total;
    public String reason;
    @Column(name = "idempotency_scope")
    public String idempotencyScope;
    @Column(name = "idempotency_key")
    public String idempotencyKey;
    @Column(name = "request_hash")
    public String requestHash;
    @Column(name = "created_at")
    public Instant createdAt;
    @Column(name = "updated_at")
    public Instant updatedAt;
    @Column(name = "paid_at")
    public Instant paidAt;
    @Column(name = "shipped_at")
    public Instant shippedAt;
    /** When staff switched it to card payment (null: card or cash as placed); the unpaid deadline counts from it too. */
    @Column(name = "card_chosen_at")
    public Instant cardChosenAt;
    /** What the customer paid for an order cancelled after payment; null when nothing is owed. */
    @Column(name = "refund_amount")
    public BigDecimal refundAmount;
    @Column(name = "refund_due_at")
    public Instant refundDueAt;
    @Column(name = "refunded_at")
    public Instant refundedAt;

    @OneToMany(mappedBy = "order", cascade = CascadeType.ALL, orphanRemoval = true)
    @OrderBy("position")
    public List<OrderItem> items = new ArrayList<>();

    /** Total = goods + delivery, recomputed whenever either changes. */
    void recomputeTotal() {
        total = goodsTotal.add(deliveryCost);
    }
}
