package shop.commons.jobs;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.panache.common.Sort;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;
import java.util.function.Function;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;
import jakarta.inject.Inject;
import jakarta.persistence.LockModeType;
import shop.commons.domain.DomainException;
import shop.commons.errorreports.ErrorReport;
import shop.commons.errorreports.ErrorReports;
import shop.commons.domain.NotFound;
import shop.commons.paging.Page;
import shop.commons.paging.PageParams;
import shop.commons.paging.Paging;

/**
 * The one background-job runner of every service. A job is a {@link BackgroundJob} row plus its
 * {@link JobWork}; the runner queues it, runs it off the request thread, records its status and end, lets it
 * be cancelled, and fails the jobs an instance left unfinished when it died.
 *
 * <p><b>Order and concurrency.</b> Each job type has its own lane: its jobs start in the order they were
 * queued, at most {@code shop.jobs.concurrency} (1) of them at once per instance, since jobs of one type
 * usually touch the same rows (two customer imports would race for the same phones). Jobs of different
 * types do not wait for each other.
 *
 * <p><b>Interrupted jobs.</b> While this instance holds a job (queued in its lane or running), a heartbeat
 * touches its row every {@code shop.jobs.heartbeat} (15 s). A queued or running job whose row has not been
 * touched for {@code shop.jobs.stale-after} (1 min) belongs to an instance that stopped: the sweep, at start-up
 * and with every heartbeat, marks it failed. Other instances' live jobs are never touched.
 */
@ApplicationScoped
public class BackgroundJobs {
    private static final Logger LOG = Logger.getLogger(BackgroundJobs.class);
    static final String INTERRUPTED = "interrupted: the service stopped before the job finished; start it again";
    private static final int MAX_ERROR = 4000;

    @ConfigProperty(name = "shop.jobs.concurrency", defaultValue = "1")
    int concurrency;

    @ConfigProperty(name = "shop.jobs.stale-after", defaultValue = "PT1M")
    Duration staleAfter;

    /** A job that fails unexpectedly (not a domain "no") is reported to the errors chat, if configured. */
    @Inject
    ErrorReports errorReports;

    private final Map<String, ExecutorService> lanes = new ConcurrentHashMap<>();
    /** Jobs this instance holds (queued in a lane or running): the heartbeat keeps them alive. */
    private final Set<Long> held = ConcurrentHashMap.newKeySet();

    /** Creates the job's row, {@code queued}, in a transaction of its own (so a client can poll it at once). */
    public BackgroundJob queue(String type, String startedBy, Object report) {
        return queue(type, startedBy, null, report);
    }

    /** The same, when the units of work are known from the start ({@code total}). */
    public BackgroundJob queue(String type, String startedBy, Long total, Object report) {
        return QuarkusTransaction.requiringNew().call(() -> {
            BackgroundJob job = BackgroundJob.queued(type, startedBy, report);
            job.total = total;
            job.persist();
            return job;
        });
    }

    /** Runs the queued job in its type's lane, after the jobs queued before it. */
    public void submit(BackgroundJob job, JobWork work) {
        submit(job, work, () -> { });
    }

    /**
     * Runs the queued job in its type's lane; {@code afterwards} runs once the job has ended or was skipped
     * (cancelled while queued), e.g. to delete the file it read.
     */
    public void submit(BackgroundJob job, JobWork work, Runnable afterwards) {
        long id = job.id;
        held.add(id);
        try {
            lane(job.type).execute(() -> {
                try {
                    run(id, work);
                } finally {
                    held.remove(id);
                    afterwards.run();
                }
            });
        } catch (RuntimeException e) { // the lane is shut down: the service is stopping
            held.remove(id);
            afterwards.run();
            end(id, j -> j.fail(INTERRUPTED, Instant.now()));
        }
    }

    /** Runs the queued job here, on the caller's thread (a job small enough to answer with its result). */
    public void runHere(BackgroundJob job, JobWork work) {
        held.add(job.id);
        try {
            run(job.id, work);
        } finally {
            held.remove(job.id);
        }
    }

    /** The jobs of one type, newest first, a page at a time, each shown as {@code view}: every job list endpoint. */
    public static Page<JobView> page(String type, PageParams page, Function<BackgroundJob, JobView> view) {
        return Paging.page(BackgroundJob.<BackgroundJob>find("type", Sort.descending("id"), type), page, view);
    }

    /**
     * The job with this id if it is of one of these types.
     *
     * @param what how the API names such a job in "{what} {id} does not exist"
     * @throws NotFound when there is none
     */
    public BackgroundJob find(String what, long id, String... types) {
        BackgroundJob job = BackgroundJob.findById(id);
        if (job == null || !Arrays.asList(types).contains(job.type)) {
            throw NotFound.of(what, id);
        }
        return job;
    }

