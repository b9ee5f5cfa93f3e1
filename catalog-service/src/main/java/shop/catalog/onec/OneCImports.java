package shop.catalog.onec;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.scheduler.Scheduled;
import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import java.io.IOException;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.function.Consumer;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;
import shop.catalog.onec.OneCBatches.StockRow;
import shop.catalog.onec.OneCBatches.WeightRow;
import shop.catalog.product.Variant;

/**
 * Runs 1C imports as jobs: reads the rows, checks each, applies them in batches and keeps the job's row
 * up to date. Imports set absolute values, so running one again (e.g. after a failure half-way) is safe.
 */
@ApplicationScoped
public class OneCImports {
    private static final Logger LOG = Logger.getLogger(OneCImports.class);
    static final String STOCK_CODE = "Характеристика.Код";
    static final String STOCK_QUANTITY = "Итого по всем складам";
    static final String WEIGHT_ARTICLE = "КодАртикул";
    static final String WEIGHT_VALUE = "Вес";

    @Inject
    OneCBatches batches;

    @Inject
    EntityManager em;

    @Inject
    WorkbookLimits limits;

    @ConfigProperty(name = "shop.catalog.onec.batch-size", defaultValue = "500")
    int batchSize;

    @ConfigProperty(name = "shop.catalog.onec.stale-after", defaultValue = "PT10M")
    Duration staleAfter;

    /** One import at a time per instance: imports lock many rows and are not urgent to the second. */
    private final ExecutorService runner = Executors.newSingleThreadExecutor(r -> {
        Thread thread = new Thread(r, "onec-import");
        thread.setDaemon(true);
        return thread;
    });

    @PreDestroy
    void stop() {
        runner.shutdownNow();
    }

    static List<String> columns(OneCImport.Kind kind) {
        return kind == OneCImport.Kind.weights ? List.of(WEIGHT_ARTICLE, WEIGHT_VALUE) : List.of(STOCK_CODE, STOCK_QUANTITY);
    }

    OneCImport create(OneCImport.Kind kind, OneCImport.Mode mode, String fileName, String user) {
        return QuarkusTransaction.requiringNew().call(() -> {
            OneCImport job = new OneCImport();
            job.kind = kind.name();
            job.mode = mode.name();
            job.state = OneCImport.State.queued.name();
            job.fileName = fileName;
            job.createdBy = user;
            job.persist();
            return job;
        });
    }

    /** Runs a checked report in the background; the file is deleted afterwards. */
    void submitFile(long jobId, OneCImport.Kind kind, OneCImport.Mode mode, Path file) {
        runner.execute(() -> {
            try {
                run(jobId, report -> {
                    Rows rows = new Rows(jobId, kind, report);
                    try {
                        new ReportSheet(file, columns(kind), limits).read(rows::add);
                    } catch (ReportSheet.NotAReport e) {
                        throw new ImportFailed(e.getMessage());
                    }
                    rows.flush();
                    if (mode == OneCImport.Mode.snapshot) {
                        resetMissing(jobId, kind, report);
                    }
                });
            } finally {
                deleteQuietly(file);
            }
        });
    }

    /** A JSON push: its rows are already checked (bad ones are in the report). */
    void runLevels(long jobId, OneCImport.Mode mode, List<StockRow> rows, ImportReport report) {
        run(jobId, r -> {
            for (int from = 0; from < rows.size(); from += batchSize) {
                batches.applyStock(jobId, rows.subList(from, Math.min(rows.size(), from + batchSize)), report);
            }
            if (mode == OneCImport.Mode.snapshot) {
                resetMissing(jobId, OneCImport.Kind.levels, report);
            }
        }, report);
    }

    void submitLevels(long jobId, OneCImport.Mode mode, List<StockRow> rows, ImportReport report) {
        runner.execute(() -> runLevels(jobId, mode, rows, report));
    }

    private void run(long jobId, Consumer<ImportReport> work) {
        run(jobId, work, new ImportReport());
    }

    private void run(long jobId, Consumer<ImportReport> work, ImportReport report) {
        QuarkusTransaction.requiringNew().run(() -> {
            OneCImport job = em.find(OneCImport.class, jobId);
            job.state = OneCImport.State.running.name();
            job.startedAt = Instant.now();
            report.writeTo(job);
        });
        try {
            work.accept(report);
            finish(jobId, report, OneCImport.State.done, null);
        } catch (ImportFailed e) {
            finish(jobId, report, OneCImport.State.failed, e.getMessage());
        } catch (RuntimeException e) {
            LOG.errorf(e, "1C import %d failed", jobId);
            finish(jobId, report, OneCImport.State.failed,
                    "the import stopped after " + report.rowsRead + " rows; batches before that were applied. Cause: " + e);
        }
    }

