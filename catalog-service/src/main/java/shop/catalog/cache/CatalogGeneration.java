package shop.catalog.cache;

import jakarta.inject.Inject;
import jakarta.inject.Singleton;
import jakarta.transaction.Status;
import jakarta.transaction.Synchronization;
import jakarta.transaction.TransactionSynchronizationRegistry;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import org.jboss.logging.Logger;

/**
 * The catalog's data generation: a number that moves whenever a transaction that writes catalog data
 * starts writing and again when it ends (committed or rolled back), plus the number of such transactions
 * under way. {@link RenderedAnswers} keeps an answer under the generation read <em>before</em> its queries,
 * and only when no writing transaction was under way then; an answer is served only while the generation
 * is still the one it was kept under. Why that never shows data older than a commit:
 * <ul>
 *   <li>a write that committed before the answer's queries started is in the answer (its transaction had
 *       ended, so its after-completion bump came before the read of the generation);</li>
 *   <li>a write that was under way when the answer was read keeps it from being stored at all, so a query
 *       that ran on the snapshot just before that commit is never kept;</li>
 *   <li>a write that starts later moves the generation at its first statement, before it can commit, so
 *       the answer is dead before the commit can be seen by anyone.</li>
 * </ul>
 * Whoever caused a commit learns of it only after the after-completion bump (the saga's reply goes out
 * afterwards through the outbox; a REST change answers after its commit), so it never reads the page from
 * before its own change. A long import keeps answers from being stored while it runs (they are computed
 * each time then); that costs speed, never freshness.
 *
 * <p>Writes are reported by {@link CatalogWriteInspector} for every statement Hibernate runs, native SQL
 * included; code that writes catalog tables with plain JDBC ({@code Session.doWork}) calls
 * {@link #writing()} itself. Other catalog instances' commits arrive through {@link PeerCatalogChanges}, which
 * also tells them of this one's; while it cannot hear them, no answer is kept.
 */
@Singleton
public class CatalogGeneration {
    private static final Logger LOG = Logger.getLogger(CatalogGeneration.class);
    private static final Object REGISTERED = CatalogGeneration.class.getName() + ".registered";

    private final AtomicLong generation = new AtomicLong(1);
    private final AtomicInteger writers = new AtomicInteger();

    @Inject
    TransactionSynchronizationRegistry transactions;

    @Inject
    PeerCatalogChanges peers;

    /**
     * To be read before the queries of an answer: the generation to keep it under, or 0 when a writing
     * transaction is under way and the answer must not be kept.
     */
    public long beforeRead() {
        long current = generation.get();
        return writers.get() == 0 && peers.inSync() ? current : 0;
    }

    /** Another catalog instance committed a change (or may have, unheard): every kept answer is dead. */
    void changedElsewhere() {
        generation.incrementAndGet();
    }

    /** The generation now: a kept answer is good while this is the one it was kept under. */
    public long current() {
        return generation.get();
    }

    /**
     * The current transaction writes (or is about to write) catalog data. Cheap after the first call of a
     * transaction. Outside a transaction (Hibernate refuses writes there; plain JDBC in autocommit would
     * be a bug) the generation is only moved.
     */
    public void writing() {
        int status = transactions.getTransactionStatus();
        if (status == Status.STATUS_NO_TRANSACTION) {
            generation.incrementAndGet();
            peers.committed();
            return;
        }
        if (transactions.getResource(REGISTERED) != null) {
            return;
        }
        try {
            transactions.registerInterposedSynchronization(new Ended());
        } catch (RuntimeException e) {
            // cannot happen while the transaction runs or flushes; if it does, no answer may be kept after it
            LOG.warnf(e, "Could not follow a catalog write's transaction (status %d); cached answers are dropped", status);
            generation.incrementAndGet();
            return;
        }
        transactions.putResource(REGISTERED, Boolean.TRUE);
        writers.incrementAndGet();
        generation.incrementAndGet();
    }

    private final class Ended implements Synchronization {
        @Override
        public void beforeCompletion() {
        }

        @Override
        public void afterCompletion(int status) {
            generation.incrementAndGet();
            writers.decrementAndGet();
            if (status == Status.STATUS_COMMITTED) {
                peers.committed();
            }
        }
    }
}
