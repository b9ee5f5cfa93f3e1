package shop.catalog.factory;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;

/**
 * Delivers {@code unitsPerDelivery} of a variant every {@code intervalSeconds} while active. The next due
 * time is stored ({@code nextDeliveryAt}) and moved on in the transaction that delivers, which is what makes
 * each delivery happen once across instances (see {@link FactoryDeliveries}).
 */
@Entity
@Table(name = "production_line")
public class ProductionLine extends PanacheEntityBase {
    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;

    @Column(name = "factory_id")
    public Long factoryId;

    @Column(name = "variant_id")
    public Long variantId;

    @Column(name = "units_per_delivery")
    public int unitsPerDelivery;

    @Column(name = "interval_seconds")
    public int intervalSeconds;

    public boolean active;

    @Column(name = "next_delivery_at")
    public Instant nextDeliveryAt;

    @Column(name = "skipped_deliveries")
    public long skippedDeliveries;

    @Column(name = "created_at")
    public Instant createdAt = Instant.now();
}
