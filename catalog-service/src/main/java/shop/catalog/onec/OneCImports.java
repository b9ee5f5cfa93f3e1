package shop.catalog.onec;

import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import java.io.IOException;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;
import shop.catalog.onec.OneCBatches.StockRow;
import shop.catalog.onec.OneCBatches.WeightRow;
import shop.catalog.product.Variant;
import shop.commons.domain.DomainException;
import shop.commons.domain.Invalid;
import shop.commons.jobs.BackgroundJob;
import shop.commons.jobs.BackgroundJobs;
import shop.commons.jobs.JobCancelled;
import shop.commons.jobs.JobContext;
import shop.commons.jobs.JobWork;

/**
 * Runs 1C imports as jobs of the commons runner (type {@value OneCImport#TYPE}, one at a time per instance:
 * imports lock many rows and are not urgent to the second): reads the rows, checks each, applies them in
 * batches and keeps the job's report up to date. Imports set absolute values, so running one again (e.g.
 * after a failure or a cancellation half-way) is safe.
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

    @Inject
    BackgroundJobs jobs;

    static List<String> columns(OneCImport.Kind kind) {
        return kind == OneCImport.Kind.weights ? List.of(WEIGHT_ARTICLE, WEIGHT_VALUE) : List.of(STOCK_CODE, STOCK_QUANTITY);
    }

    BackgroundJob create(OneCImport.Kind kind, OneCImport.Mode mode, String fileName, String user) {
        return jobs.queue(OneCImport.TYPE, user, OneCImport.of(kind, mode, fileName));
    }

    /** Runs a checked report in the background; the file is deleted afterwards. */
    void submitFile(BackgroundJob job, OneCImport.Kind kind, OneCImport.Mode mode, Path file) {
        ImportReport report = new ImportReport();
        jobs.submit(job, context -> run(context, report, () -> {
            Rows rows = new Rows(context, kind, report);
            try {
                new ReportSheet(file, columns(kind), limits).read(rows::add);
            } catch (ReportSheet.NotAReport e) {
                throw new Invalid(e.getMessage());
            }
            rows.flush();
            if (mode == OneCImport.Mode.snapshot) {
                resetMissing(context, kind, report);
            }
        }), () -> deleteQuietly(file));
    }

    /** A JSON push: its rows are already checked (bad ones are in the report). Small ones run here, large ones queue. */
    void submitLevels(BackgroundJob job, OneCImport.Mode mode, List<StockRow> rows, ImportReport report, boolean here) {
        JobWork work = context -> run(context, report, () -> {
            for (int from = 0; from < rows.size(); from += batchSize) {
                context.checkCancelled();
                batches.applyStock(context.id(), rows.subList(from, Math.min(rows.size(), from + batchSize)), report);
            }
            if (mode == OneCImport.Mode.snapshot) {
                resetMissing(context, OneCImport.Kind.levels, report);
            }
        });
        if (here) {
            jobs.runHere(job, work);
        } else {
            jobs.submit(job, work);
        }
    }

    /**
     * The import's work, with its report written to the job first (a push's bad rows), with every batch and
     * at the end. A failure half-way says how far it got: the batches before it stay applied.
     */
    private void run(JobContext context, ImportReport report, Runnable work) {
        long jobId = context.id();
        context.update(report::writeTo);
        try {
            work.run();
        } catch (DomainException | JobCancelled e) {
            throw e;
        } catch (RuntimeException e) {
            LOG.errorf(e, "1C import %d failed", jobId);
            throw new IllegalStateException(
                    "the import stopped after " + report.rowsRead + " rows; batches before that were applied. Cause: " + e, e);
        } finally {
            context.update(report::writeTo);
            LOG.infof("1C import %d ended: %d rows read, %d applied, %d changed, %d reset, %d unknown, %d bad, %d below reserved",
                    jobId, report.rowsRead, report.rowsApplied, report.changed, report.missingReset,
                    report.unknownCount, report.badCount, report.belowReservedCount);
        }
    }

    /** Snapshot mode: everything with a 1C code that the report did not mention goes to zero (stock) or empty (weight). */
    private void resetMissing(JobContext context, OneCImport.Kind kind, ImportReport report) {
        long jobId = context.id();
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
            context.checkCancelled();
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
        private final JobContext context;
        private final OneCImport.Kind kind;
        private final ImportReport report;
        private final List<StockRow> stock = new ArrayList<>();
        private final List<WeightRow> weights = new ArrayList<>();

        Rows(JobContext context, OneCImport.Kind kind, ImportReport report) {
            this.context = context;
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
            context.checkCancelled(); // between batches: the batches applied so far stay
            long jobId = context.id();
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

    private static void deleteQuietly(Path file) {
        try {
            Files.deleteIfExists(file);
        } catch (IOException e) {
            LOG.warnf("could not delete %s: %s", file, e.getMessage());
        }
    }
}
