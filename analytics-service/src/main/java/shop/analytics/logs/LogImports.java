package shop.analytics.logs;

import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.security.DigestInputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.jboss.logging.Logger;
import shop.analytics.report.AnalyticsFacts;
import shop.analytics.report.AnalyticsFacts.Batch;
import shop.analytics.report.Source;
import shop.commons.domain.Conflict;
import shop.commons.domain.Invalid;
import shop.commons.domain.NotFound;
import shop.commons.io.BoundedLineReader;
import shop.commons.jobs.BackgroundJob;
import shop.commons.jobs.BackgroundJobs;
import shop.commons.jobs.JobContext;

/**
 * Log imports as jobs of the commons runner (type {@value #TYPE}, one at a time). A job streams its file line by line and
 * records every {@code batch-size} lines in one transaction together with its progress, so a client
 * polling the job sees it advance and a crash loses at most the last few batches, never half of one
 * (they commit asynchronously; a re-run fills them in: every line is keyed by its request id). A file whose
 * exact content was imported successfully before is recognised by its SHA-256 and not read again. A
 * cancelled import stops between two batches; the batches recorded before stay.
 */
@ApplicationScoped
public class LogImports {
    public static final String TYPE = "log-import";
    private static final Logger LOG = Logger.getLogger(LogImports.class);
    /** How many clients' last goods page is remembered (a cart line names goods only by id). */
    private static final int REMEMBERED_CLIENTS = 100_000;

    /**
     * Records the batches of the running job, one at a time and in file order, while the job's thread
     * parses the next batch: on two cores the parse and PostgreSQL's work on the previous batch overlap.
     */
    private final ExecutorService writer = Executors.newSingleThreadExecutor(runnable -> {
        Thread thread = new Thread(runnable, "log-import-writer");
        thread.setDaemon(true);
        return thread;
    });

    @Inject
    AnalyticsFacts facts;

    @Inject
    LogImportConfig config;

    @Inject
    BackgroundJobs jobs;

    @PreDestroy
    void stop() {
        writer.shutdownNow();
    }

    /** Keeps the upload in the spool directory and queues its import; the file goes when the job ends. */
    BackgroundJob startUpload(InputStream body, String fileName, String startedBy) throws IOException {
        Path spool = config.spoolDirectory().orElse(Path.of(System.getProperty("java.io.tmpdir")));
        Files.createDirectories(spool);
        Path file = Files.createTempFile(spool, "log-import-", ".log");
        try (OutputStream out = Files.newOutputStream(file)) {
            body.transferTo(out);
        } catch (IOException | RuntimeException e) {
            Files.deleteIfExists(file);
            throw e;
        }
        if (Files.size(file) == 0) {
            Files.deleteIfExists(file);
            throw new Invalid("The request body is empty: send the log file as the body");
        }
        return start(file, fileName, startedBy, true);
    }

    /** A file inside the configured import directory; anything that resolves outside it is refused. */
    BackgroundJob startPath(String requested, String startedBy) {
        Path directory = config.directory().orElseThrow(() -> new Conflict(
                "Server-side imports are off: no import directory is configured (shop.analytics.log-import.directory)"));
        Path file;
        try {
            Path root = directory.toRealPath();
            Path candidate = root.resolve(requested).normalize();
            if (!candidate.startsWith(root)) {
                throw outside(requested);
            }
            file = candidate.toRealPath(); // follows links, so a link pointing out is caught below
            if (!file.startsWith(root)) {
                throw outside(requested);
            }
        } catch (java.nio.file.InvalidPathException e) {
            throw new Invalid("path is not a valid file name: " + e.getReason());
        } catch (NoSuchFileException e) {
            throw NotFound.of("file", "\"" + requested + "\" in the import directory");
        } catch (IOException e) {
            throw new Invalid("path cannot be read: " + e.getMessage());
        }
        if (!Files.isRegularFile(file, LinkOption.NOFOLLOW_LINKS) || !Files.isReadable(file)) {
            throw new Invalid("path must name a readable file in the import directory");
        }
        return start(file, file.getFileName().toString(), startedBy, false);
    }

