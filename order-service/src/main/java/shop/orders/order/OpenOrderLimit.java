package shop.orders.order;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import java.util.List;
import java.util.Locale;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import shop.commons.domain.Conflict;
import shop.orders.cart.CartOwner;

/**
 * At most {@code shop.orders.open-limit} open orders per client: each open order may hold reserved
 * stock, so one client must not be able to hold the shop's stock with a pile of orders it never pays.
 * Open = not in a final status, not paid and not shipped. A signed-in customer is counted by its id,
 * a guest by its contact: every open order with the same email (regardless of case) or the same phone
 * (digits, a leading 8 of 11 digits read as 7; SQL function {@code order_contact_phone}).
 */
@ApplicationScoped
public class OpenOrderLimit {
    private static final String OPEN = """
            paid_at is null and shipped_at is null and status not in ('rejected', 'delivered', 'cancelled')""";

    @ConfigProperty(name = "shop.orders.open-limit", defaultValue = "5")
    int limit;

    @Inject
    EntityManager em;

    /**
     * Refuses (409) an order that would be the client's {@code limit + 1}th open one. Takes an advisory
     * lock per counted key until the transaction ends, so two orders placed at the same moment are
     * counted one after the other.
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public void check(CartOwner owner, PlaceOrderRequest.Contact contact) {
        long open;
        if (owner.isCustomer()) {
            lock("customer:" + owner.customerId());
            open = count("customer_id = :customer", "customer", owner.customerId());
        } else {
            String email = contact.email().toLowerCase(Locale.ROOT);
            String phone = (String) em.createNativeQuery("select order_contact_phone(:phone)")
                    .setParameter("phone", contact.phone()).getSingleResult();
            // both keys, always in this order: two guests sharing one of them cannot deadlock
            lock("email:" + email);
            lock("phone:" + phone);
            open = ((Number) em.createNativeQuery("select count(*) from customer_order where " + OPEN
                            + " and (lower(email) = :email or order_contact_phone(phone) = :phone)")
                    .setParameter("email", email).setParameter("phone", phone).getSingleResult()).longValue();
        }
        if (open >= limit) {
            throw new Conflict("Too many open orders",
                    "There are already " + open + " open orders for " + (owner.isCustomer() ? "your account" : "this email or phone")
                            + " (at most " + limit + " may be open at a time); a new order can be placed once one of them is"
                            + " paid, shipped or cancelled").with("openOrders", open).with("limit", limit);
        }
    }

    private long count(String where, String name, Object value) {
        return ((Number) em.createNativeQuery("select count(*) from customer_order where " + OPEN + " and " + where)
                .setParameter(name, value).getSingleResult()).longValue();
    }

    private void lock(String key) {
        em.createNativeQuery("select pg_advisory_xact_lock(hashtextextended(:k, 0))")
                .setParameter("k", "open-orders|" + key).getSingleResult();
    }
}
