package shop.orders.supplier;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.Map;
import java.util.TreeMap;
import shop.orders.order.Order;
import shop.orders.order.OrderItem;

/**
 * Issues the receipts of a confirmed order: one per supplier in it, numbered 1, 2, 3... per supplier.
 * The counter row is locked by the upsert, so concurrent confirmations never share a number.
 */
@ApplicationScoped
public class SupplierReceipts {
    @Inject
    EntityManager em;

    @Transactional(Transactional.TxType.MANDATORY)
    public void issue(Order order) {
        Map<Long, BigDecimal> subtotals = new TreeMap<>(); // supplier order: counters are locked in one order
        for (OrderItem item : order.items) {
            if (item.supplierId != null) {
                subtotals.merge(item.supplierId, item.lineTotal, BigDecimal::add);
            }
        }
        subtotals.forEach((supplierId, subtotal) -> {
            long number = ((Number) em.createNativeQuery("""
                            insert into supplier_receipt_counter (supplier_id, last_number) values (:s, 1)
                            on conflict (supplier_id) do update set last_number = supplier_receipt_counter.last_number + 1
                            returning last_number""")
                    .setParameter("s", supplierId).getSingleResult()).longValue();
            SupplierReceipt receipt = new SupplierReceipt();
            receipt.orderId = order.id;
            receipt.supplierId = supplierId;
            receipt.number = number;
            receipt.subtotal = subtotal;
            receipt.createdAt = Instant.now();
            receipt.persist();
        });
    }
}
