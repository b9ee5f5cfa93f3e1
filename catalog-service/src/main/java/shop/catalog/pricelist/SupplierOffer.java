package shop.catalog.pricelist;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.math.BigDecimal;
import java.time.Instant;

/** One offer of a supplier's price list: its own id, and the product and variant the catalog made of it. */
@Entity
@Table(name = "supplier_offer")
public class SupplierOffer extends PanacheEntityBase {
    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;

    @Column(name = "supplier_id")
    public Long supplierId;

    @Column(name = "offer_id")
    public String offerId;

    @Column(name = "product_id")
    public Long productId;

    @Column(name = "variant_id")
    public Long variantId;

    public String model;

    @Column(name = "price_rrc")
    public BigDecimal priceRrc;

    /** The quantity the last list gave; the next list adds the difference to on-hand stock. */
    public int quantity;

    @Column(name = "withdrawn_at")
    public Instant withdrawnAt;
}
