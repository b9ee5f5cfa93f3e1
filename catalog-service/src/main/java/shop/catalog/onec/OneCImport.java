package shop.catalog.onec;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

/** One 1C import job: its progress while it runs and its report afterwards. */
@Entity
@Table(name = "onec_import")
public class OneCImport extends PanacheEntityBase {
    /** Each list of the report keeps this many entries; the counts go on. */
    static final int LIST_LIMIT = 1000;

    public enum Kind { stock, weights, levels }

    public enum Mode { partial, snapshot }

    public enum State { queued, running, done, failed }

    /** A code that matched nothing (a deleted variant or product counts as unknown). */
    public record Unknown(int row, String code) {
    }

    public record BadRow(int row, String code, String reason) {
    }

    /** The report asked for less than is reserved for orders: on-hand was set to the reserved quantity. */
    public record BelowReserved(Integer row, String code, long variantId, int requested, int reserved, int onHand) {
    }

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;

    public String kind;
    public String mode;
    public String state;

    @Column(name = "file_name")
    public String fileName;

    @Column(name = "rows_read")
    public int rowsRead;

    /** Rows whose code matched and whose value was valid, whether or not they changed anything. */
    @Column(name = "rows_applied")
    public int rowsApplied;

    /** Variants (or products) whose value the import actually changed. */
    public int changed;

    /** Snapshot mode: variants set to zero / products whose weight was cleared because the report lacks them. */
    @Column(name = "missing_reset")
    public int missingReset;

    @Column(name = "unknown_count")
    public int unknownCount;

    @Column(name = "bad_count")
    public int badCount;

    @Column(name = "below_reserved_count")
    public int belowReservedCount;

    @JdbcTypeCode(SqlTypes.JSON)
    @Column(name = "unknown_codes")
    public List<Unknown> unknownCodes = new ArrayList<>();

    @JdbcTypeCode(SqlTypes.JSON)
    @Column(name = "bad_rows")
    public List<BadRow> badRows = new ArrayList<>();

    @JdbcTypeCode(SqlTypes.JSON)
    @Column(name = "below_reserved")
    public List<BelowReserved> belowReserved = new ArrayList<>();

    public String error;

    @Column(name = "created_by")
    public String createdBy;

    @Column(name = "created_at")
    public Instant createdAt = Instant.now();

    @Column(name = "started_at")
    public Instant startedAt;

    @Column(name = "updated_at")
    public Instant updatedAt = Instant.now();

    @Column(name = "finished_at")
    public Instant finishedAt;
}
