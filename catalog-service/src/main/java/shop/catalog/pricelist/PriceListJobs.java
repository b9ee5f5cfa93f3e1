package shop.catalog.pricelist;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import shop.commons.domain.NotFound;
import shop.commons.jobs.BackgroundJob;
import shop.commons.jobs.BackgroundJobs;
import shop.commons.jobs.JobCancelled;
import shop.commons.jobs.JobContext;

/**
 * Large price lists are applied as jobs of the commons runner (type {@value #TYPE}, one at a time per
 * instance). The list was already checked, so a job fails only if the catalog changed meanwhile (e.g. an
 * offer's product was deleted) or the instance stopped; it is one transaction, so a failed or cancelled job
 * applied nothing (the categories it would have created included).
 */
@ApplicationScoped
public class PriceListJobs {
    public static final String TYPE = "price-list-import";

    @Inject
    PriceListImporter importer;

    @Inject
    BackgroundJobs jobs;

    /** Queues the list; {@code url} is where it was fetched from (null for an upload), kept in the report. */
    public BackgroundJob start(long supplierId, PriceList list, String startedBy, String url) {
        PriceListImportReport report = PriceListImportReport.of(supplierId);
        report.url = url;
        BackgroundJob job = jobs.queue(TYPE, startedBy, (long) list.offers().size(), report);
        jobs.submit(job, context -> run(context, supplierId, list));
        return job;
    }

    /** The supplier's job with this id. */
    public BackgroundJob find(long supplierId, long jobId) {
        BackgroundJob job = jobs.find("price list import", jobId, TYPE);
        if (job.report(PriceListImportReport.class).supplierId != supplierId) {
            throw NotFound.of("price list import", jobId);
        }
        return job;
    }

    /** Asks the supplier's job to stop; a running one rolls back at its next step, so nothing of it stays. */
    public BackgroundJob cancel(long supplierId, long jobId) {
        find(supplierId, jobId);
        jobs.cancel("price list import", jobId, TYPE);
        return find(supplierId, jobId);
    }

    /** The jobs of a supplier that is deleted go with it. */
    public void forget(long supplierId) {
        BackgroundJob.getEntityManager()
                .createNativeQuery("delete from background_job where type = ?1 and report ->> 'supplierId' = ?2")
                .setParameter(1, TYPE).setParameter(2, String.valueOf(supplierId)).executeUpdate();
    }

    private void run(JobContext context, long supplierId, PriceList list) {
        ImportSummary summary;
        try {
            summary = importer.run(supplierId, list, processed -> {
                context.checkCancelled(); // inside the list's one transaction: cancelling rolls it all back
                context.progress(processed);
            });
        } catch (PriceListException e) { // the catalog changed since the list was checked
            throw new PriceListException(e.getMessage() + e.errors().stream().map(f -> f.field() + ": " + f.message())
                    .collect(java.util.stream.Collectors.joining("; ", " (", ")")), e.errors());
        } catch (JobCancelled | shop.commons.domain.DomainException e) {
            throw e;
        } catch (RuntimeException e) {
            throw new IllegalStateException("failed: " + e.getMessage() + "; nothing of it was applied", e);
        }
        context.update(job -> {
            job.processed = summary.offers();
            job.updateReport(PriceListImportReport.class, report -> {
                report.created = summary.created();
                report.updated = summary.updated();
                report.withdrawn = summary.withdrawn();
                report.unchanged = summary.unchanged();
                report.categoriesCreated = summary.categoriesCreated();
                report.categoriesMapped = summary.categoriesMapped();
                report.categoriesUnused = summary.categoriesUnused();
                return report;
            });
        });
    }
}