    /**
     * Asks the job to stop: a queued job is cancelled at once, a running one at its next
     * {@link JobContext#checkCancelled()}.
     *
     * @throws NotFound when there is no such job of these types
     * @throws shop.commons.domain.Conflict when it has already finished
     */
    public JobView cancel(String what, long id, String... types) {
        return QuarkusTransaction.requiringNew().call(() -> {
            BackgroundJob job = find(what, id, types);
            // the latest committed state, locked: the worker may be starting or ending it right now
            BackgroundJob.getEntityManager().refresh(job, LockModeType.PESSIMISTIC_WRITE);
            job.requestCancel(Instant.now());
            return JobView.of(job);
        });
    }

    void run(long id, JobWork work) {
        String type = QuarkusTransaction.requiringNew().call(() -> {
            BackgroundJob job = BackgroundJob.findById(id, LockModeType.PESSIMISTIC_WRITE);
            if (job == null || job.status != JobStatus.queued) {
                return null; // cancelled (or swept) while it waited
            }
            job.start(Instant.now());
            return job.type;
        });
        if (type == null) {
            return;
        }
        try {
            work.run(new JobContext(id));
            end(id, job -> job.succeed(Instant.now()));
        } catch (JobCancelled e) {
            end(id, job -> job.cancelled(Instant.now()));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            end(id, job -> job.fail(INTERRUPTED, Instant.now()));
        } catch (DomainException e) {
            end(id, job -> job.fail(e.getMessage(), Instant.now())); // written for the client: no stack trace
        } catch (Exception e) {
            LOG.errorf(e, "job %d failed", id);
            errorReports.report(ErrorReport.of("failed background job", e, "job " + id + " (" + type + ")", null));
            String message = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
            end(id, job -> job.fail(message, Instant.now()));
        }
    }

    /** Records the job's end; a failure to do so is logged (the sweep will fail the job later). */
    private static void end(long id, Consumer<BackgroundJob> change) {
        try {
            QuarkusTransaction.requiringNew().run(() -> {
                BackgroundJob job = BackgroundJob.findById(id, LockModeType.PESSIMISTIC_WRITE);
                change.accept(job);
                if (job.error != null && job.error.length() > MAX_ERROR) {
                    job.error = job.error.substring(0, MAX_ERROR);
                }
            });
        } catch (RuntimeException e) {
            LOG.errorf(e, "job %d: cannot record its end", id);
        }
    }

    private ExecutorService lane(String type) {
        return lanes.computeIfAbsent(type, t -> {
            AtomicInteger threads = new AtomicInteger();
            int size = Math.max(1, concurrency);
            // a FIFO queue and a fixed number of threads: jobs start in the order they came, at most `size` at once
            return new ThreadPoolExecutor(size, size, 0, TimeUnit.MILLISECONDS, new LinkedBlockingQueue<>(), r -> {
                Thread thread = new Thread(r, "job-" + t + "-" + threads.incrementAndGet());
                thread.setDaemon(true);
                return thread;
            });
        });
    }

    void sweepAtStart(@Observes StartupEvent event) {
        failStale();
    }

    /** The heartbeat of this instance's jobs, then the sweep of the jobs whose instance stopped. */
    @Scheduled(identity = "background-jobs", every = "${shop.jobs.heartbeat:15s}", delayed = "${shop.jobs.heartbeat:15s}",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void heartbeat() {
        List<Long> ids = List.copyOf(held);
        if (!ids.isEmpty()) {
            QuarkusTransaction.requiringNew().run(() -> BackgroundJob.update(
                    "updatedAt = ?1 where id in ?2 and status in ?3", Instant.now(), ids,
                    List.of(JobStatus.queued, JobStatus.running)));
        }
        failStale();
    }

    /** Marks failed every unfinished job whose heartbeat stopped longer than {@code stale-after} ago. */
    int failStale() {
        Instant now = Instant.now();
        List<Long> mine = List.copyOf(held);
        int stale = QuarkusTransaction.requiringNew().call(() -> BackgroundJob.update(
                "status = ?1, error = ?2, finishedAt = ?3, updatedAt = ?3 where status in ?4 and updatedAt < ?5"
                        + (mine.isEmpty() ? "" : " and id not in ?6"),
                mine.isEmpty()
                        ? new Object[] {JobStatus.failed, INTERRUPTED, now, List.of(JobStatus.queued, JobStatus.running),
                                now.minus(staleAfter)}
                        : new Object[] {JobStatus.failed, INTERRUPTED, now, List.of(JobStatus.queued, JobStatus.running),
                                now.minus(staleAfter), mine}));
        if (stale > 0) {
            LOG.warnf("%d job(s) of a stopped instance marked failed", stale);
            errorReports.report(new ErrorReport("background jobs of a stopped instance", null,
                    stale + " job(s) marked failed: " + INTERRUPTED, null, null));
        }
        return stale;
    }

    void stop(@Observes ShutdownEvent event) {
        lanes.values().forEach(ExecutorService::shutdownNow);
    }
}
