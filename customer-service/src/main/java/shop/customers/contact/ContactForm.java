package shop.customers.contact;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;

/** A message someone left through the site's contact form. */
@Entity
@Table(name = "contact_form")
public class ContactForm extends PanacheEntityBase {
    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;

    @Column(name = "customer_name")
    public String customerName;

    /** Normalised: {@code +} and 11–14 digits. */
    public String phone;

    public String email;

    public String text;

    @Column(name = "created_at")
    public Instant createdAt = Instant.now();
}