    private static Invalid outside(String requested) {
        return new Invalid("path \"" + requested + "\" is outside the import directory");
    }

    private BackgroundJob start(Path file, String fileName, String startedBy, boolean deleteAfter) {
        LogImportReport report = new LogImportReport();
        report.fileName = fileName == null ? null : fileName.substring(0, Math.min(fileName.length(), 500));
        BackgroundJob job = jobs.queue(TYPE, startedBy, report);
        long id = job.id;
        jobs.submit(job, context -> run(context, file), () -> {
            if (deleteAfter) {
                try {
                    Files.deleteIfExists(file);
                } catch (IOException e) {
                    LOG.warnf("import %d: cannot delete the upload %s", id, file);
                }
            }
        });
        return job;
    }

    private void run(JobContext context, Path file) throws IOException {
        long id = context.id();
        String sha = sha256(file);
        long bytes = Files.size(file);
        Long earlier = QuarkusTransaction.requiringNew().call(() -> {
            BackgroundJob job = BackgroundJob.findById(id);
            job.updateReport(LogImportReport.class, report -> {
                report.contentSha256 = sha;
                report.bytes = bytes;
                return report;
            });
            List<?> found = BackgroundJob.getEntityManager().createNativeQuery("""
                            select id from background_job where type = ?1 and status = 'succeeded'
                            and report ->> 'contentSha256' = ?2 and id <> ?3 order by id limit 1""")
                    .setParameter(1, TYPE).setParameter(2, sha).setParameter(3, id).getResultList();
            return found.isEmpty() ? null : ((Number) found.get(0)).longValue();
        });
        if (earlier != null) {
            // the very same content was imported completely before: nothing to read
            context.update(job -> job.updateReport(LogImportReport.class, report -> {
                report.duplicateOf = earlier;
                return report;
            }));
            return;
        }
        importLines(context, file);
        QuarkusTransaction.requiringNew().run(() -> {
            facts.resolveItemCategories(Source.LOGS);
            facts.refreshStatistics();
        });
    }

