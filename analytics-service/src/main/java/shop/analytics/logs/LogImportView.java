package shop.analytics.logs;

import java.time.Duration;
import java.time.Instant;
import shop.commons.jobs.BackgroundJob;
import shop.commons.jobs.JobView;

/**
 * A log import as the API shows it: the commons {@link JobView} with its report ({@code fileName},
 * {@code contentSha256}, {@code duplicateOf}, {@code bytes}, {@code linesRead}, {@code imported},
 * {@code alreadyKnown}, {@code skipped}), its speed, and for one job {@code badLines}: the first bad lines
 * (at most {@code shop.analytics.log-import.max-listed-bad-lines}; {@code skipped} counts all of them).
 */
final class LogImportView {
    private LogImportView() {
    }

    /** @param line the line number in the file, from 1 */
    public record BadLine(long line, String reason, String text) {
    }

    static JobView of(BackgroundJob job, boolean withBadLines) {
        Long millis = null;
        Long perSecond = null;
        if (job.startedAt != null) {
            Instant end = job.finishedAt != null ? job.finishedAt : Instant.now();
            millis = Duration.between(job.startedAt, end).toMillis();
            perSecond = millis > 0 ? job.report(LogImportReport.class).linesRead * 1000 / millis : null;
        }
        JobView view = JobView.of(job).with("durationMillis", millis).with("linesPerSecond", perSecond);
        return withBadLines ? view.with("badLines", LogImportIssue.firstOf(job.id)) : view;
    }
}
