package shop.commons.events;

import io.opentelemetry.api.trace.Span;
import io.opentelemetry.context.Context;
import io.opentelemetry.context.Scope;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.runtime.ShutdownEvent;
import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.inject.Any;
import jakarta.enterprise.inject.Instance;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;
import shop.commons.domain.Conflict;
import shop.commons.domain.DomainException;
import shop.commons.domain.Unavailable;
import shop.commons.errorreports.ErrorReport;
import shop.commons.errorreports.ErrorReports;
import shop.commons.tracing.EventTracing;
import shop.contracts.EventEnvelope;
import shop.contracts.EventJson;

/**
 * The one way every service consumes an event: each {@code @Incoming} method hands its record to
 * {@link #deliver}, which never throws for a bad record, so no record stops a channel.
 *
 * <ol>
 *   <li>The record is parsed; one that is not an event envelope becomes a dead letter at once (reading it
 *       again would not help). A tombstone (null value) is passed over.</li>
 *   <li>{@link EventHandler#accepts} is asked before any transaction: an event the consumer does not want
 *       costs no database work at all.</li>
 *   <li>In a new transaction: the processed-event check
 *       ({@link ProcessedEvents#firstDelivery}) and {@link EventHandler#handle} — the effect and the
 *       processed-event row commit together, so a redelivered event changes nothing.</li>
 *   <li>A transient failure ({@link TransientFailures}: the database down or restarting, a deadlock, a
 *       lock timeout, an optimistic-lock conflict) is retried with a growing pause, capped, for as long as it
 *       stays transient: an outage of PostgreSQL delays events and turns none into a dead letter. Any
 *       other failure is tried {@code shop.events.failed-attempts} times, then the record becomes a dead
 *       letter ({@link DeadLetters#record}: a {@code dead_letter} row and an outbox message to
 *       {@code <topic>.dlq} in one transaction) and the channel goes on with the next record.</li>
 * </ol>
 *
 * {@code deliver} returns, and the record is acknowledged (its offset committed), only once the event
 * was applied or its dead letter is durable. Ordering: a dead-lettered event is skipped and later events
 * of the same key go on; a replay applies it later, out of order, so handlers that keep "newest state"
 * compare timestamps rather than trusting the order.
 */
@ApplicationScoped
public class EventDelivery {
    private static final Logger LOG = Logger.getLogger(EventDelivery.class);

    @Inject
    ProcessedEvents processed;

    @Inject
    DeadLetters deadLetters;

    @Inject
    EntityManager em;

    /** A consumer span per event, child of the producer's context the record carries. */
    @Inject
    EventTracing tracing;

    /** Dead letters and consumers that cannot go on are reported to the errors chat, if configured. */
    @Inject
    ErrorReports errorReports;

    @ConfigProperty(name = "shop.error-reports.stuck-after", defaultValue = "PT5M")
    Duration stuckAfter;

    @Inject
    @Any
    Instance<EventHandler<?>> handlers;

    @ConfigProperty(name = "shop.events.failed-attempts", defaultValue = "3")
    int failedAttempts;

    @ConfigProperty(name = "shop.events.failed-backoff", defaultValue = "200ms")
    Duration failedBackoff;

    @ConfigProperty(name = "shop.events.transient-backoff", defaultValue = "100ms")
    Duration transientBackoff;

    @ConfigProperty(name = "shop.events.max-backoff", defaultValue = "30s")
    Duration maxBackoff;

    /** Counted down at shutdown: a delivery waiting for its next attempt gives up (the record is not acknowledged). */
    private final CountDownLatch stopping = new CountDownLatch(1);

    private Retries retries;

    @PostConstruct
    void init() {
        retries = new Retries(failedAttempts, transientBackoff, maxBackoff, failedBackoff, TransientFailures::isTransient,
                pause -> {
                    if (stopping.await(pause.toMillis(), TimeUnit.MILLISECONDS)) {
                        throw new InterruptedException("stopping");
                    }
                }).whenStuck(stuckAfter, (what, failure) -> errorReports.report(ErrorReport.of(
                        "consumer stuck: retrying for " + stuckAfter.toString().substring(2).toLowerCase() + " and more",
                        failure, what.replaceAll(" \\(key .*\\)$", ""), null))); // the key may be personal (a client address)
    }

    void stop(@Observes ShutdownEvent shutdown) {
        stopping.countDown();
    }

    /** Applies the record with {@code handler}, or makes it a dead letter; see the class comment. */
    public void deliver(EventHandler<?> handler, ConsumerRecord<String, String> record) {
        SourceRecord source = SourceRecord.of(record);
        deliver(handler, source, read(handler, source, record));
    }

