package shop.contracts.customers;

/**
 * Payload of CustomerRegistered / CustomerUpdated / CustomerDeleted on {@code customers.events}.
 *
 * @param middleName the patronymic, null when the customer has none (added later without a version bump:
 *                   records written before it lack it and read as null)
 */
public record CustomerChanged(long customerId, String firstName, String lastName, String email, String phone,
                              String middleName) {
    public static final String REGISTERED = "CustomerRegistered";
    public static final String UPDATED = "CustomerUpdated";
    public static final String DELETED = "CustomerDeleted";
    public static final int VERSION = 1;
}
