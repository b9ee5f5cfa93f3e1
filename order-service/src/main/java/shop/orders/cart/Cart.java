package shop.orders.cart;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.UUID;

/** A signed-in customer's cart (customerId) or a guest's (token); its lines are {@link CartItem}s. */
@Entity
@Table(name = "cart")
public class Cart extends PanacheEntityBase {
    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;
    @Column(name = "customer_id")
    public Long customerId;
    public UUID token;
    @Column(name = "updated_at")
    public Instant updatedAt;
    /** The promo code the shopper put in (promotion package); the order placed from the cart takes it. */
    @Column(name = "promo_code")
    public String promoCode;
}
