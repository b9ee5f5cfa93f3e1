package shop.orders.promotion;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Instant;

/**
 * A promo code staff created: a percentage or a fixed amount off the goods of one order, with an optional
 * minimum goods total, validity window ({@code validFrom} inclusive, {@code validUntil} exclusive) and
 * usage limits per code and per customer. Its rules ({@link #refusal}, {@link #discountOn}) are plain Java.
 */
@Entity
@Table(name = "promo_code")
public class PromoCode extends PanacheEntityBase {
    public static final String PERCENTAGE = "percentage";
    public static final String FIXED = "fixed";

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;
    public String code;
    /** {@link #PERCENTAGE} or {@link #FIXED}. */
    public String kind;
    /** Percent (0 < p ≤ 100) or the amount off. */
    public BigDecimal value;
    @Column(name = "min_order_total")
    public BigDecimal minOrderTotal;
    @Column(name = "valid_from")
    public Instant validFrom;
    @Column(name = "valid_until")
    public Instant validUntil;
    @Column(name = "usage_limit")
    public Integer usageLimit;
    @Column(name = "per_customer_limit")
    public Integer perCustomerLimit;
    public boolean active;
    @Column(name = "created_at")
    public Instant createdAt;
    @Column(name = "updated_at")
    public Instant updatedAt;

    /**
     * Why the code cannot be used now for goods worth {@code goodsTotal}, or null when it can.
     *
     * @param uses            the code's uses so far (not given back)
     * @param usesByCustomer  of those, the customer's; null when the customer is not known yet (a guest's
     *                        cart before checkout), so that limit is checked at placement
     */
    public PromoRefusal refusal(Instant now, BigDecimal goodsTotal, long uses, Long usesByCustomer) {
        if (!active) {
            return PromoRefusal.INACTIVE;
        }
        if (validFrom != null && now.isBefore(validFrom)) {
            return PromoRefusal.NOT_YET_VALID;
        }
        if (validUntil != null && !now.isBefore(validUntil)) {
            return PromoRefusal.EXPIRED;
        }
        if (usageLimit != null && uses >= usageLimit) {
            return PromoRefusal.EXHAUSTED;
        }
        if (perCustomerLimit != null && usesByCustomer != null && usesByCustomer >= perCustomerLimit) {
            return PromoRefusal.CUSTOMER_LIMIT_REACHED;
        }
        if (goodsTotal.signum() <= 0) {
            return PromoRefusal.NOTHING_TO_DISCOUNT;
        }
        if (minOrderTotal != null && goodsTotal.compareTo(minOrderTotal) < 0) {
            return PromoRefusal.BELOW_MINIMUM;
        }
        return null;
    }

    /**
     * The discount on goods worth {@code goodsTotal}: the percentage rounded half up to kopecks, or the
     * fixed amount; never more than the goods (an order never costs less than its delivery).
     */
    public BigDecimal discountOn(BigDecimal goodsTotal) {
        BigDecimal off = PERCENTAGE.equals(kind)
                ? goodsTotal.multiply(value).divide(BigDecimal.valueOf(100), 2, RoundingMode.HALF_UP)
                : value.setScale(2, RoundingMode.HALF_UP);
        return off.min(goodsTotal).setScale(2, RoundingMode.HALF_UP);
    }
}
