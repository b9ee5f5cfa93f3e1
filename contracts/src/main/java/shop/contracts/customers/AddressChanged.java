package shop.contracts.customers;

/**
 * Payload of AddressSaved / AddressRemoved on {@code customers.events} (key = customer id, so a customer's
 * address events stay in order with their other events): the whole current state of one saved delivery
 * address, so order-service can let a customer check out with it without asking customer-service.
 * AddressRemoved carries the last state; consumers forget the address.
 */
public record AddressChanged(long addressId, long customerId, String city, String street, String house,
                             String building, String apartment, Integer floor, String postcode, String phone,
                             String comment) {
    public static final String SAVED = "AddressSaved";
    public static final String REMOVED = "AddressRemoved";
    public static final int VERSION = 1;
}
