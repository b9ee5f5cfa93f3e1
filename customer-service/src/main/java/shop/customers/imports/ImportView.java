package shop.customers.imports;

import java.time.Instant;
import java.util.List;

/**
 * A job as the API shows it. {@code skippedRows} and {@code notes} list at most
 * {@link ImportView#MAX_LISTED} rows each; {@code skipped} counts them all.
 */
public record ImportView(long id, String source, String status, String startedBy, int attempts, Integer total,
                         int processed, int created, int updated, int unchanged, int skipped,
                         List<RowIssue> skippedRows, List<RowIssue> notes, String error, Instant queuedAt,
                         Instant startedAt, Instant finishedAt) {
    static final int MAX_LISTED = 100;

    /** @param row the data row (1 = the first after the CSV header) */
    public record RowIssue(int row, String legacyId, String reason) {
        static RowIssue of(ImportIssue issue) {
            return new RowIssue(issue.row, issue.legacyId, issue.message);
        }
    }

    static ImportView of(CustomerImport job, boolean withRows) {
        List<RowIssue> skippedRows = withRows
                ? ImportIssue.firstOf(job.id, ImportIssue.SKIPPED, MAX_LISTED).stream().map(RowIssue::of).toList() : null;
        List<RowIssue> notes = withRows
                ? ImportIssue.firstOf(job.id, ImportIssue.NOTE, MAX_LISTED).stream().map(RowIssue::of).toList() : null;
        return new ImportView(job.id, job.source, job.status, job.startedBy, job.attempts, job.total, job.processed,
                job.created, job.updated, job.unchanged, job.skipped, skippedRows, notes, job.error, job.queuedAt,
                job.startedAt, job.finishedAt);
    }
}
