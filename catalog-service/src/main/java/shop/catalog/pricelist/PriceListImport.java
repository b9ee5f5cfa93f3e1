package shop.catalog.pricelist;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.UUID;

/** A price list applied in the background, and how far it got. */
@Entity
@Table(name = "price_list_import")
public class PriceListImport extends PanacheEntityBase {
    public static final String RUNNING = "running";
    public static final String DONE = "done";
    public static final String FAILED = "failed";

    @Id
    public UUID id;

    @Column(name = "supplier_id")
    public Long supplierId;

    public String status;

    public int total;

    public int processed;

    public int created;

    public int updated;

    public int withdrawn;

    public int unchanged;

    public String error;

    @Column(name = "started_at")
    public Instant startedAt = Instant.now();

    @Column(name = "finished_at")
    public Instant finishedAt;
}
