package shop.customers.address;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.Optional;
import shop.customers.common.FieldProblems;

/** A delivery address a customer saved for later orders. */
@Entity
@Table(name = "customer_address")
public class CustomerAddress extends PanacheEntityBase {
    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;

    @Column(name = "customer_id")
    public long customerId;

    public String city;
    public String street;
    public String house;
    public String building;
    public String apartment;
    public Integer floor;

    /** Normalised: {@code +} and 11–14 digits. */
    public String phone;

    public String comment;

    /** 6 digits; null when not given. */
    public String postcode;

    @Column(name = "created_at")
    public Instant createdAt = Instant.now();

    @Column(name = "updated_at")
    public Instant updatedAt = Instant.now();

    /** Looked up within the customer: another customer's address id is simply not found. */
    static Optional<CustomerAddress> findOf(long customerId, long id) {
        return find("id = ?1 and customerId = ?2", id, customerId).firstResultOptional();
    }

    void apply(AddressFields fields, String normalisedPhone) {
        city = fields.city().trim();
        street = fields.street().trim();
        house = fields.house().trim();
        building = FieldProblems.trimToNull(fields.building());
        apartment = FieldProblems.trimToNull(fields.apartment());
        floor = fields.floor();
        phone = normalisedPhone;
        comment = FieldProblems.trimToNull(fields.comment());
        postcode = FieldProblems.trimToNull(fields.postcode());
        updatedAt = Instant.now();
    }
}
