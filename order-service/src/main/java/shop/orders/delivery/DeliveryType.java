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
import java.util.List;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;
import shop.commons.domain.Invalid;

/**
 * A way of delivering an order: its pricing rule ({@link DeliveryRule}: price, weight part, supplier
 * surcharge) and the goods total from which it is free.
 */
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
    /** Per kg of the goods; null: no per-kg part. */
    @Column(name = "price_per_kg")
    public BigDecimal pricePerKg;
    /** Null or empty: no weight bands. */
    @Column(name = "weight_bands")
    @JdbcTypeCode(SqlTypes.JSON)
    public List<WeightBand> weightBands;
    /** For every supplier of the order beyond the first. */
    @Column(name = "supplier_surcharge")
    public BigDecimal supplierSurcharge = BigDecimal.ZERO.setScale(2);

    public DeliveryRule rule() {
        return new DeliveryRule(price, pricePerKg, weightBands, supplierSurcharge, freeFrom);
    }

    /** What delivering {@code parcel} costs by this type, and how (the cart shows it). */
    public DeliveryQuote quote(Parcel parcel) {
        return rule().quote(id == null ? 0 : id, parcel);
    }

    /** The cost an order is charged; 400 on {@code deliveryTypeId} when this type cannot deliver the parcel. */
    public BigDecimal costFor(Parcel parcel) {
        DeliveryQuote quote = quote(parcel);
        if (quote.problem() != null) {
            throw Invalid.field("deliveryTypeId", quote.problem());
        }
        return quote.cost();
    }
}
