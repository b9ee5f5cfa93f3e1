package shop.customers.customer;

import java.time.Instant;

/** A customer as the API shows it (never the password hash). */
public record CustomerView(long id, String firstName, String lastName, String middleName, String email,
                           String phone, Instant createdAt) {
    static CustomerView of(Customer c) {
        return new CustomerView(c.id, c.firstName, c.lastName, c.middleName, c.email, c.phone, c.createdAt);
    }
}
