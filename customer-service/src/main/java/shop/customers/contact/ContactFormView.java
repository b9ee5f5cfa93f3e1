package shop.customers.contact;

import java.time.Instant;

/** A contact form message as staff see it; also what the notifications are made from. */
public record ContactFormView(long id, String customerName, String phone, String email, String text, Instant createdAt) {
    static ContactFormView of(ContactForm f) {
        return new ContactFormView(f.id, f.customerName, f.phone, f.email, f.text, f.createdAt);
    }
}