    private void importLines(JobContext context, Path file) throws IOException {
        long id = context.id();
        var decoder = StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPLACE)
                .onUnmappableCharacter(CodingErrorAction.REPLACE);
        // client address -> the goods page it requested last, while that was its last request
        Map<String, AnalyticsFacts.GoodsFact> onGoodsPage = new LinkedHashMap<>(1024, 0.75f, true) {
            @Override
            protected boolean removeEldestEntry(Map.Entry<String, AnalyticsFacts.GoodsFact> eldest) {
                return size() > REMEMBERED_CLIENTS;
            }
        };
        int batchSize = Math.max(1, config.batchSize());
        int maxListed = config.maxListedBadLines();
        long[] listed = {0};
        int maxLength = config.maxLineLength();
        // a bounded reader: a "line" of gigabytes (a binary upload, a log without line breaks) costs maxLength chars
        try (BoundedLineReader reader = new BoundedLineReader(new InputStreamReader(Files.newInputStream(file), decoder),
                maxLength)) {
            Batch batch = Batch.empty();
            List<LogImportIssue> issues = new ArrayList<>();
            long linesInBatch = 0;
            long skippedInBatch = 0;
            Future<?> inFlight = CompletableFuture.completedFuture(null);
            try {
                for (BoundedLineReader.Line read = reader.next(); read != null; read = reader.next()) {
                    long lineNo = read.number();
                    String text = read.text();
                    linesInBatch++;
                    try {
                        if (read.truncated()) {
                            throw new LogLineParser.BadLineException("skipped: line longer than " + maxLength + " characters");
                        }
                        LogLine line = LogLineParser.parse(lineNo, text);
                        add(batch, line, onGoodsPage);
                    } catch (LogLineParser.BadLineException e) {
                        skippedInBatch++;
                        if (listed[0] < maxListed) {
                            listed[0]++;
                            issues.add(LogImportIssue.of(id, lineNo, e.getMessage(), text));
                        }
                    }
                    if (linesInBatch >= batchSize) {
                        context.checkCancelled(); // between batches: the batches recorded so far stay
                        inFlight = flushAfter(inFlight, id, batch, issues, linesInBatch, skippedInBatch);
                        batch = Batch.empty();
                        issues = new ArrayList<>();
                        linesInBatch = 0;
                        skippedInBatch = 0;
                    }
                }
                inFlight = flushAfter(inFlight, id, batch, issues, linesInBatch, skippedInBatch);
            } finally {
                // never leave a batch being written behind: the job's end must come after its last batch
                awaitQuietly(inFlight);
            }
            await(inFlight);
        }
    }

    /** Hands the batch to the writer once the previous one is recorded (its failure fails the job here). */
    private Future<?> flushAfter(Future<?> previous, long id, Batch batch, List<LogImportIssue> issues, long lines,
                                 long skipped) {
        await(previous);
        return writer.submit(() -> flush(id, batch, issues, lines, skipped));
    }

    private static void await(Future<?> write) {
        try {
            write.get();
        } catch (ExecutionException e) {
            throw e.getCause() instanceof RuntimeException failure ? failure
                    : new IllegalStateException(e.getCause().getMessage(), e.getCause());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("the import was interrupted", e);
        }
    }

    private static void awaitQuietly(Future<?> write) {
        try {
            write.get();
        } catch (ExecutionException e) {
            // reported by await
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** The facts of one good line. A cart line teaches its goods id when the client's previous request was a goods page. */
    private static void add(Batch batch, LogLine line, Map<String, AnalyticsFacts.GoodsFact> onGoodsPage) {
        batch.requests().add(new AnalyticsFacts.RequestFact(line.requestId(), line.time(), line.clientIp(),
                line.kind(), line.category(), line.goods()));
        switch (line.kind()) {
            case AnalyticsFacts.CART -> {
                AnalyticsFacts.GoodsFact page = onGoodsPage.get(line.clientIp());
                if (page != null) {
                    batch.goods().add(new AnalyticsFacts.GoodsFact(line.goodsKey(), page.category(), page.goods()));
                }
                batch.items().add(new AnalyticsFacts.CartItemFact(line.requestId(), line.cartKey(), line.goodsKey(),
                        page == null ? null : page.category(), line.amount(), line.time()));
            }
            case AnalyticsFacts.PAY -> batch.payments().add(
                    new AnalyticsFacts.PaymentFact(line.cartKey(), line.customer(), false, line.time()));
            case AnalyticsFacts.PAID -> batch.payments().add(
                    new AnalyticsFacts.PaymentFact(line.cartKey(), null, true, line.time()));
            default -> {
            }
        }
        if (AnalyticsFacts.GOODS.equals(line.kind())) {
            onGoodsPage.put(line.clientIp(), new AnalyticsFacts.GoodsFact(null, line.category(), line.goods()));
        } else {
            onGoodsPage.remove(line.clientIp());
        }
    }

    private void flush(long id, Batch batch, List<LogImportIssue> issues, long lines, long skipped) {
        if (lines == 0) {
            return;
        }
        QuarkusTransaction.requiringNew().run(() -> {
            facts.commitWithoutWaitingForDisk();
            int inserted = batch.isEmpty() ? 0 : facts.record(Source.LOGS, batch);
            issues.forEach(issue -> issue.persist());
            BackgroundJob job = BackgroundJob.findById(id);
            job.updateReport(LogImportReport.class, report -> {
                report.linesRead += lines;
                report.skipped += skipped;
                report.imported += inserted;
                report.alreadyKnown += batch.requests().size() - inserted;
                job.processed = report.linesRead;
                return report;
            });
        });
    }

    private static String sha256(Path file) throws IOException {
        try (InputStream in = new DigestInputStream(Files.newInputStream(file), MessageDigest.getInstance("SHA-256"))) {
            in.transferTo(OutputStream.nullOutputStream());
            return HexFormat.of().formatHex(((DigestInputStream) in).getMessageDigest().digest());
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
