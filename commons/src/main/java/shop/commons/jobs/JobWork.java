package shop.commons.jobs;

/**
 * What a job does, and only that: parse, apply, report. The runner ({@link BackgroundJobs}) starts it off
 * the request thread, and records how it ended: returning is {@code succeeded}, a {@link JobCancelled}
 * {@code cancelled}, any other exception {@code failed} with the exception's message as the error (a
 * {@link shop.commons.domain.DomainException}'s message is written for the client; others are logged too).
 */
@FunctionalInterface
public interface JobWork {
    void run(JobContext job) throws Exception;
}
