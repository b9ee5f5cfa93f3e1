package shop.customers.address;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import shop.commons.outbox.Outbox;
import shop.contracts.Topics;
import shop.contracts.customers.AddressChanged;

/**
 * AddressSaved / AddressRemoved on {@code customers.events} (key = customer id, so they keep their order
 * with the customer's other events), through the outbox in the transaction that changed the address:
 * order-service keeps the addresses to offer them at checkout.
 */
@ApplicationScoped
public class AddressEvents {
    @Inject
    Outbox outbox;

    /** Created or changed: the whole state as it is now. */
    @Transactional(Transactional.TxType.MANDATORY)
    public void saved(CustomerAddress address) {
        publish(AddressChanged.SAVED, address);
    }

    /** Deleted: the last state, so a consumer knows what it forgets. */
    @Transactional(Transactional.TxType.MANDATORY)
    public void removed(CustomerAddress address) {
        publish(AddressChanged.REMOVED, address);
    }

    private void publish(String type, CustomerAddress a) {
        // the id is assigned by the insert: flush a new address before its event names it
        if (a.id == null) {
            CustomerAddress.flush();
        }
        outbox.add(Topics.CUSTOMERS_EVENTS, a.customerId, type, AddressChanged.VERSION,
                new AddressChanged(a.id, a.customerId, a.city, a.street, a.house, a.building, a.apartment, a.floor,
                        a.postcode, a.phone, a.comment));
    }
}
