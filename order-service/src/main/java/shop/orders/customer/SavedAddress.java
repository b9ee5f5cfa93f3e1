package shop.orders.customer;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import shop.orders.delivery.DeliveryAddress;

/** A customer's saved delivery address as customer-service last announced it (read model of customers.events). */
@Entity
@Table(name = "customer_address")
public class SavedAddress extends PanacheEntityBase {
    @Id
    @Column(name = "address_id")
    public Long addressId;
    @Column(name = "customer_id")
    public long customerId;
    public String city;
    public String street;
    public String house;
    public String building;
    public String apartment;
    public Integer floor;
    public String postcode;
    public String comment;
    /** AddressRemoved (or the customer deleted): the fields are dropped, the row stays so an older event cannot bring it back. */
    public boolean removed;
    @Column(name = "state_at")
    public Instant stateAt;

    /** A copy for an order. */
    public DeliveryAddress toDeliveryAddress() {
        return DeliveryAddress.of(city, street, house, building, apartment, floor, postcode, comment, addressId);
    }
}
