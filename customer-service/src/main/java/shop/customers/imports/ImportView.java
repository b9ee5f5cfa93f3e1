package shop.customers.imports;

import java.util.List;
import shop.commons.jobs.BackgroundJob;
import shop.commons.jobs.JobView;

/**
 * A customer import as the API shows it: the commons {@link JobView} (status, progress, times) with its
 * report ({@code source}, {@code attempts}, {@code created}, {@code updated}, {@code unchanged},
 * {@code skipped}) and, for one job, {@code skippedRows} and {@code notes}: at most {@link #MAX_LISTED} rows
 * each ({@code skipped} counts them all).
 */
final class ImportView {
    static final int MAX_LISTED = 100;

    /** @param row the data row (1 = the first after the CSV header) */
    public record RowIssue(int row, String legacyId, String reason) {
        static RowIssue of(ImportIssue issue) {
            return new RowIssue(issue.row, issue.legacyId, issue.message);
        }
    }

    private ImportView() {
    }

    static JobView of(BackgroundJob job, boolean withRows) {
        JobView view = JobView.of(job);
        if (!withRows) {
            return view;
        }
        return view
                .with("skippedRows", rows(job.id, ImportIssue.SKIPPED))
                .with("notes", rows(job.id, ImportIssue.NOTE));
    }

    private static List<RowIssue> rows(long jobId, String kind) {
        return ImportIssue.firstOf(jobId, kind, MAX_LISTED).stream().map(RowIssue::of).toList();
    }
}
