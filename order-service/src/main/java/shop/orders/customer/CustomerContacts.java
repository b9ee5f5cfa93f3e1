package shop.orders.customer;

import io.smallrye.common.annotation.Blocking;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import java.time.Instant;
import java.util.Optional;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.eclipse.microprofile.reactive.messaging.Incoming;
import shop.commons.events.EventConsumer;
import shop.commons.events.EventDelivery;
import shop.commons.events.Subscription;
import shop.contracts.EventEnvelope;
import shop.contracts.Topics;
import shop.contracts.customers.AddressChanged;
import shop.contracts.customers.CustomerChanged;
import shop.contracts.customers.GuestOrderLinked;
import shop.orders.order.GuestOrderLinks;

/**
 * Keeps {@code customer_contact} in step with {@code customers.events} (read from its beginning by the
 * consumer group {@code order-service}), so orders of a signed-in customer can take the contact details
 * from the profile, keeps their saved delivery addresses ({@link SavedAddresses}) and applies GuestOrderLinked
 * (a guest order handed to the customer that confirmed its email).
 * Idempotent: each event is applied once ({@link EventDelivery}: processed-event log, same transaction), and
 * the state with the latest {@code occurredAt} wins, so a late older event changes nothing. A payload that
 * cannot be read becomes a dead letter on {@code customers.events.dlq}.
 */
@ApplicationScoped
public class CustomerContacts extends EventConsumer<Record> {
    private static final Subscription<Record> SUBSCRIPTION = Subscription.of("customer-contacts", Topics.CUSTOMERS_EVENTS, Record.class)
            .on(CustomerChanged.class, CustomerChanged.REGISTERED, CustomerChanged.UPDATED, CustomerChanged.DELETED)
            .on(GuestOrderLinked.class, GuestOrderLinked.TYPE)
            .on(AddressChanged.class, AddressChanged.SAVED, AddressChanged.REMOVED);

    public CustomerContacts() {
        super(SUBSCRIPTION);
    }

    @Inject
    EntityManager em;

    @Inject
    GuestOrderLinks guestOrders;

    @Inject
    SavedAddresses addresses;

    @Incoming("customers-events")
    @Blocking
    public void onCustomerEvents(ConsumerRecords<String, String> records) {
        deliverAll(records);
    }

    @Override
    public void handle(EventEnvelope event, Record payload) {
        if (payload instanceof GuestOrderLinked link) {
            // same topic and consumer: a customer's events stay in order (key = customer id)
            guestOrders.link(link.orderId(), link.customerId());
            return;
        }
        Instant at = event.occurredAt() != null ? event.occurredAt() : Instant.now();
        if (payload instanceof AddressChanged address) {
            addresses.apply(address, AddressChanged.REMOVED.equals(event.type()), at);
            return;
        }
        CustomerChanged customer = (CustomerChanged) payload;
        boolean deleted = CustomerChanged.DELETED.equals(event.type());
        if (deleted) {
            addresses.forgetCustomer(customer.customerId(), at);
        }
        em.createNativeQuery("""
                        insert into customer_contact (customer_id, first_name, last_name, middle_name, email, phone,
                            deleted, state_at)
                        values (:id, :firstName, :lastName, :middleName, :email, :phone, :deleted, :at)
                        on conflict (customer_id) do update set first_name = excluded.first_name,
                            last_name = excluded.last_name, middle_name = excluded.middle_name,
                            email = excluded.email, phone = excluded.phone,
                            deleted = excluded.deleted, state_at = excluded.state_at
                        where customer_contact.state_at <= excluded.state_at""")
                .setParameter("id", customer.customerId())
                // a deleted customer's details are not kept
                .setParameter("firstName", deleted ? null : blankToNull(customer.firstName()))
                .setParameter("lastName", deleted ? null : blankToNull(customer.lastName()))
                .setParameter("middleName", deleted ? null : blankToNull(customer.middleName()))
                .setParameter("email", deleted ? null : blankToNull(customer.email()))
                .setParameter("phone", deleted ? null : blankToNull(customer.phone()))
                .setParameter("deleted", deleted)
                .setParameter("at", at)
                .executeUpdate();
    }

    /** The customer's current details; empty when customer-service has not announced the customer (yet) or deleted it. */
    public Optional<CustomerContact> of(long customerId) {
        return CustomerContact.<CustomerContact>findByIdOptional(customerId).filter(c -> !c.deleted);
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s.trim();
    }
}
