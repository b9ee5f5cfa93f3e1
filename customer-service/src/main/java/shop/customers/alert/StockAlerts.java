package shop.customers.alert;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.jboss.logging.Logger;
import shop.contracts.catalog.VariantState;
import shop.customers.customer.AccountMails;

/**
 * Back-in-stock mails, fed with every variant state read from {@code catalog.variants}. It keeps the last
 * stock state of each variant and whether each product was in stock ({@link BackInStock}); when a product
 * comes back, every customer who keeps it as a favorite, has a confirmed email and has not turned the mails
 * off ({@code backInStockMails}) gets one mail. Once per return: later stock changes while it stays in stock
 * mail nobody, a sell-out and another return mails again.
 *
 * <p>Idempotent by state, so it needs no processed-event row: a variant's state is applied only when it is
 * newer than the one kept (the event's time), so a redelivered or late record changes nothing and mails
 * nobody. The product's row is locked while deciding, so two variants of one product read from different
 * partitions (or replicas) cannot both announce the same return. Mails leave after the consumer's
 * transaction commits ({@link AccountMails}); a rolled-back batch mails nothing.
 */
@ApplicationScoped
public class StockAlerts {
    private static final Logger LOG = Logger.getLogger(StockAlerts.class);

    @Inject
    EntityManager em;

    @Inject
    AccountMails mails;

    @Transactional(Transactional.TxType.MANDATORY)
    public void variantChanged(VariantState state, Instant at) {
        @SuppressWarnings("unchecked")
        List<Object[]> known = em.createNativeQuery(
                        "select in_stock, state_at from stock_alert_variant where variant_id = :variant for update")
                .setParameter("variant", state.variantId()).getResultList();
        if (!known.isEmpty() && !toInstant(known.get(0)[1]).isBefore(at)) {
            return; // this state or a newer one was applied before: a redelivery or a late record
        }
        Optional<Boolean> variantBefore = known.stream().findFirst().map(row -> (Boolean) row[0]);
        boolean variantNow = BackInStock.inStock(state);
        em.createNativeQuery("""
                        insert into stock_alert_variant (variant_id, product_id, in_stock, state_at)
                        values (:variant, :product, :inStock, :at)
                        on conflict (variant_id) do update
                            set product_id = excluded.product_id, in_stock = excluded.in_stock, state_at = excluded.state_at""")
                .setParameter("variant", state.variantId()).setParameter("product", state.productId())
                .setParameter("inStock", variantNow).setParameter("at", Timestamp.from(at)).executeUpdate();
        if (variantBefore.equals(Optional.of(variantNow))) {
            return; // a stock change that does not cross zero: most records of the topic
        }
        long productId = state.productId();
        Optional<Boolean> productBefore = lockProduct(productId);
        boolean productNow = variantNow || !em.createNativeQuery(
                        "select 1 from stock_alert_variant where product_id = :product and in_stock limit 1")
                .setParameter("product", productId).getResultList().isEmpty();
        boolean cameBack = BackInStock.cameBack(variantBefore, variantNow, productBefore);
        em.createNativeQuery("""
                        update stock_alert_product set in_stock = :now,
                            back_in_stock_at = case when :back then :at else back_in_stock_at end
                        where product_id = :product""")
                .setParameter("product", productId).setParameter("now", productNow).setParameter("back", cameBack)
                .setParameter("at", Timestamp.from(at)).executeUpdate();
        if (cameBack) {
            mailFavoritesOf(state);
        }
    }

    private static Instant toInstant(Object value) {
        if (value instanceof Instant instant) {
            return instant;
        }
        if (value instanceof java.time.OffsetDateTime odt) {
            return odt.toInstant();
        }
        return ((Timestamp) value).toInstant();
    }

    /**
     * The product's last known state, with its row locked; empty when never seen (then the row is made, and
     * locked by being new: a concurrent first sighting waits for this transaction and then reads its result).
     */
    private Optional<Boolean> lockProduct(long productId) {
        int made = em.createNativeQuery("""
                        insert into stock_alert_product (product_id, in_stock) values (:product, false)
                        on conflict (product_id) do nothing""")
                .setParameter("product", productId).executeUpdate();
        if (made == 1) {
            return Optional.empty();
        }
        @SuppressWarnings("unchecked")
        List<Boolean> rows = em.createNativeQuery("select in_stock from stock_alert_product where product_id = :product for update")
                .setParameter("product", productId).getResultList();
        return rows.stream().findFirst();
    }

    private void mailFavoritesOf(VariantState state) {
        @SuppressWarnings("unchecked")
        List<Object[]> recipients = em.createNativeQuery("""
                        select c.email, c.first_name from favorite f join customer c on c.id = f.customer_id
                        where f.product_id = :product and c.deleted_at is null and not c.guest and c.email is not null
                          and c.email_confirmed_at is not null and c.back_in_stock_mails
                        order by c.id""")
                .setParameter("product", state.productId()).getResultList();
        String product = state.productName() != null ? state.productName() : "Product " + state.productId();
        for (Object[] recipient : recipients) {
            mails.send((String) recipient[0], "Back in stock: " + product, """
                    Hello %s,

                    "%s" from your favorites is back in stock (product %d). Stock is limited: order while it lasts.

                    You get this mail because the product is among your favorites. To stop these mails, set
                    backInStockMails to false in your profile (PATCH /api/customers/{id}).
                    """.formatted(recipient[1], product, state.productId()));
        }
        LOG.debugf("product %d is back in stock: %d customers mailed", state.productId(), recipients.size());
    }
}
