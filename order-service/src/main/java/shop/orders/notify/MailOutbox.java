package shop.orders.notify;

import io.quarkus.mailer.Mail;
import io.quarkus.mailer.reactive.ReactiveMailer;
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
import java.time.Instant;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicBoolean;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;

/**
 * Order mails, sent at least once: {@link #enqueue} writes the mail in the caller's transaction (the
 * consumer's, together with its processed-event row), and the mail is sent after that commits — at once
 * by a background thread, and by {@code shop.orders.mail-outbox.interval} for whatever a crash or an SMTP
 * failure left behind. A mail is marked sent in the transaction that locked it, right after the SMTP
 * server accepted it; if that transaction cannot commit (the database went away), the service remembers
 * the mail as sent and records it before sending anything else, so a database outage sends no mail twice.
 * Only a crash of this process between the SMTP server's acceptance and that commit sends one twice, and then
 * with the same {@code Message-ID}, so the receiving side can tell it is a repeat;
 * before, a crash between the consumer's commit and the SMTP conversation lost the mail for good. Rows are locked with {@code skip locked},
 * so several senders (the wake-up, the schedule, replicas) never send one mail twice.
 */
@ApplicationScoped
public class MailOutbox {
    private static final Logger LOG = Logger.getLogger(MailOutbox.class);
    private static final Duration MAX_BACKOFF = Duration.ofHours(1);
    /** Far longer than an SMTP conversation takes, far shorter than a stalled one; then the usual back-off. */
    private static final Duration ATTEMPT_TIMEOUT = Duration.ofSeconds(10);

    @Inject
    EntityManager em;

    @Inject
    ReactiveMailer mailer;

    @Inject
    Event<Queued> queued;

    @ConfigProperty(name = "quarkus.mailer.from", defaultValue = "shop@localhost")
    String from;

    /** Fired by {@link #enqueue}; observed after the commit to send without waiting for the schedule. */
    record Queued() {
    }

    private final AtomicBoolean wakeUpPending = new AtomicBoolean();
    /** Ids the SMTP server accepted whose "sent" has not committed yet (see {@link #recordSentMails}). */
    private final Set<Long> sentNotRecorded = ConcurrentHashMap.newKeySet();
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
            recordSentMails();
            Attempt attempt;
            while ((attempt = QuarkusTransaction.requiringNew().call(this::sendNext)) != Attempt.NOTHING_DUE) {
                if (attempt instanceof Attempt.Sent mail) {
                    sentNotRecorded.remove(mail.id()); // committed: the row says so itself now
                    sent++;
                }
            }
        } catch (RuntimeException e) {
            // the database is away: mails sent meanwhile stay in sentNotRecorded and are recorded, not sent
            // again, by the next run
            LOG.warnf("mail outbox: %s", e.getMessage());
        }
        return sent;
    }

    /**
     * Mails the SMTP server accepted but whose "sent" did not commit (the database went away in between):
     * recorded as sent before anything else is sent, so a database outage never sends a mail twice.
     */
    private void recordSentMails() {
        if (sentNotRecorded.isEmpty()) {
            return;
        }
        List<Long> ids = List.copyOf(sentNotRecorded);
        QuarkusTransaction.requiringNew().run(() -> em.createNativeQuery(
                        "update mail_outbox set sent_at = now(), attempts = attempts + 1 where id in (:ids) and sent_at is null")
                .setParameter("ids", ids).executeUpdate());
        ids.forEach(sentNotRecorded::remove);
    }

    /** What one transaction of {@link #sendNext} did. */
    private sealed interface Attempt {
        Attempt NOTHING_DUE = new NothingDue();
        Attempt FAILED = new Failed();

        record NothingDue() implements Attempt {
        }

        record Failed() implements Attempt {
        }

        record Sent(long id) implements Attempt {
        }
    }

    /**
     * One transaction: lock the oldest due mail, send it, record the outcome. One mail per transaction, not a
     * batch: a crash after the SMTP server accepted mails but before their "sent" committed sends all of
     * them again, so the commit follows each mail (a batch of 20 repeated three mails after one SIGKILL).
     */
    private Attempt sendNext() {
        @SuppressWarnings("unchecked")
        List<Object[]> due = em.createNativeQuery("""
                        select id, recipient, subject, body, attempts, created_at from mail_outbox
                        where sent_at is null and next_attempt_at <= now() and id not in (:skip)
                        order by id limit 1 for update skip locked""")
                .setParameter("skip", sentNotRecorded.isEmpty() ? List.of(-1L) : List.copyOf(sentNotRecorded)) // never empty: "in ()" is no SQL
                .getResultList();
        if (due.isEmpty()) {
            return Attempt.NOTHING_DUE;
        }
        Object[] row = due.get(0);
        long id = ((Number) row[0]).longValue();
        String subject = (String) row[2];
        try {
            // bounded: the mail client has no response timeout of its own, and a stalled conversation held
            // this mail's row lock for good once in CI (customer-service's MailDelivery says more)
            mailer.send(Mail.withText((String) row[1], subject, (String) row[3])
                    .addHeader("Message-ID", messageId(id, toInstant(row[5])))).await().atMost(ATTEMPT_TIMEOUT);
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
            return Attempt.FAILED;
        }
        sentNotRecorded.add(id); // from here on it must never be sent again, whatever the database does
        em.createNativeQuery("update mail_outbox set sent_at = now(), attempts = attempts + 1 where id = :id")
                .setParameter("id", id).executeUpdate();
        return new Attempt.Sent(id);
    }

    /**
     * The mail's own {@code Message-ID}, the same on every attempt: when a crash makes the outbox send a
     * mail again, the receiving mail system (and the reader's client) sees the same message twice and can
     * drop the repeat (RFC 5322 3.6.4). The row's creation time keeps ids apart across databases reset or
     * restored, whose ids start again; the domain is the sender's.
     */
    String messageId(long id, Instant createdAt) {
        String domain = from.substring(from.lastIndexOf('@') + 1).replaceAll("[^A-Za-z0-9.-]", "");
        return "<order-mail." + id + "." + createdAt.toEpochMilli() + "@" + domain + ">";
    }

    private static Instant toInstant(Object timestamp) {
        return timestamp instanceof java.sql.Timestamp t ? t.toInstant()
                : timestamp instanceof java.time.OffsetDateTime o ? o.toInstant() : (Instant) timestamp;
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
