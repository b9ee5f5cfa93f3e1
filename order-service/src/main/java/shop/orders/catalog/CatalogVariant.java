package shop.orders.catalog;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.math.BigDecimal;
import java.time.Instant;

/** The latest state of one catalog variant as read from {@code catalog.variants} (read-only here). */
@Entity
@Table(name = "catalog_variant")
public class CatalogVariant extends PanacheEntityBase {
    @Id
    @Column(name = "variant_id")
    public long variantId;
    @Column(name = "product_id")
    public long productId;
    @Column(name = "category_id")
    public Long categoryId;
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
    public BigDecimal price;
    @Column(name = "discounted_price")
    public BigDecimal discountedPrice;
    public int available;
    public boolean active;
    @Column(name = "supplier_accepting_orders")
    public boolean supplierAcceptingOrders;
    public boolean removed;
    @Column(name = "state_at")
    public Instant stateAt;

    /** What a customer pays for one unit: the discounted price when there is one below the price. */
    public BigDecimal unitPrice() {
        return discountedPrice != null && discountedPrice.compareTo(price) < 0 ? discountedPrice : price;
    }

    public boolean orderable() {
        return !removed && active && supplierAcceptingOrders;
    }

    /** Why this variant cannot be ordered, or null when it can. */
    public String whyNotOrderable() {
        if (removed) {
            return "removed";
        }
        if (!active) {
            return "inactive";
        }
        if (!supplierAcceptingOrders) {
            return "supplier not accepting orders";
        }
        return null;
    }
}