    /**
     * Applies a poll's worth of records (a channel with {@code batch=true}) in their order: those the
     * handler accepts all in one transaction, which saves a commit per event; when that transaction fails
     * for any reason, it left nothing behind and the records are delivered one by one as by
     * {@link #deliver(EventHandler, ConsumerRecord)} (retries, dead letters). The order of each key is kept:
     * a batch holds a partition's records in offset order and they are applied in that order.
     */
    public void deliverAll(EventHandler<?> handler, Iterable<ConsumerRecord<String, String>> records) {
        List<SourceRecord> sources = new ArrayList<>();
        List<Read> reads = new ArrayList<>();
        List<Read> accepted = new ArrayList<>();
        boolean allEvents = true;
        for (ConsumerRecord<String, String> record : records) {
            SourceRecord source = SourceRecord.of(record);
            Read read = read(handler, source, record);
            sources.add(source);
            reads.add(read);
            if (read != null) {
                accepted.add(read);
                allEvents &= read.event() != null; // a record that is no event: the batch falls back below
            }
        }
        if (accepted.size() > 1 && allEvents) {
            try {
                QuarkusTransaction.requiringNew().run(() -> applyAll(handler, accepted));
                return;
            } catch (RuntimeException e) {
                LOG.debugf("%s: a batch of %d events failed (%s); delivering them one by one", handler.consumerName(),
                        accepted.size(), Failures.describe(e));
            }
        }
        for (int i = 0; i < sources.size(); i++) {
            deliver(handler, sources.get(i), reads.get(i));
        }
    }

    /** A record read: its event, or why it is none; and the trace context it carries (tracing). */
    private record Read(EventEnvelope event, IllegalArgumentException notAnEvent, Context trace) {
    }

    /**
     * The record's event, or why it is no event envelope; null for a tombstone or an event the handler
     * does not accept (asked here, before any transaction: most records of a shared topic do not concern
     * a given consumer at all).
     */
    private static Read read(EventHandler<?> handler, SourceRecord source, ConsumerRecord<String, String> record) {
        if (source.value() == null) {
            LOG.debugf("%s: passing over the tombstone %s", handler.consumerName(), source);
            return null;
        }
        try {
            EventEnvelope event = EventJson.read(source.value());
            return handler.accepts(event)
                    ? new Read(event, null, record == null ? Context.root() : EventTracing.parentOf(record.headers()))
                    : null;
        } catch (IllegalArgumentException notAnEvent) {
            return new Read(null, notAnEvent, Context.root());
        }
    }

    void deliver(EventHandler<?> handler, SourceRecord source) {
        deliver(handler, source, read(handler, source, null));
    }

    private void deliver(EventHandler<?> handler, SourceRecord source, Read read) {
        if (read == null) {
            return;
        }
        if (read.event() == null) {
            deadLetter(handler, source, null, read.notAnEvent(), 1); // reading it again would not help
            return;
        }
        EventEnvelope event = read.event();
        String what = handler.consumerName() + " of " + source;
        // tracing: retries, the effect and a dead letter all belong to the event's consumer span
        Span span = startConsume(handler, read);
        RuntimeException failure = null;
        try (Scope traced = span.makeCurrent()) {
            Retries.Outcome outcome = retries.run(what, () -> QuarkusTransaction.requiringNew().run(() -> apply(handler, event)));
            if (!outcome.succeeded()) {
                failure = outcome.failure();
                deadLetter(handler, source, event, outcome.failure(), outcome.attempts());
            }
        } catch (RuntimeException e) {
            failure = e;
            throw e;
        } finally {
            EventTracing.end(span, failure);
        }
    }

    /** Inside the caller's transaction, in order; all at once when there is no processed event to record. */
    private void applyAll(EventHandler<?> handler, List<Read> reads) {
        if (reads.stream().allMatch(read -> handler.processedEventLog(read.event()).isEmpty())) {
            // one call for all: each event gets its span, but none is current (the handler writes them together)
            List<Span> spans = reads.stream().map(read -> startConsume(handler, read)).toList();
            RuntimeException failure = null;
            try {
                handler.handleAll(reads.stream().map(Read::event).toList());
            } catch (RuntimeException e) {
                failure = e;
                throw e;
            } finally {
                for (Span span : spans) {
                    EventTracing.end(span, failure);
                }
            }
        } else {
            for (Read read : reads) {
                Span span = startConsume(handler, read);
                RuntimeException failure = null;
                try (Scope traced = span.makeCurrent()) {
                    apply(handler, read.event());
                } catch (RuntimeException e) {
                    failure = e;
                    throw e;
                } finally {
                    EventTracing.end(span, failure);
                }
            }
        }
    }

