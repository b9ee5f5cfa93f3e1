package shop.customers.customer;

import io.smallrye.common.annotation.Blocking;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.transaction.Transactional;
import java.util.List;
import java.util.Optional;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.eclipse.microprofile.reactive.messaging.Incoming;
import org.jboss.logging.Logger;
import shop.commons.events.EventConsumer;
import shop.commons.events.EventDelivery;
import shop.commons.events.Subscription;
import shop.commons.outbox.Outbox;
import shop.contracts.EventEnvelope;
import shop.contracts.Topics;
import shop.contracts.customers.CustomerChanged;
import shop.contracts.customers.GuestOrderLinked;
import shop.contracts.orders.GuestContact;
import shop.contracts.orders.OrderEvent;

/**
 * Guests who order get a customer record (SPEC), from OrderPlaced of guest orders on {@code orders.events}
 * (consumer group {@code customer-service}): the active customer with the order's email, else the one
 * with its phone, else a new guest record (no password) that a later registration takes over.
 *
 * <p>The order itself is handed to an account (GuestOrderLinked on {@code customers.events}, which
 * order-service applies) only when that account has <em>confirmed</em> the order's email: at once if it
 * already has, otherwise when it confirms it ({@link #emailConfirmed}). A registration takes a guest
 * record over by email or phone without proving either, so the record's id alone must not open the
 * guest's orders to whoever registered.
 *
 * <p>Idempotent: each event once (processed-event log, same transaction), and each order once
 * ({@code guest_order} is keyed by order id), so an order placed again under a new event id changes nothing.
 * An OrderPlaced that cannot be read becomes a dead letter on {@code orders.events.dlq} ({@link EventDelivery}).
 */
@ApplicationScoped
public class GuestOrders extends EventConsumer<OrderEvent> {
    private static final Logger LOG = Logger.getLogger(GuestOrders.class);
    private static final Subscription<OrderEvent> SUBSCRIPTION = Subscription.of("guest-orders", Topics.ORDERS_EVENTS, OrderEvent.class)
            .on(OrderEvent.PLACED);

    public GuestOrders() {
        super(SUBSCRIPTION);
    }

    @Inject
    EntityManager em;

    @Inject
    Outbox outbox;

    @Inject
    CustomerEvents events;

    @Incoming("orders-events")
    @Blocking
    public void onOrderEvents(ConsumerRecords<String, String> records) {
        deliverAll(records);
    }

    @Override
    public boolean accepts(EventEnvelope event) {
        // a customer's own order (no guest contact) is passed over before any transaction
        return super.accepts(event) && event.payload() != null
                && !event.payload().hasNonNull("customerId") && event.payload().hasNonNull("guest");
    }

    @Override
    public void handle(EventEnvelope event, OrderEvent order) {
        GuestContact guest = order.guest();
        if (order.customerId() != null || guest == null) {
            return; // a customer's order, or one placed before order-service sent guest contacts
        }
        String email = trimmed(guest.email());
        if (email == null || trimmed(guest.firstName()) == null || trimmed(guest.lastName()) == null) {
            LOG.warnf("skipping guest order %d of %s: the contact lacks an email or a name", order.orderId(), event.eventId());
            return;
        }
        Optional<String> phone = Phones.normalise(guest.phone());
        Customer customer = recordOf(guest, email, phone);
        int inserted = em.createNativeQuery("""
                        insert into guest_order (order_id, customer_id, email, phone) values (:order, :customer, :email, :phone)
                        on conflict (order_id) do nothing""")
                .setParameter("order", order.orderId()).setParameter("customer", customer.id)
                .setParameter("email", email).setParameter("phone", phone.orElse(trimmed(guest.phone())))
                .executeUpdate();
        if (inserted == 1 && proved(customer, email)) {
            link(order.orderId(), customer);
        }
    }

    /**
     * The customer the guest probably is, or a new guest record. Row-locked, and re-read under the lock,
     * so a confirmation of its email running at the same time either is seen here or sees this order.
     */
    private Customer recordOf(GuestContact guest, String email, Optional<String> phone) {
        Optional<Customer> known = Customer.findActiveByEmail(email).or(() -> phone.flatMap(Customer::findActiveByPhone));
        if (known.isPresent()) {
            em.refresh(known.get(), LockModeType.PESSIMISTIC_WRITE);
            return known.get();
        }
        // "do nothing" on a unique email/phone: a registration that committed them meanwhile wins, found below
        @SuppressWarnings("unchecked")
        List<Number> ids = em.createNativeQuery("""
                        insert into customer (first_name, last_name, email, phone, guest) values (:first, :last, :email, :phone, true)
                        on conflict do nothing returning id""")
                .setParameter("first", cut(guest.firstName(), 100)).setParameter("last", cut(guest.lastName(), 100))
                .setParameter("email", email).setParameter("phone", phone.orElse(null))
                .getResultList();
        if (ids.isEmpty()) {
            return recordOfExisting(email, phone);
        }
        Customer created = Customer.findById(ids.get(0).longValue());
        // announced like a registration (as the legacy import does for its guest records)
        events.publish(CustomerChanged.REGISTERED, created);
        return created;
    }

    private Customer recordOfExisting(String email, Optional<String> phone) {
        Customer customer = Customer.findActiveByEmail(email).or(() -> phone.flatMap(Customer::findActiveByPhone))
                .orElseThrow(() -> new IllegalStateException("guest record for " + email + " neither inserted nor found"));
        em.refresh(customer, LockModeType.PESSIMISTIC_WRITE);
        return customer;
    }

    /**
     * Hands every guest order placed with the customer's (now confirmed) email to it. Called in the
     * transaction that confirms the email, after the confirmation is written.
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public void emailConfirmed(Customer customer) {
        Customer.flush(); // the customer row is locked from here on: a guest order being recorded waits for us
        @SuppressWarnings("unchecked")
        List<Number> orders = em.createNativeQuery("""
                        select order_id from guest_order where linked_customer_id is null and lower(email) = lower(:email)
                        order by order_id for update""")
                .setParameter("email", customer.email).getResultList();
        orders.forEach(order -> link(order.longValue(), customer));
    }

    private void link(long orderId, Customer customer) {
        em.createNativeQuery("update guest_order set linked_customer_id = :customer, linked_at = now() where order_id = :order")
                .setParameter("customer", customer.id).setParameter("order", orderId).executeUpdate();
        outbox.add(Topics.CUSTOMERS_EVENTS, customer.id, GuestOrderLinked.TYPE, GuestOrderLinked.VERSION,
                new GuestOrderLinked(orderId, customer.id));
    }

    /** The account proved it owns the order's email: registered (not a guest record) and confirmed it. */
    private static boolean proved(Customer customer, String email) {
        return !customer.guest && customer.emailConfirmedAt != null && email.equalsIgnoreCase(customer.email);
    }

    private static String trimmed(String s) {
        return s == null || s.isBlank() ? null : s.trim();
    }

    private static String cut(String s, int max) {
        String t = s.trim();
        return t.length() <= max ? t : t.substring(0, max);
    }
}
