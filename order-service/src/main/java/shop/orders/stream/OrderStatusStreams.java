package shop.orders.stream;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.runtime.StartupEvent;
import io.quarkus.runtime.configuration.DurationConverter;
import io.quarkus.scheduler.Scheduled;
import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.event.TransactionPhase;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.hibernate.query.NativeQuery;
import org.hibernate.type.StandardBasicTypes;
import org.jboss.logging.Logger;
import shop.commons.domain.NotFound;
import shop.orders.order.OrderWorkflow;

/**
 * The open status streams of this instance, by order. A status change made here reaches them right after
 * its transaction commits ({@link OrderWorkflow.StatusChanged}). A change made by another replica does
 * not: for that, every {@code shop.orders.status-stream.recheck-interval} (while streams are open) the
 * statuses of all orders with an open stream are read again in one query and whatever is newer is sent,
 * so no stream waits longer than that. A comment goes to every stream every {@code shop.orders.status-stream.heartbeat}, so that
 * proxies (the gateway's idle timeout included) never see a silent connection.
 */
@ApplicationScoped
public class OrderStatusStreams {
    /** Orders re-read per query. */
    private static final int RECHECK_BATCH = 1000;

    private static final Logger LOG = Logger.getLogger(OrderStatusStreams.class);

    private final Map<Long, Set<OrderStatusStream>> open = new ConcurrentHashMap<>();

    @ConfigProperty(name = "shop.orders.status-stream.recheck-interval")
    String recheckInterval;

    private ScheduledExecutorService recheck;

    @Inject
    EntityManager em;

    /** A new stream of the order, registered before its current status is read so no change slips between. */
    OrderStatusStream open(long orderId) {
        OrderStatusStream stream = new OrderStatusStream(orderId, this::forget);
        open.compute(orderId, (id, streams) -> {
            Set<OrderStatusStream> set = streams != null ? streams : ConcurrentHashMap.newKeySet();
            set.add(stream);
            return set;
        });
        return stream;
    }

    /** Ends a stream that was never handed to a client (its request failed or needs no stream). */
    void close(OrderStatusStream stream) {
        stream.end();
        forget(stream);
    }

    private void forget(OrderStatusStream stream) {
        open.computeIfPresent(stream.orderId, (id, streams) -> {
            streams.remove(stream);
            return streams.isEmpty() ? null : streams;
        });
    }

    /** Streams open on this instance (all orders). */
    public int openStreams() {
        return open.values().stream().mapToInt(Set::size).sum();
    }

    /**
     * The order's status and the version of that status, read in one statement of a transaction of its own.
     * One statement sees one snapshot, so the two always agree: reading the status from an entity loaded
     * earlier and the version afterwards could pair the old status with the version of a change committed
     * in between, and the stream would then drop that change as "not newer" and never show it.
     */
    OrderStatusView current(long orderId) {
        List<OrderStatusView> views = QuarkusTransaction.requiringNew().call(() -> read(List.of(orderId)));
        if (views.isEmpty()) { // deleted since the caller's access check (a guest order past its retention)
            throw NotFound.of("order", orderId);
        }
        return views.get(0);
    }

    void statusChanged(@Observes(during = TransactionPhase.AFTER_SUCCESS) OrderWorkflow.StatusChanged change) {
        Set<OrderStatusStream> streams = open.get(change.orderId());
        if (streams == null) {
            return;
        }
        OrderStatusView view = OrderStatusView.of(change.orderId(), change.status(), change.reason(), change.updatedAt(),
                change.changeId());
        streams.forEach(stream -> stream.offer(view));
    }

    @Scheduled(identity = "order-status-stream-heartbeat", every = "${shop.orders.status-stream.heartbeat}",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void heartbeat() {
        open.values().forEach(streams -> streams.forEach(OrderStatusStream::heartbeat));
    }

    /**
     * Re-reads on a thread of its own: the Quarkus scheduler looks at its triggers once a second, so an
     * interval below that (250 ms by default) would silently become a second.
     */
    void startRecheck(@Observes StartupEvent event) {
        if (recheckInterval.equalsIgnoreCase("off") || recheckInterval.equalsIgnoreCase("disabled")) {
            return;
        }
        long millis = DurationConverter.parseDuration(recheckInterval).toMillis();
        recheck = Executors.newSingleThreadScheduledExecutor(runnable -> {
            Thread thread = new Thread(runnable, "order-status-stream-recheck");
            thread.setDaemon(true);
            return thread;
        });
        recheck.scheduleWithFixedDelay(() -> {
            try {
                recheckNow();
            } catch (RuntimeException e) { // the database away for a moment: the next round tries again
                LOG.debugf("re-reading streamed order statuses: %s", e.getMessage());
            }
        }, millis, millis, TimeUnit.MILLISECONDS);
    }

    @PreDestroy
    void stopRecheck() {
        if (recheck != null) {
            recheck.shutdownNow();
        }
    }

    /** Reads the status of every order with an open stream and sends what is newer (changes of other replicas). */
    public void recheckNow() {
        if (open.isEmpty()) {
            return;
        }
        List<Long> ids = new ArrayList<>(open.keySet());
        for (int from = 0; from < ids.size(); from += RECHECK_BATCH) {
            List<Long> batch = ids.subList(from, Math.min(ids.size(), from + RECHECK_BATCH));
            List<OrderStatusView> views = QuarkusTransaction.requiringNew().call(() -> read(batch));
            for (OrderStatusView view : views) {
                Set<OrderStatusStream> streams = open.get(view.id());
                if (streams != null) {
                    streams.forEach(stream -> stream.offer(view));
                }
            }
        }
    }

    /**
     * Native SQL on purpose: Hibernate parses HQL with ANTLR, and the first parses of this query (a subquery in
     * the select list) by the two dozen streams a burst of clients opens at once took over 100 MB between
     * them before its plan was cached: order-service ran out of heap right after start.
     */
    @SuppressWarnings("unchecked")
    private List<OrderStatusView> read(List<Long> ids) {
        List<Object[]> rows = em.createNativeQuery("""
                        select o.id, o.status, o.reason, o.updated_at,
                               (select max(c.id) from order_status_change c where c.order_id = o.id) as version
                        from customer_order o where o.id in (:ids)""")
                .setParameter("ids", ids)
                .unwrap(NativeQuery.class)
                .addScalar("id", StandardBasicTypes.LONG)
                .addScalar("status", StandardBasicTypes.STRING)
                .addScalar("reason", StandardBasicTypes.STRING)
                .addScalar("updated_at", StandardBasicTypes.INSTANT)
                .addScalar("version", StandardBasicTypes.LONG)
                .getResultList();
        return rows.stream()
                .map(r -> OrderStatusView.of((Long) r[0], (String) r[1], (String) r[2], (Instant) r[3],
                        r[4] == null ? 0 : (Long) r[4]))
                .toList();
    }
}
