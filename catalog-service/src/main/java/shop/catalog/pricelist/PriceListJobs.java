package shop.catalog.pricelist;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import java.time.Instant;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.stream.Collectors;
import org.jboss.logging.Logger;
import shop.commons.problem.ProblemException;

/**
 * Large price lists are applied in the background, one at a time per instance, with their progress in
 * {@code price_list_import}; the list itself was already checked, so a job fails only if the catalog
 * changed meanwhile (e.g. a category was renamed) or the instance stopped.
 */
@ApplicationScoped
public class PriceListJobs {
    private static final Logger LOG = Logger.getLogger(PriceListJobs.class);

    @Inject
    PriceListImporter importer;

    private final ExecutorService executor = Executors.newSingleThreadExecutor(r -> {
        Thread thread = new Thread(r, "price-list-import");
        thread.setDaemon(true);
        return thread;
    });

    /** A job that was running when an instance stopped never finishes: say so instead of "running" forever. */
    void onStart(@Observes StartupEvent event) {
        QuarkusTransaction.requiringNew().run(() -> PriceListImport.update(
                "status = ?1, error = ?2, finishedAt = ?3 where status = ?4", PriceListImport.FAILED,
                "interrupted: the service stopped; nothing of it was applied", Instant.now(), PriceListImport.RUNNING));
    }

    void onStop(@Observes ShutdownEvent event) {
        executor.shutdownNow();
    }

    public PriceListImport start(long supplierId, PriceList list) {
        PriceListImport job = new PriceListImport();
        job.id = UUID.randomUUID();
        job.supplierId = supplierId;
        job.status = PriceListImport.RUNNING;
        job.total = list.offers().size();
        QuarkusTransaction.requiringNew().run(job::persist);
        executor.submit(() -> run(job.id, supplierId, list));
        return job;
    }

    private void run(UUID id, long supplierId, PriceList list) {
        try {
            ImportSummary summary = importer.run(supplierId, list, processed -> QuarkusTransaction.requiringNew()
                    .run(() -> PriceListImport.update("processed = ?1 where id = ?2", processed, id)));
            QuarkusTransaction.requiringNew().run(() -> {
                PriceListImport job = PriceListImport.findById(id);
                job.status = PriceListImport.DONE;
                job.processed = summary.offers();
                job.created = summary.created();
                job.updated = summary.updated();
                job.withdrawn = summary.withdrawn();
                job.unchanged = summary.unchanged();
                job.finishedAt = Instant.now();
            });
        } catch (ProblemException e) {
            String errors = e.problem().errors() == null ? "" : e.problem().errors().stream()
                    .map(f -> f.field() + ": " + f.message()).collect(Collectors.joining("; ", " (", ")"));
            fail(id, e.getMessage() + errors);
        } catch (RuntimeException e) {
            LOG.errorf(e, "price list import %s failed", id);
            fail(id, "failed: " + e.getMessage() + "; nothing of it was applied");
        }
    }

    private void fail(UUID id, String error) {
        QuarkusTransaction.requiringNew().run(() -> PriceListImport.update(
                "status = ?1, error = ?2, finishedAt = ?3 where id = ?4", PriceListImport.FAILED,
                error.length() > 4000 ? error.substring(0, 4000) : error, Instant.now(), id));
    }
}
