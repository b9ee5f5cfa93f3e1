package shop.customers.customer;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import shop.commons.outbox.Outbox;
import shop.contracts.Topics;
import shop.contracts.customers.CustomerChanged;

/** CustomerRegistered / CustomerUpdated / CustomerDeleted on {@code customers.events}, through the outbox. */
@ApplicationScoped
public class CustomerEvents {
    @Inject
    Outbox outbox;

    @Transactional(Transactional.TxType.MANDATORY)
    public void publish(String type, Customer c) {
        outbox.add(Topics.CUSTOMERS_EVENTS, c.id, type, CustomerChanged.VERSION,
                new CustomerChanged(c.id, c.firstName, c.lastName, c.email, c.phone, c.middleName));
    }
}
