package shop.catalog.product;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.LockModeType;
import jakarta.persistence.Table;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import org.hibernate.annotations.DynamicUpdate;

/**
 * A sellable SKU of a product with its stock: {@code available = onHand - reserved}, never negative.
 * Updates write only the changed columns, so an edit never writes back a stale {@code reserved} the stock
 * saga changed meanwhile.
 */
@Entity
@DynamicUpdate
@Table(name = "variant")
public class Variant extends PanacheEntityBase {
    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;

    @Column(name = "product_id")
    public Long productId;

    @Column(name = "color_id")
    public Long colorId;

    @Column(name = "size_id")
    public Long sizeId;

    public String name;

    public BigDecimal price;

    @Column(name = "discounted_price")
    public BigDecimal discountedPrice;

    @Column(name = "external_id")
    public String externalId;

    public String barcode;

    public boolean sale;

    @Column(name = "is_new")
    public boolean isNew;

    @Column(name = "is_default")
    public boolean isDefault;

    /**
     * The most on-hand units any input (REST, 1C imports, price lists, factory deliveries) may set: far above
     * any real stock and far below {@code int} overflow, so stock arithmetic on it (plus reservations, returns
     * and deliveries) cannot wrap around.
     */
    public static final int MAX_ON_HAND = 1_000_000_000;

    @Column(name = "on_hand")
    public int onHand;

    /** Held for placed orders; changed only by the stock saga, never through the API. */
    public int reserved;

    @Column(name = "deleted_at")
    public Instant deletedAt;

    @Column(name = "created_at")
    public Instant createdAt = Instant.now();

    /** Moved by the database on every change of the row (V15's trigger); read-only here. */
    @Column(name = "updated_at", insertable = false, updatable = false)
    public Instant updatedAt;

    public int available() {
        return Math.max(0, onHand - reserved);
    }

    /** The product's variants that are not deleted, oldest first. */
    public static List<Variant> liveOf(long productId) {
        return list("productId = ?1 and deletedAt is null order by id", productId);
    }

    /**
     * {@link #liveOf}, rows locked in id order as the stock saga locks them: a product change that
     * republishes its variants' states then never publishes a stock figure older than a reservation's.
     */
    static List<Variant> liveOfLocked(long productId) {
        return Variant.<Variant>find("productId = ?1 and deletedAt is null order by id", productId)
                .withLock(LockModeType.PESSIMISTIC_WRITE).list();
    }
}
