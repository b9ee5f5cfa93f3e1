package shop.customers.imports;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.runtime.StartupEvent;
import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import org.jboss.logging.Logger;
import shop.commons.problem.ProblemException;

/**
 * Runs import jobs one after another on a background thread. Every state change of a job is its own
 * transaction (and every row another), so a client polling the job sees its progress as it goes.
 */
@ApplicationScoped
public class ImportJobs {
    private static final Logger LOG = Logger.getLogger(ImportJobs.class);

    /** One at a time: two imports touching the same customers at once would race for their phones. */
    private final ExecutorService executor = Executors.newSingleThreadExecutor(runnable -> {
        Thread thread = new Thread(runnable, "customer-import");
        thread.setDaemon(true);
        return thread;
    });

    @Inject
    CustomerImporter importer;

    @Inject
    LegacyJdbcSource jdbc;

    /** Jobs a previous process left unfinished will never finish: say so instead of showing them running forever. */
    void failInterrupted(@Observes StartupEvent event) {
        QuarkusTransaction.requiringNew().run(() -> CustomerImport.update(
                "status = ?1, error = ?2, finishedAt = ?3 where status in (?4, ?5)", CustomerImport.FAILED,
                "the service stopped before the import finished; start it again (a re-run changes nothing twice)",
                Instant.now(), CustomerImport.QUEUED, CustomerImport.RUNNING));
    }

    @PreDestroy
    void stop() {
        executor.shutdownNow();
    }

    CustomerImport startCsv(List<LegacyRecord> records, String startedBy) {
        CustomerImport job = queue(CustomerImport.CSV, startedBy);
        executor.submit(() -> run(job.id, () -> records));
        return job;
    }

    CustomerImport startJdbc(String startedBy) {
        if (!jdbc.configured()) {
            throw ProblemException.conflict("No legacy database is configured (shop.legacy-import.jdbc-url)");
        }
        CustomerImport job = queue(CustomerImport.JDBC, startedBy);
        long id = job.id;
        executor.submit(() -> run(id, () -> jdbc.read(new LegacyJdbcSource.Attempts() {
            @Override
            public void started(int attempt) {
                update(id, j -> j.attempts = attempt);
            }

            @Override
            public void failed(int attempt, String error) {
                update(id, j -> j.error = "attempt " + attempt + " failed: " + error);
            }
        })));
        return job;
    }

    private interface Source {
        List<LegacyRecord> read() throws Exception;
    }

    private CustomerImport queue(String source, String startedBy) {
        return QuarkusTransaction.requiringNew().call(() -> {
            CustomerImport job = new CustomerImport();
            job.source = source;
            job.startedBy = startedBy;
            job.persist();
            return job;
        });
    }

    private void run(long id, Source source) {
        try {
            update(id, job -> {
                job.status = CustomerImport.RUNNING;
                job.startedAt = Instant.now();
            });
            List<LegacyRecord> records = source.read();
            update(id, job -> {
                job.total = records.size();
                job.error = null; // an attempt that failed before the one that worked is no longer the story
            });
            for (ImportPlan.Step step : ImportPlan.of(records)) {
                try {
                    importer.apply(id, step);
                } catch (RuntimeException e) {
                    LOG.warnf(e, "import %d: row %d failed", id, step.row());
                    importer.rowFailed(id, step, "could not be applied: " + rootMessage(e));
                }
            }
            finish(id, CustomerImport.SUCCEEDED, null);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            finish(id, CustomerImport.FAILED, "the import was interrupted (the service is stopping)");
        } catch (Exception e) {
            LOG.errorf(e, "import %d failed", id);
            finish(id, CustomerImport.FAILED, rootMessage(e));
        }
    }

    private void finish(long id, String status, String error) {
        try {
            update(id, job -> {
                job.status = status;
                job.error = error;
                job.finishedAt = Instant.now();
            });
        } catch (RuntimeException e) {
            LOG.errorf(e, "import %d: cannot record its end (%s)", id, status);
        }
    }

    private static void update(long id, java.util.function.Consumer<CustomerImport> change) {
        QuarkusTransaction.requiringNew().run(() -> change.accept(CustomerImport.findById(id)));
    }

    private static String rootMessage(Throwable e) {
        Throwable cause = e;
        while (cause.getCause() != null && cause.getCause() != cause) {
            cause = cause.getCause();
        }
        String message = e instanceof IllegalStateException ? e.getMessage() : cause.getMessage();
        return message == null ? cause.getClass().getSimpleName() : message;
    }
}
