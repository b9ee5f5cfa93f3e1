package shop.orders.notify;

import io.quarkus.mailer.Mail;
import io.quarkus.mailer.Mailer;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.scheduler.Scheduled;
import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.event.TransactionPhase;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicBoolean;
import org.jboss.logging.Logger;

/**
 * Order mails, sent at least once: {@link #enqueue} writes the mail in the caller's transaction (the
 * consumer's, together with its processed-event row), and the mail is sent after that commits — at once
 * by a background thread, and by {@code shop.orders.mail-outbox.interval} for whatever a crash or an SMTP
 * failure left behind. A mail is marked sent in the transaction that locked it, right after the SMTP
 * server accepted it, so only a crash in that instant sends it twice; before, a crash between the
 * consumer's commit and the SMTP conversation lost it for good. Rows are locked with {@code skip locked},
 * so several senders (the wake-up, the schedule, replicas) never send one mail twice.
 */
@ApplicationScoped
public class MailOutbox {
    private static final Logger LOG = Logger.getLogger(MailOutbox.class);
    private static final int BATCH = 20;
    private static final Duration MAX_BACKOFF = Duration.ofHours(1);

    @Inject
    EntityManager em;

    @Inject
    Mailer mailer;

    @Inject
    Event<Queued> queued;

    /** Fired by {@link #enqueue}; observed after the commit to send without waiting for the schedule. */
    record Queued() {
    }

    private final AtomicBoolean wakeUpPending = new AtomicBoolean();
    private final ExecutorService sender = Executors.newSingleThreadExecutor(runnable -> {
        Thread thread = new Thread(runnable, "mail-outbox");
        thread.setDaemon(true);
        return thread;
    });

    /** Queues a mail in the current transaction; it is sent once the transaction commits. */
    @Transactional(Transactional.TxType.MANDATORY)
    public void enqueue(String to, String subject, String text) {
        em.createNativeQuery("insert into mail_outbox (recipient, subject, body) values (:to, :subject, :body)")
                .setParameter("to", to)
                .setParameter("subject", subject)
                .setParameter("body", text)
                .executeUpdate();
        queued.fire(new Queued());
    }

    void afterCommit(@Observes(during = TransactionPhase.AFTER_SUCCESS) Queued mail) {
        if (wakeUpPending.compareAndSet(false, true)) { // one wake-up per burst of commits
            sender.execute(() -> {
                wakeUpPending.set(false);
                sendDue();
            });
        }
    }

    @Scheduled(identity = "mail-outbox", every = "${shop.orders.mail-outbox.interval:10s}",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void onSchedule() {
        sendDue();
    }

    /** Sends every mail that is due; answers how many were sent. */
    public int sendDue() {
        int sent = 0;
        try {
            int[] batch;
            do {
                batch = QuarkusTransaction.requiringNew().call(this::sendBatch);
                sent += batch[0];
            } while (batch[1] == BATCH);
        } catch (RuntimeException e) {
            // the database is away: what is left is sent by the next run
            LOG.warnf("mail outbox: %s", e.getMessage());
        }
        return sent;
    }

    /** One transaction: lock up to BATCH due mails, send each, record the outcome. Answers {sent, locked}. */
    private int[] sendBatch() {
        @SuppressWarnings("unchecked")
        List<Object[]> due = em.createNativeQuery("""
                        select id, recipient, subject, body, attempts from mail_outbox
                        where sent_at is null and next_attempt_at <= now()
                        order by id limit :batch for update skip locked""")
                .setParameter("batch", BATCH)
                .getResultList();
        int sent = 0;
        for (Object[] row : due) {
            long id = ((Number) row[0]).longValue();
            String subject = (String) row[2];
            try {
                mailer.send(Mail.withText((String) row[1], subject, (String) row[3]));
                em.createNativeQuery("update mail_outbox set sent_at = now(), attempts = attempts + 1 where id = :id")
                        .setParameter("id", id).executeUpdate();
                sent++;
            } catch (RuntimeException e) {
                int attempts = ((Number) row[4]).intValue() + 1;
                Duration wait = backoff(attempts);
                LOG.errorf("could not mail '%s' (attempt %d, next in %s): %s", subject, attempts, wait, e.getMessage());
                em.createNativeQuery("""
                                update mail_outbox set attempts = :attempts, last_error = :error,
                                    next_attempt_at = now() + make_interval(secs => :wait)
                                where id = :id""")
                        .setParameter("attempts", attempts)
                        .setParameter("error", String.valueOf(e.getMessage()))
                        .setParameter("wait", (double) wait.toSeconds())
                        .setParameter("id", id)
                        .executeUpdate();
            }
        }
        return new int[] {sent, due.size()};
    }

    /** 2 s, 4 s, 8 s ... up to an hour: an SMTP server that is down is not hammered. */
    static Duration backoff(int attempts) {
        long seconds = 1L << Math.min(attempts, 12);
        return seconds > MAX_BACKOFF.toSeconds() ? MAX_BACKOFF : Duration.ofSeconds(seconds);
    }

    @PreDestroy
    void stop() {
        sender.shutdownNow();
    }
}
