package shop.contracts.customers;

/**
 * Payload of GuestOrderLinked on {@code customers.events} (key = customer id): the guest order
 * {@code orderId} belongs to customer {@code customerId} from now on. Sent once the customer has
 * confirmed the email address the order was placed with, never for a mere phone or email match, so
 * registering with someone else's contact does not hand their orders over.
 */
public record GuestOrderLinked(long orderId, long customerId) {
    public static final String TYPE = "GuestOrderLinked";
    public static final int VERSION = 1;
}
