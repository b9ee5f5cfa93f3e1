package shop.analytics.logs;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;

/** One log import job: its state, running totals (committed with every batch) and timings. */
@Entity
@Table(name = "log_import")
public class LogImport extends PanacheEntityBase {
    public static final String QUEUED = "queued";
    public static final String RUNNING = "running";
    public static final String SUCCEEDED = "succeeded";
    public static final String FAILED = "failed";

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;

    public String state = QUEUED;

    @Column(name = "file_name")
    public String fileName;

    @Column(name = "content_sha256")
    public String contentSha256;

    @Column(name = "started_by")
    public String startedBy;

    @Column(name = "duplicate_of")
    public Long duplicateOf;

    public Long bytes;

    @Column(name = "lines_read")
    public long linesRead;

    /** Lines recorded for the first time. */
    public long imported;

    /** Good lines whose request was already recorded (an overlapping or repeated file). */
    @Column(name = "already_known")
    public long alreadyKnown;

    /** Bad lines, all of them; the first few are listed as issues. */
    public long skipped;

    public String error;

    @Column(name = "queued_at")
    public Instant queuedAt = Instant.now();

    @Column(name = "started_at")
    public Instant startedAt;

    @Column(name = "finished_at")
    public Instant finishedAt;
}
