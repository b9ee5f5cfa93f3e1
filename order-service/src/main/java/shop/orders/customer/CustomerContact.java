package shop.orders.customer;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;

/** A customer's contact details as customer-service last announced them (read model of customers.events). */
@Entity
@Table(name = "customer_contact")
public class CustomerContact extends PanacheEntityBase {
    @Id
    @Column(name = "customer_id")
    public Long customerId;
    @Column(name = "first_name")
    public String firstName;
    @Column(name = "last_name")
    public String lastName;
    @Column(name = "middle_name")
    public String middleName;
    public String email;
    public String phone;
    /** CustomerDeleted: the details are dropped, the row stays so an older event cannot bring them back. */
    public boolean deleted;
    @Column(name = "state_at")
    public Instant stateAt;
}
