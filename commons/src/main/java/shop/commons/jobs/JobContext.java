package shop.commons.jobs;

import io.quarkus.narayana.jta.QuarkusTransaction;
import java.time.Instant;
import java.util.function.Consumer;

/** What the running job's work may ask of the runner: its id, progress and whether to stop. */
public final class JobContext {
    private final long id;

    JobContext(long id) {
        this.id = id;
    }

    public long id() {
        return id;
    }

    /**
     * Changes the job's row in a transaction of its own (progress, report); a change that must commit with
     * the work's own writes loads the job ({@code BackgroundJob.findById(id())}) in the work's transaction.
     */
    public void update(Consumer<BackgroundJob> change) {
        QuarkusTransaction.requiringNew().run(() -> {
            BackgroundJob job = BackgroundJob.findById(id);
            change.accept(job);
            job.updatedAt = Instant.now();
        });
    }

    public void progress(long processed) {
        update(job -> job.progress(processed, Instant.now()));
    }

    /** True once someone asked the job to stop (read from the database: any instance may have been asked). */
    public boolean cancelRequested() {
        return QuarkusTransaction.requiringNew().call(() -> Boolean.TRUE.equals(BackgroundJob.getEntityManager()
                .createQuery("select j.cancelRequested from BackgroundJob j where j.id = :id", Boolean.class)
                .setParameter("id", id).getSingleResult()));
    }

    /**
     * Stops the work here if someone asked it to: call it between units of work (rows, batches), where
     * stopping leaves nothing half done.
     *
     * @throws JobCancelled when the job is to stop
     */
    public void checkCancelled() {
        if (cancelRequested()) {
            throw new JobCancelled(id);
        }
    }
}
