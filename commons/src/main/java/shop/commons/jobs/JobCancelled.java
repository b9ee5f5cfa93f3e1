package shop.commons.jobs;

/**
 * Thrown by {@link JobContext#checkCancelled()} when someone asked the running job to stop; the runner
 * ends the job {@code cancelled}. Work in a transaction that this leaves is rolled back with it.
 */
public class JobCancelled extends RuntimeException {
    public JobCancelled(long id) {
        super("job " + id + " was cancelled");
    }

    @Override
    public synchronized Throwable fillInStackTrace() {
        return this;
    }
}
