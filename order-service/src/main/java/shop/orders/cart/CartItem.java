package shop.orders.cart;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.IdClass;
import jakarta.persistence.Table;
import java.io.Serializable;
import java.time.Instant;
import java.util.List;
import java.util.Objects;

@Entity
@Table(name = "cart_item")
@IdClass(CartItem.Key.class)
public class CartItem extends PanacheEntityBase {
    @Id
    @Column(name = "cart_id")
    public long cartId;
    @Id
    @Column(name = "variant_id")
    public long variantId;
    public int quantity;
    @Column(name = "added_at")
    public Instant addedAt;

    static List<CartItem> of(long cartId) {
        return list("cartId = ?1 order by addedAt, variantId", cartId);
    }

    public static class Key implements Serializable {
        public long cartId;
        public long variantId;

        @Override
        public boolean equals(Object o) {
            return o instanceof Key k && cartId == k.cartId && variantId == k.variantId;
        }

        @Override
        public int hashCode() {
            return Objects.hash(cartId, variantId);
        }
    }
}
