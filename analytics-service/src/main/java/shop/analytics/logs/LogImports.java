package shop.analytics.logs;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.runtime.StartupEvent;
import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
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
import java.time.Instant;
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
import java.util.function.Consumer;
import org.jboss.logging.Logger;
import shop.analytics.report.AnalyticsFacts;
import shop.analytics.report.AnalyticsFacts.Batch;
import shop.analytics.report.Source;
import shop.commons.io.BoundedLineReader;
import shop.commons.problem.ProblemException;

/**
 * Log import jobs, one at a time on a background thread. A job streams its file line by line and
 * records every {@code batch-size} lines in one transaction together with its progress, so a client
 * polling the job sees it advance and a crash loses at most the last few batches, never half of one
 * (they commit asynchronously; a re-run fills them in: every line is keyed by its request id). A file whose exact content was imported successfully before
 * is recognised by its SHA-256 and not read again.
 */
@ApplicationScoped
public class LogImports {
    private static final Logger LOG = Logger.getLogger(LogImports.class);
    /** How many clients' last goods page is remembered (a cart line names goods only by id). */
    private static final int REMEMBERED_CLIENTS = 100_000;

    private final ExecutorService executor = Executors.newSingleThreadExecutor(runnable -> {
        Thread thread = new Thread(runnable, "log-import");
        thread.setDaemon(true);
        return thread;
    });
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

    void failInterrupted(@Observes StartupEvent event) {
        QuarkusTransaction.requiringNew().run(() -> LogImport.update(
                "state = ?1, error = ?2, finishedAt = ?3 where state in (?4, ?5)", LogImport.FAILED,
                "the service stopped before the import finished; import the file again (lines already recorded count once)",
                Instant.now(), LogImport.QUEUED, LogImport.RUNNING));
    }

    @PreDestroy
    void stop() {
        executor.shutdownNow();
        writer.shutdownNow();
    }

    /** Keeps the upload in the spool directory and queues its import; the file goes when the job ends. */
    LogImport startUpload(InputStream body, String fileName, String startedBy) throws IOException {
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
            throw ProblemException.badRequest("The request body is empty: send the log file as the body");
        }
        return start(file, fileName, startedBy, true);
    }

    /** A file inside the configured import directory; anything that resolves outside it is refused. */
    LogImport startPath(String requested, String startedBy) {
        Path directory = config.directory().orElseThrow(() -> ProblemException.conflict(
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
            throw ProblemException.badRequest("path is not a valid file name: " + e.getReason());
        } catch (NoSuchFileException e) {
            throw ProblemException.notFound("file", "\"" + requested + "\" in the import directory");
        } catch (IOException e) {
            throw ProblemException.badRequest("path cannot be read: " + e.getMessage());
        }
        if (!Files.isRegularFile(file, LinkOption.NOFOLLOW_LINKS) || !Files.isReadable(file)) {
            throw ProblemException.badRequest("path must name a readable file in the import directory");
        }
        return start(file, file.getFileName().toString(), startedBy, false);
    }

    private static ProblemException outside(String requested) {
        return ProblemException.badRequest("path \"" + requested + "\" is outside the import directory");
    }

    private LogImport start(Path file, String fileName, String startedBy, boolean deleteAfter) {
        LogImport job = QuarkusTransaction.requiringNew().call(() -> {
            LogImport created = new LogImport();
            created.fileName = fileName == null ? null : fileName.substring(0, Math.min(fileName.length(), 500));
            created.startedBy = startedBy;
            created.persist();
            return created;
        });
        long id = job.id;
        executor.submit(() -> {
            try {
                run(id, file);
            } finally {
                if (deleteAfter) {
                    try {
                        Files.deleteIfExists(file);
                    } catch (IOException e) {
                        LOG.warnf("import %d: cannot delete the upload %s", id, file);
                    }
                }
            }
        });
        return job;
    }

    private void run(long id, Path file) {
        try {
            Instant started = Instant.now();
            String sha = sha256(file);
            long bytes = Files.size(file);
            Long earlier = QuarkusTransaction.requiringNew().call(() -> {
                LogImport job = LogImport.findById(id);
                job.state = LogImport.RUNNING;
                job.startedAt = started;
                job.contentSha256 = sha;
                job.bytes = bytes;
                return LogImport.<LogImport>find("contentSha256 = ?1 and state = ?2 and id <> ?3 order by id", sha,
                        LogImport.SUCCEEDED, id).firstResultOptional().map(j -> j.id).orElse(null);
            });
            if (earlier != null) {
                // the very same content was imported completely before: nothing to read
                update(id, job -> {
                    job.duplicateOf = earlier;
                    job.state = LogImport.SUCCEEDED;
                    job.finishedAt = Instant.now();
                });
                return;
            }
            importLines(id, file);
            QuarkusTransaction.requiringNew().run(() -> {
                facts.resolveItemCategories(Source.LOGS);
                facts.refreshStatistics();
            });
            update(id, job -> {
                job.state = LogImport.SUCCEEDED;
                job.finishedAt = Instant.now();
            });
        } catch (Exception e) {
            LOG.errorf(e, "log import %d failed", id);
            String message = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
            try {
                update(id, job -> {
                    job.state = LogImport.FAILED;
                    job.error = message;
                    job.finishedAt = Instant.now();
                });
            } catch (RuntimeException again) {
                LOG.errorf(again, "log import %d: cannot record its failure", id);
            }
        }
    }

    private void importLines(long id, Path file) throws IOException {
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
            LogImport job = LogImport.findById(id);
            job.linesRead += lines;
            job.skipped += skipped;
            job.imported += inserted;
            job.alreadyKnown += batch.requests().size() - inserted;
        });
    }

    private static void update(long id, Consumer<LogImport> change) {
        QuarkusTransaction.requiringNew().run(() -> change.accept(LogImport.findById(id)));
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
