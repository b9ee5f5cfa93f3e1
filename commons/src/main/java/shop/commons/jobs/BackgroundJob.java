package shop.commons.jobs;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.UnaryOperator;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;
import shop.commons.domain.Conflict;

/**
 * One background job of any type, in the one table shape of every service ({@code background_job}). The
 * status changes only through the methods below, which enforce the transitions; the job's own figures
 * (counters, lists of bad rows, file names...) are its {@link #report}, a JSON object shaped by its type.
 *
 * <p>Updates write only the columns that changed ({@code @DynamicUpdate}): the worker's progress writes
 * (processed, report) never put back a {@code cancel_requested} it read before a cancellation committed.
 * Status changes lock the row ({@link BackgroundJobs}), so a cancellation and the worker's start or end
 * take turns instead of overwriting each other.
 */
@Entity
@Table(name = "background_job")
@org.hibernate.annotations.DynamicUpdate
public class BackgroundJob extends PanacheEntityBase {
    private static final ObjectMapper JSON = new ObjectMapper().findAndRegisterModules()
            .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
            .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;

    /** What kind of job this is, e.g. {@code customer-import}; each type has its own endpoints. */
    public String type;

    @Enumerated(EnumType.STRING)
    public JobStatus status = JobStatus.queued;

    /** Who started it (the token's subject or name), if anyone. */
    @Column(name = "started_by")
    public String startedBy;

    /** Units of work (rows, lines, offers) once known; {@link #processed} counts those done. */
    public Long total;

    public long processed;

    @Column(name = "cancel_requested")
    public boolean cancelRequested;

    /** Why it failed (or was cancelled), for the person who started it. */
    public String error;

    @JdbcTypeCode(SqlTypes.JSON)
    public Map<String, Object> report = new LinkedHashMap<>();

    @Column(name = "queued_at")
    public Instant queuedAt = Instant.now();

    @Column(name = "started_at")
    public Instant startedAt;

    /** Touched with every change and by the runner's heartbeat while the job is unfinished. */
    @Column(name = "updated_at")
    public Instant updatedAt = Instant.now();

    @Column(name = "finished_at")
    public Instant finishedAt;

    /** A new job waiting for its turn. */
    public static BackgroundJob queued(String type, String startedBy, Object report) {
        BackgroundJob job = new BackgroundJob();
        job.type = type;
        job.startedBy = startedBy;
        job.setReport(report);
        return job;
    }

    /** Its turn came. Only a queued job starts (a job cancelled while queued never does). */
    public void start(Instant now) {
        require(status == JobStatus.queued, "start");
        status = JobStatus.running;
        startedAt = now;
        updatedAt = now;
    }

    public void succeed(Instant now) {
        require(status == JobStatus.running, "succeed");
        finish(JobStatus.succeeded, null, now);
    }

    /** Ends the job failed; a queued job may fail too (e.g. its instance stopped before it started). */
    public void fail(String reason, Instant now) {
        require(!status.finished(), "fail");
        finish(JobStatus.failed, reason, now);
    }

    /** The running job stopped at a cancellation request. */
    public void cancelled(Instant now) {
        require(status == JobStatus.running && cancelRequested, "be cancelled");
        finish(JobStatus.cancelled, "cancelled on request; what was done before it stopped stays done", now);
    }

    /**
     * Someone asked the job to stop. A queued job is cancelled at once (it will never start); a running one
     * is asked to stop at its next check and ends {@code cancelled} then. A finished job cannot be cancelled.
     *
     * @throws Conflict when the job has already finished
     */
    public void requestCancel(Instant now) {
        if (status.finished()) {
            throw new Conflict("Job " + id + " has already finished (" + status + "); there is nothing to cancel");
        }
        cancelRequested = true;
        updatedAt = now;
        if (status == JobStatus.queued) {
            finish(JobStatus.cancelled, "cancelled on request before it started", now);
        }
    }

    /** Progress: this many units done (of {@link #total}). */
    public void progress(long processed, Instant now) {
        this.processed = processed;
        updatedAt = now;
    }

    /** The report as the job type's own class (a record or bean with the same property names). */
    public <T> T report(Class<T> type) {
        return JSON.convertValue(report == null ? Map.of() : report, type);
    }

    /** Replaces the report with this object's properties. */
    public void setReport(Object value) {
        report = value == null ? new LinkedHashMap<>() : toMap(value);
        updatedAt = Instant.now();
    }

    /** Reads the report as {@code type}, changes it and writes it back. */
    public <T> void updateReport(Class<T> type, UnaryOperator<T> change) {
        setReport(change.apply(report(type)));
    }

    @SuppressWarnings("unchecked")
    static Map<String, Object> toMap(Object value) {
        return JSON.convertValue(value, LinkedHashMap.class);
    }

    private void finish(JobStatus end, String reason, Instant now) {
        status = end;
        error = reason;
        finishedAt = now;
        updatedAt = now;
    }

    private void require(boolean allowed, String what) {
        if (!allowed) {
            throw new IllegalStateException("job " + id + " is " + status + (cancelRequested ? " (cancel requested)" : "")
                    + " and cannot " + what);
        }
    }
}