    private Span startConsume(EventHandler<?> handler, Read read) {
        EventEnvelope event = read.event();
        return tracing.startConsume(read.trace(), handler.consumerName(), handler.topic(), event.type(),
                String.valueOf(event.eventId()));
    }

    /** Inside the caller's transaction: the handler's filter, the processed-event check, the effect. */
    private void apply(EventHandler<?> handler, EventEnvelope event) {
        if (!handler.accepts(event)) {
            return;
        }
        Optional<String> log = handler.processedEventLog(event);
        if (log.isPresent() && !processed.firstDelivery(event.eventId(), log.get())) {
            return;
        }
        handler.handle(event);
    }

    private void deadLetter(EventHandler<?> handler, SourceRecord source, EventEnvelope event, RuntimeException failure,
                            int attempts) {
        String what = "the dead letter of " + handler.consumerName() + " for " + source;
        // a database outage now delays the dead letter like any event; it is never dropped
        Retries.Outcome written = retries.run(what, () -> QuarkusTransaction.requiringNew().run(() ->
                deadLetters.record(handler.consumerName(), source, event, failure, attempts)));
        if (!written.succeeded()) {
            errorReports.report(ErrorReport.of("consumer stopped: its dead letter cannot be written", written.failure(),
                    handler.consumerName() + " of " + where(source), null));
            // not acknowledged: the channel stops (failure-strategy=fail) and the record comes again after a restart
            throw new IllegalStateException("could not write " + what, written.failure());
        }
        errorReports.report(ErrorReport.of("dead letter (see GET .../dead-letters?consumer=" + handler.consumerName() + ")",
                failure, handler.consumerName() + " of " + where(source), null));
        LOG.errorf("%s: %s could not be applied after %d attempt(s) and went to %s: %s", handler.consumerName(), source,
                attempts, DeadLetterMessage.topicFor(source.topic()), Failures.describe(failure));
    }

    /** The record's place, without its key (a customer's id, say) or value. */
    private static String where(SourceRecord source) {
        return source.topic() + " partition " + source.partition() + " offset " + source.offset();
    }

    /**
     * Staff's replay: runs the dead letter's consumer again on the stored record, once, in the normal
     * idempotent way (an event the consumer applied meanwhile changes nothing). Success marks the dead
     * letter replayed in the same transaction; failure leaves it as it was (with the error noted) and
     * throws {@link ReplayFailed}, or {@link Unavailable} when the failure is transient.
     */
    public DeadLetter replay(long id, String who) {
        DeadLetter letter = deadLetters.get(id);
        EventHandler<?> handler = handler(letter.consumer).orElseThrow(() -> new Conflict(
                "no consumer named " + letter.consumer + " in this service: the dead letter cannot be replayed here"));
        try {
            // the row as this transaction left it (a read after it would see this request's stale copy)
            return QuarkusTransaction.requiringNew().call(() -> {
                DeadLetter locked = em.find(DeadLetter.class, id, LockModeType.PESSIMISTIC_WRITE);
                if (!locked.open()) {
                    throw new Conflict("dead letter " + id + " was already "
                            + (locked.replayedAt != null ? "replayed by " + locked.replayedBy : "discarded by " + locked.discardedBy));
                }
                apply(handler, EventJson.read(locked.value));
                locked.replayedAt = Instant.now();
                locked.replayedBy = who;
                return locked;
            });
        } catch (DomainException e) {
            throw e;
        } catch (RuntimeException e) {
            String error = Failures.describe(e);
            LOG.warnf("replay of dead letter %d (%s) failed: %s", id, letter.consumer, error);
            if (TransientFailures.isTransient(e)) {
                throw new Unavailable("The replay failed for a passing reason; try again: " + error).with("error", error);
            }
            deadLetters.replayFailed(id, error);
            throw new ReplayFailed(letter.consumer, error);
        }
    }

    /** The service's handler of that name, a CDI bean implementing {@link EventHandler}. */
    public Optional<EventHandler<?>> handler(String consumerName) {
        List<EventHandler<?>> found = handlers.stream().filter(h -> h.consumerName().equals(consumerName)).toList();
        if (found.size() > 1) {
            throw new IllegalStateException(found.size() + " event handlers are named " + consumerName);
        }
        return found.stream().findFirst();
    }
}
