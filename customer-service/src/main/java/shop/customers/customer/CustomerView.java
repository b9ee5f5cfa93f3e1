package shop.customers.customer;

import java.time.Instant;
import java.time.LocalDate;

/**
 * A customer as the API shows it (never the password hash).
 *
 * @param emailConfirmedAt null until the customer confirmed the address with the mailed token
 * @param guest            true for a record an order created without registration
 * @param backInStockMails a favorite coming back in stock is mailed (the customer may turn it off)
 */
public record CustomerView(long id, String firstName, String lastName, String middleName, String email,
                           String phone, LocalDate birthday, String gender, String city, String company,
                           String position, Instant emailConfirmedAt, Instant lastSignInAt, boolean guest,
                           boolean backInStockMails, Instant createdAt, Instant updatedAt) {
    static CustomerView of(Customer c) {
        return new CustomerView(c.id, c.firstName, c.lastName, c.middleName, c.email, c.phone, c.birthday, c.gender,
                c.city, c.company, c.position, c.emailConfirmedAt, c.lastSignInAt, c.guest, c.backInStockMails, c.createdAt, c.updatedAt);
    }
}
