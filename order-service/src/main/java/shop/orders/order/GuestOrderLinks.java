package shop.orders.order;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import org.jboss.logging.Logger;

/**
 * GuestOrderLinked from customer-service: a guest order belongs to a customer from now on (the customer
 * confirmed the email the order was placed with), so it appears in that customer's order list and the
 * customer may read and cancel it like its own. Only a guest order is changed: an order that already
 * has a customer keeps it, so a redelivery or a late event changes nothing.
 */
@ApplicationScoped
public class GuestOrderLinks {
    private static final Logger LOG = Logger.getLogger(GuestOrderLinks.class);

    @Inject
    EntityManager em;

    @Transactional(Transactional.TxType.MANDATORY)
    public void link(long orderId, long customerId) {
        int changed = em.createNativeQuery("update customer_order set customer_id = :customer, version = version + 1 where id = :order and customer_id is null")
                .setParameter("customer", customerId).setParameter("order", orderId).executeUpdate();
        if (changed == 0) {
            LOG.debugf("guest order %d not linked to customer %d: unknown, or not a guest order", orderId, customerId);
        }
    }
}
