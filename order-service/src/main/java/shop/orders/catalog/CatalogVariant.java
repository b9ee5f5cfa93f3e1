package shop.orders.catalog;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.math.BigDecimal;
import java.time.Instant;
import shop.contracts.catalog.VariantState.Unorderable;

/**
 * The latest state of one catalog variant as read from {@code catalog.variants} (read-only here), with
 * catalog's decision whether it can be ordered and at what unit price: order-service takes it as it is and
 * never re-derives it.
 */
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
    /** Catalog's decision, stored as it came ({@code VariantState.orderable}). */
    public boolean orderable;
    /** Why catalog does not sell it now; null when orderable. */
    @Enumerated(EnumType.STRING)
    public Unorderable unorderable;
    /** What one unit costs, as catalog published it. */
    @Column(name = "unit_price")
    public BigDecimal unitPrice;
    @Column(name = "state_at")
    public Instant stateAt;
    /** What one unit weighs (kg, from catalog's 1C weight import); null when unknown. Prices delivery by weight. */
    @Column(name = "weight_kg")
    public BigDecimal weightKg;

    /** What a customer pays for one unit: catalog's figure (the discounted price when there is one below the price). */
    public BigDecimal unitPrice() {
        return unitPrice;
    }

    public boolean orderable() {
        return orderable;
    }

    /** Why this variant cannot be ordered, in the words order problems use ({@code "removed"}, ...), or null when it can. */
    public String whyNotOrderable() {
        return unorderable == null ? null : unorderable.words();
    }
}
