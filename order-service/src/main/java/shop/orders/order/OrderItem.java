package shop.orders.order;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.Table;
import java.math.BigDecimal;

/** One line of an order: a snapshot of the variant as bought, so later catalog changes never alter it. */
@Entity
@Table(name = "order_line")
public class OrderItem extends PanacheEntityBase {
    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;
    @ManyToOne(optional = false)
    @JoinColumn(name = "order_id")
    public Order order;
    public int position;
    @Column(name = "variant_id")
    public long variantId;
    @Column(name = "product_id")
    public long productId;
    @Column(name = "supplier_id")
    public Long supplierId;
    @Column(name = "product_name")
    public String productName;
    @Column(name = "variant_name")
    public String variantName;
    public String article;
    @Column(name = "size_name")
    public String sizeName;
    @Column(name = "color_name")
    public String colorName;
    @Column(name = "color_code")
    public String colorCode;
    public int quantity;
    @Column(name = "unit_price")
    public BigDecimal unitPrice;
    @Column(name = "line_total")
    public BigDecimal lineTotal;
    /** What one unit weighed when ordered (kg; null: unknown), so re-pricing delivery later weighs the same parcel. */
    @Column(name = "unit_weight_kg")
    public BigDecimal unitWeightKg;
    /** This line's share of the order's promo code discount; what the line earns is lineTotal − discount. */
    public BigDecimal discount = BigDecimal.ZERO.setScale(2);
    /** Units that came back after delivery (returns); never more than {@link #quantity}. */
    @Column(name = "returned_quantity")
    public int returnedQuantity;
}
