package shop.orders.status;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/** An entry of the order status dictionary; {@code system} ones cannot be changed or deleted. */
@Entity
@Table(name = "order_status")
public class OrderStatus extends PanacheEntityBase {
    @Id
    public String code;
    public String name;
    public boolean system;
    public int position;
}