    private void finish(long jobId, ImportReport report, OneCImport.State state, String error) {
        QuarkusTransaction.requiringNew().run(() -> {
            OneCImport job = em.find(OneCImport.class, jobId);
            report.writeTo(job);
            job.state = state.name();
            job.error = error;
            job.finishedAt = Instant.now();
        });
        LOG.infof("1C import %d %s: %d rows read, %d applied, %d changed, %d reset, %d unknown, %d bad, %d below reserved",
                jobId, state, report.rowsRead, report.rowsApplied, report.changed, report.missingReset,
                report.unknownCount, report.badCount, report.belowReservedCount);
    }

    /** Snapshot mode: everything with a 1C code that the report did not mention goes to zero (stock) or empty (weight). */
    private void resetMissing(long jobId, OneCImport.Kind kind, ImportReport report) {
        List<Long> ids = new ArrayList<>();
        List<Object[]> candidates = QuarkusTransaction.requiringNew().call(() -> kind == OneCImport.Kind.weights
                ? em.createQuery("select p.id, p.article from Product p where p.weight is not null and p.deletedAt is null",
                        Object[].class).getResultList()
                : em.createQuery("select v.id, v.externalId from Variant v where v.externalId is not null"
                        + " and v.deletedAt is null and v.onHand > 0", Object[].class).getResultList());
        for (Object[] candidate : candidates) {
            String code = (String) candidate[1];
            if (!report.seen.containsKey(kind == OneCImport.Kind.weights ? OneCBatches.key(code) : code)) {
                ids.add((Long) candidate[0]);
            }
        }
        for (int from = 0; from < ids.size(); from += batchSize) {
            List<Long> batch = ids.subList(from, Math.min(ids.size(), from + batchSize));
            if (kind == OneCImport.Kind.weights) {
                batches.clearWeights(jobId, batch, report);
            } else {
                batches.resetStock(jobId, batch, report);
            }
        }
    }

    /** Checks the rows of a report and hands them on in batches. */
    private final class Rows {
        private final long jobId;
        private final OneCImport.Kind kind;
        private final ImportReport report;
        private final List<StockRow> stock = new ArrayList<>();
        private final List<WeightRow> weights = new ArrayList<>();

        Rows(long jobId, OneCImport.Kind kind, ImportReport report) {
            this.jobId = jobId;
            this.kind = kind;
            this.report = report;
        }

        void add(ReportSheet.Row row) {
            if (kind == OneCImport.Kind.weights) {
                report.rowsRead++;
                String article = row.get(WEIGHT_ARTICLE);
                if (article == null) {
                    report.bad(row.number(), null, WEIGHT_ARTICLE + " is empty");
                    return;
                }
                if (!report.firstTime(row.number(), article, OneCBatches.key(article))) {
                    return;
                }
                if (row.problem() != null) {
                    report.bad(row.number(), article, row.problem());
                    return;
                }
                try {
                    weights.add(new WeightRow(row.number(), article, weight(row.get(WEIGHT_VALUE))));
                } catch (IllegalArgumentException e) {
                    report.bad(row.number(), article, e.getMessage());
                }
                if (weights.size() >= batchSize) {
                    flush();
                }
            } else {
                String code = row.get(STOCK_CODE);
                if (code == null && row.problem() != null) {
                    report.rowsRead++;
                    report.bad(row.number(), null, row.problem());
                    return;
                }
                if (code == null) {
                    return; // a group row (product or warehouse subtotal) of the report: no characteristic code
                }
                report.rowsRead++;
                if (!report.firstTime(row.number(), code, code)) {
                    return;
                }
                if (row.problem() != null) {
                    report.bad(row.number(), code, row.problem());
                    return;
                }
                try {
                    stock.add(new StockRow(row.number(), code, quantity(row.get(STOCK_QUANTITY), STOCK_QUANTITY)));
                } catch (IllegalArgumentException e) {
                    report.bad(row.number(), code, e.getMessage());
                }
                if (stock.size() >= batchSize) {
                    flush();
                }
            }
        }

        void flush() {
            if (kind == OneCImport.Kind.weights) {
                batches.applyWeights(jobId, List.copyOf(weights), report);
                weights.clear();
            } else {
                batches.applyStock(jobId, List.copyOf(stock), report);
                stock.clear();
            }
        }
    }

