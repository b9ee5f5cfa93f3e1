package shop.contracts.orders;

/**
 * Who placed a guest order (no account signed in), carried by OrderPlaced so that customer-service
 * can keep a customer record for the guest and hand the order to the account that later proves the
 * email address (SPEC: guests who order get a customer record). Null on every other event.
 */
public record GuestContact(String firstName, String lastName, String email, String phone) {
}
