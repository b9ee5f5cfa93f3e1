package shop.customers.imports;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.List;
import org.jboss.logging.Logger;
import shop.commons.domain.Conflict;
import shop.commons.domain.Unavailable;
import shop.commons.jobs.BackgroundJob;
import shop.commons.jobs.BackgroundJobs;
import shop.commons.jobs.JobContext;

/**
 * Customer imports as jobs of the commons runner (type {@value #TYPE}; one at a time, in the order they
 * were started: two imports touching the same customers at once would race for their phones). Every row
 * commits together with its counts, so a client polling the job sees its progress as it goes.
 */
@ApplicationScoped
public class ImportJobs {
    public static final String TYPE = "customer-import";
    private static final Logger LOG = Logger.getLogger(ImportJobs.class);

    @Inject
    BackgroundJobs jobs;

    @Inject
    CustomerImporter importer;

    @Inject
    LegacyJdbcSource jdbc;

    BackgroundJob startCsv(List<LegacyRecord> records, String startedBy) {
        BackgroundJob job = jobs.queue(TYPE, startedBy, CustomerImportReport.of(CustomerImportReport.CSV));
        jobs.submit(job, context -> run(context, () -> records));
        return job;
    }

    BackgroundJob startJdbc(String startedBy) {
        if (!jdbc.configured()) {
            throw new Conflict("No legacy database is configured (shop.legacy-import.jdbc-url)");
        }
        BackgroundJob job = jobs.queue(TYPE, startedBy, CustomerImportReport.of(CustomerImportReport.JDBC));
        jobs.submit(job, context -> run(context, () -> jdbc.read(new LegacyJdbcSource.Attempts() {
            @Override
            public void started(int attempt) {
                context.update(j -> j.updateReport(CustomerImportReport.class, r -> {
                    r.attempts = attempt;
                    return r;
                }));
            }

            @Override
            public void failed(int attempt, String error) {
                context.update(j -> j.error = "attempt " + attempt + " failed: " + error);
            }
        })));
        return job;
    }

    private interface Source {
        List<LegacyRecord> read() throws Exception;
    }

    private void run(JobContext context, Source source) throws InterruptedException {
        long id = context.id();
        List<LegacyRecord> records;
        try {
            records = source.read();
        } catch (InterruptedException e) {
            throw e;
        } catch (Exception e) {
            LOG.errorf(e, "import %d: the source cannot be read", id);
            throw new Unavailable(rootMessage(e));
        }
        context.update(job -> {
            job.total = (long) records.size();
            job.error = null; // an attempt that failed before the one that worked is no longer the story
        });
        for (ImportPlan.Step step : ImportPlan.of(records)) {
            context.checkCancelled();
            try {
                importer.apply(id, step);
            } catch (RuntimeException e) {
                LOG.warnf(e, "import %d: row %d failed", id, step.row());
                importer.rowFailed(id, step, "could not be applied: " + rootMessage(e));
            }
        }
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
