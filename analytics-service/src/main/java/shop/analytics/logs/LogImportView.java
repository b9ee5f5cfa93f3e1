package shop.analytics.logs;

import java.time.Duration;
import java.time.Instant;
import java.util.List;

/**
 * A log import as the API shows it. {@code badLines} lists the first bad lines (at most
 * {@code shop.analytics.log-import.max-listed-bad-lines}); {@code skipped} counts all of them.
 */
public record LogImportView(long id, String state, String fileName, String contentSha256, String startedBy,
                            Long duplicateOf, Long bytes, long linesRead, long imported, long alreadyKnown,
                            long skipped, List<BadLine> badLines, String error, Instant queuedAt,
                            Instant startedAt, Instant finishedAt, Long durationMillis, Long linesPerSecond) {

    /** @param line the line number in the file, from 1 */
    public record BadLine(long line, String reason, String text) {
    }

    static LogImportView of(LogImport job, boolean withBadLines) {
        List<BadLine> bad = withBadLines ? LogImportIssue.firstOf(job.id) : null;
        Long millis = null;
        Long perSecond = null;
        if (job.startedAt != null) {
            Instant end = job.finishedAt != null ? job.finishedAt : Instant.now();
            millis = Duration.between(job.startedAt, end).toMillis();
            perSecond = millis > 0 ? job.linesRead * 1000 / millis : null;
        }
        return new LogImportView(job.id, job.state, job.fileName, job.contentSha256, job.startedBy, job.duplicateOf,
                job.bytes, job.linesRead, job.imported, job.alreadyKnown, job.skipped, bad, job.error, job.queuedAt,
                job.startedAt, job.finishedAt, millis, perSecond);
    }
}
