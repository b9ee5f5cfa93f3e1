package shop.orders.expiry;

import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.persistence.EntityManager;
import java.time.Instant;
import java.util.List;
import java.util.function.LongConsumer;

/**
 * The walk both expiry jobs make over the orders a "due" query finds: in id order, a batch of ids per
 * short transaction, each order then handled on its own (the handler locks and re-checks it). Orders
 * a handler passes over (another replica holds them, the provider cannot answer yet) are not looped on.
 *
 * @param dueQuery {@code select o.id from customer_order o where ...} with a {@code :cutoff} parameter
 */
record DueOrders(EntityManager em, String dueQuery) {
    static final int BATCH = 50;

    void forEach(Instant cutoff, LongConsumer handler) {
        long after = 0;
        List<Long> due;
        do {
            long from = after;
            due = QuarkusTransaction.requiringNew().call(() -> batch(cutoff, from));
            for (long id : due) {
                handler.accept(id);
                after = id;
            }
        } while (due.size() == BATCH);
    }

    /** Locks the order if it is still due ({@code FOR UPDATE SKIP LOCKED}); false when not (or held elsewhere). */
    boolean lockIfStillDue(long orderId, Instant cutoff) {
        return !em.createNativeQuery(dueQuery + " and o.id = :id for update of o skip locked")
                .setParameter("cutoff", cutoff).setParameter("id", orderId).getResultList().isEmpty();
    }

    private List<Long> batch(Instant cutoff, long after) {
        @SuppressWarnings("unchecked")
        List<Number> ids = em.createNativeQuery(dueQuery + " and o.id > :after order by o.id limit :batch")
                .setParameter("cutoff", cutoff).setParameter("after", after).setParameter("batch", BATCH)
                .getResultList();
        return ids.stream().map(Number::longValue).toList();
    }
}
