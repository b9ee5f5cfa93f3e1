package shop.contracts.customers;

/** Payload of CustomerRegistered / CustomerUpdated / CustomerDeleted on {@code customers.events}. */
public record CustomerChanged(long customerId, String firstName, String lastName, String email, String phone) {
    public static final String REGISTERED = "CustomerRegistered";
    public static final String UPDATED = "CustomerUpdated";
    public static final String DELETED = "CustomerDeleted";
    public static final int VERSION = 1;
}
