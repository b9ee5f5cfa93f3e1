package shop.orders.customer;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import java.time.Instant;
import java.util.Optional;
import shop.commons.domain.NotFound;
import shop.contracts.customers.AddressChanged;

/**
 * The customers' saved delivery addresses, kept from AddressSaved / AddressRemoved on customers.events (applied
 * by {@link CustomerContacts}, the one consumer of that topic, so a customer's events stay in order). The state
 * with the latest {@code occurredAt} wins; a removal keeps the row without its fields.
 */
@ApplicationScoped
public class SavedAddresses {
    @Inject
    EntityManager em;

    /** Applies AddressSaved ({@code removed} false) or AddressRemoved. */
    void apply(AddressChanged address, boolean removed, Instant at) {
        em.createNativeQuery("""
                        insert into customer_address (address_id, customer_id, city, street, house, building, apartment,
                            floor, postcode, comment, removed, state_at)
                        values (:id, :customerId, :city, :street, :house, :building, :apartment, :floor, :postcode,
                            :comment, :removed, :at)
                        on conflict (address_id) do update set customer_id = excluded.customer_id,
                            city = excluded.city, street = excluded.street, house = excluded.house,
                            building = excluded.building, apartment = excluded.apartment, floor = excluded.floor,
                            postcode = excluded.postcode, comment = excluded.comment, removed = excluded.removed,
                            state_at = excluded.state_at
                        where customer_address.state_at <= excluded.state_at""")
                .setParameter("id", address.addressId())
                .setParameter("customerId", address.customerId())
                // a removed address's details are not kept
                .setParameter("city", removed ? null : address.city())
                .setParameter("street", removed ? null : address.street())
                .setParameter("house", removed ? null : address.house())
                .setParameter("building", removed ? null : address.building())
                .setParameter("apartment", removed ? null : address.apartment())
                .setParameter("floor", removed ? null : address.floor())
                .setParameter("postcode", removed ? null : address.postcode())
                .setParameter("comment", removed ? null : address.comment())
                .setParameter("removed", removed)
                .setParameter("at", at)
                .executeUpdate();
    }

    /** CustomerDeleted: none of the customer's addresses can be used or is kept. */
    void forgetCustomer(long customerId, Instant at) {
        em.createNativeQuery("""
                        update customer_address set city = null, street = null, house = null, building = null,
                            apartment = null, floor = null, postcode = null, comment = null, removed = true, state_at = :at
                        where customer_id = :customerId and state_at <= :at""")
                .setParameter("customerId", customerId)
                .setParameter("at", at)
                .executeUpdate();
    }

    /**
     * The customer's saved address {@code addressId}. 404 when it is not theirs, removed, or not known here
     * (yet: customer-service's event may still be on its way); another customer's address is answered exactly
     * like an unknown one, so ids reveal nothing.
     */
    public SavedAddress ofCustomer(long customerId, long addressId) {
        return Optional.ofNullable(SavedAddress.<SavedAddress>findById(addressId))
                .filter(a -> !a.removed && a.customerId == customerId)
                .orElseThrow(() -> new NotFound("You have no saved address " + addressId
                        + " (a just-saved address may take a moment to reach checkout)").with("addressId", addressId));
    }
}
