package shop.customers.imports;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;

/** One legacy import job and its running totals; each applied row commits together with its count. */
@Entity
@Table(name = "customer_import")
public class CustomerImport extends PanacheEntityBase {
    public static final String CSV = "csv";
    public static final String JDBC = "jdbc";

    public static final String QUEUED = "queued";
    public static final String RUNNING = "running";
    public static final String SUCCEEDED = "succeeded";
    public static final String FAILED = "failed";

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;

    public String source;

    public String status = QUEUED;

    /** The staff user (token subject) who started the job. */
    @Column(name = "started_by")
    public String startedBy;

    /** Connection attempts to the external source; more than one means retries happened. */
    public int attempts;

    /** Rows the source delivered; null until they have been read. */
    public Integer total;

    public int processed;

    public int created;

    public int updated;

    /** Rows that matched a customer who already had exactly this data: a re-run counts everything here. */
    public int unchanged;

    public int skipped;

    /** Why the job failed, or the last failed attempt while it is still retrying. */
    public String error;

    @Column(name = "queued_at")
    public Instant queuedAt = Instant.now();

    @Column(name = "started_at")
    public Instant startedAt;

    @Column(name = "finished_at")
    public Instant finishedAt;
}
