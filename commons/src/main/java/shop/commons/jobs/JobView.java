package shop.commons.jobs;

import com.fasterxml.jackson.annotation.JsonAnyGetter;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * A job as every {@code GET .../jobs/{id}}-style endpoint answers it: the runner's members first, then the
 * members of the job type's report (e.g. {@code created}, {@code badRows}) beside them.
 *
 * @param total     units of work once known (rows, lines, offers); {@code processed} of them are done
 * @param cancelRequested someone asked the job to stop; a running job ends {@code cancelled} at its next check
 */
public record JobView(long id, String type, JobStatus status, String startedBy, Long total, long processed,
                      boolean cancelRequested, String error, Instant queuedAt, Instant startedAt, Instant finishedAt,
                      @JsonAnyGetter Map<String, Object> report) {

    public static JobView of(BackgroundJob job) {
        return new JobView(job.id, job.type, job.status, job.startedBy, job.total, job.processed, job.cancelRequested,
                job.error, job.queuedAt, job.startedAt, job.finishedAt,
                new LinkedHashMap<>(job.report == null ? Map.of() : job.report));
    }

    /** The same view with one more member beside the report's (e.g. rows listed from another table). */
    public JobView with(String name, Object value) {
        Map<String, Object> more = new LinkedHashMap<>(report);
        more.put(name, value);
        return new JobView(id, type, status, startedBy, total, processed, cancelRequested, error, queuedAt, startedAt,
                finishedAt, more);
    }

    /** The same view without a member of the report (e.g. one the job keeps for itself). */
    public JobView without(String name) {
        Map<String, Object> less = new LinkedHashMap<>(report);
        less.remove(name);
        return new JobView(id, type, status, startedBy, total, processed, cancelRequested, error, queuedAt, startedAt,
                finishedAt, less);
    }
}
