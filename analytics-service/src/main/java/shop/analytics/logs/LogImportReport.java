package shop.analytics.logs;

/**
 * What a log import reports beside the runner's members (the report of its {@code BackgroundJob}); the
 * counters commit with every batch of lines.
 */
public class LogImportReport {
    public String fileName;

    public String contentSha256;

    /** Set when a previous import of exactly this content had succeeded: nothing was read again. */
    public Long duplicateOf;

    public Long bytes;

    public long linesRead;

    /** Lines recorded for the first time. */
    public long imported;

    /** Good lines whose request was already recorded (an overlapping or repeated file). */
    public long alreadyKnown;

    /** Bad lines, all of them; the first few are listed as issues. */
    public long skipped;
}
