package shop.orders.delivery;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.ArrayList;
import java.util.List;
import shop.commons.domain.Invalid;
import shop.orders.customer.SavedAddresses;

/**
 * Where an order goes, from the three ways a request may say it: {@code address} (fields), {@code addressId}
 * (one of the signed-in customer's saved addresses, copied) or {@code deliveryAddress} (one free-text line, as
 * clients sent before addresses had fields). Exactly one of them.
 */
@ApplicationScoped
public class CheckoutAddresses {
    @Inject
    SavedAddresses saved;

    /**
     * The address as fields, or null when the request gave only the free-text line (the order keeps it as it is).
     * 400 naming the field when none or several are given, or a guest gives {@code addressId}; 404 when
     * {@code addressId} is not one of the customer's saved addresses.
     *
     * @param customerId the signed-in customer placing the order; null for a guest (or staff)
     */
    public DeliveryAddress resolve(AddressRequest address, Long addressId, String deliveryAddress, Long customerId) {
        boolean freeText = deliveryAddress != null && !deliveryAddress.isBlank();
        List<String> given = new ArrayList<>();
        if (address != null) {
            given.add("address");
        }
        if (addressId != null) {
            given.add("addressId");
        }
        if (freeText) {
            given.add("deliveryAddress");
        }
        if (given.isEmpty()) {
            throw deliveryAddress != null ? Invalid.field("deliveryAddress", "must not be blank")
                    : Invalid.field("address", "is required (or addressId of a saved address, or deliveryAddress as one line)");
        }
        if (given.size() > 1) {
            throw Invalid.field(given.get(1), "give only one of " + String.join(", ", given));
        }
        if (address != null) {
            return address.toAddress();
        }
        if (addressId != null) {
            if (customerId == null) {
                throw Invalid.field("addressId", "only a signed-in customer has saved addresses; give address instead");
            }
            return saved.ofCustomer(customerId, addressId).toDeliveryAddress();
        }
        return null;
    }
}