    /**
     * A stock quantity: a whole number from 0 to {@link Variant#MAX_ON_HAND} ("12", "12.0"); anything else is
     * a bad row with this reason.
     */
    static int quantity(String raw, String column) {
        BigDecimal value = decimal(raw, column);
        if (value.signum() < 0) {
            throw new IllegalArgumentException(column + " is negative: " + value.toPlainString());
        }
        if (value.stripTrailingZeros().scale() > 0) {
            throw new IllegalArgumentException(column + " is not a whole number: " + value.toPlainString());
        }
        if (value.compareTo(BigDecimal.valueOf(Variant.MAX_ON_HAND)) > 0) {
            throw new IllegalArgumentException(column + " is too large: " + value.toPlainString()
                    + " (at most " + Variant.MAX_ON_HAND + ")");
        }
        return value.intValueExact();
    }

    /** A weight (kg), zero or more, kept to 3 decimals like the product's own weight. */
    static BigDecimal weight(String raw) {
        BigDecimal value = decimal(raw, WEIGHT_VALUE);
        if (value.signum() < 0) {
            throw new IllegalArgumentException(WEIGHT_VALUE + " is negative: " + value.toPlainString());
        }
        // cells hold doubles (0.35 arrives as 0.35000000000000003): round to the column's 3 decimals
        value = value.setScale(3, java.math.RoundingMode.HALF_UP);
        if (value.precision() - value.scale() > 9) {
            throw new IllegalArgumentException(WEIGHT_VALUE + " is too large: " + value.toPlainString());
        }
        return value;
    }

    /** Longest number text read: a double's digits, its sign, point and exponent fit several times over. */
    static final int MAX_NUMBER_TEXT = 64;
    /** Digits before the point, and after it, that a cell's number may have before it is refused unread. */
    static final int MAX_NUMBER_DIGITS = 40;

    /**
     * The cell's number, bounded before anything converts it: {@code 1E999999999} or {@code 1E-999999999} is a
     * tiny BigDecimal whose {@code toPlainString}, {@code setScale} or {@code toBigInteger} would build a
     * billion digits (minutes of CPU, gigabytes), so its exponent is checked first and the row refused.
     */
    static BigDecimal decimal(String raw, String column) {
        if (raw == null || raw.isBlank()) {
            throw new IllegalArgumentException(column + " is empty");
        }
        String text = raw.trim().replace('\u00A0', ' ').replace(" ", "").replace(',', '.');
        if (text.length() > MAX_NUMBER_TEXT) {
            throw new IllegalArgumentException(column + " is not a number: '" + abbreviate(raw) + "'");
        }
        BigDecimal value;
        try {
            value = new BigDecimal(text);
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(column + " is not a number: '" + abbreviate(raw) + "'");
        }
        long integerDigits = (long) value.precision() - value.scale();
        if (integerDigits > MAX_NUMBER_DIGITS || value.scale() > MAX_NUMBER_DIGITS) {
            throw new IllegalArgumentException(column + " is out of range: '" + abbreviate(raw) + "'");
        }
        return value;
    }

    private static String abbreviate(String text) {
        return text.length() > 40 ? text.substring(0, 40) + "…" : text;
    }

    /** Jobs whose instance died (no progress written for a while) are marked failed, so nobody waits for ever. */
    @Scheduled(every = "1m", delayed = "30s")
    void failStaleJobs() {
        int stale = QuarkusTransaction.requiringNew().call(() -> em.createQuery(
                        "update OneCImport j set j.state = 'failed', j.finishedAt = :now,"
                                + " j.error = 'interrupted: the instance running it stopped; run the import again'"
                                + " where j.state in ('queued', 'running') and j.updatedAt < :before")
                .setParameter("now", Instant.now())
                .setParameter("before", Instant.now().minus(staleAfter))
                .executeUpdate());
        if (stale > 0) {
            LOG.warnf("%d interrupted 1C import(s) marked failed", stale);
        }
    }

    private static void deleteQuietly(Path file) {
        try {
            Files.deleteIfExists(file);
        } catch (IOException e) {
            LOG.warnf("could not delete %s: %s", file, e.getMessage());
        }
    }

    /** The import cannot go on, for a reason the client should read (not a server fault). */
    static final class ImportFailed extends RuntimeException {
        ImportFailed(String message) {
            super(message);
        }
    }
}
