package shop.catalog.stock;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;

/**
 * The units of one variant held for one order: reserved, then released (cancelled) or sold (paid); sold
 * units of an order cancelled before shipping are returned to stock.
 */
@Entity
@Table(name = "stock_reservation")
public class StockReservation extends PanacheEntityBase {
    public static final String RESERVED = "reserved";
    public static final String RELEASED = "released";
    public static final String SOLD = "sold";
    public static final String RETURNED = "returned";

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;

    @Column(name = "order_id")
    public long orderId;

    @Column(name = "variant_id")
    public long variantId;

    public int quantity;

    /** Units of a sold reservation that came back after delivery (OrderGoodsReturned); the state stays sold until all did. */
    @Column(name = "returned_quantity")
    public int returnedQuantity;
    public String state;

    @Column(name = "created_at")
    public Instant createdAt = Instant.now();

    @Column(name = "updated_at")
    public Instant updatedAt = Instant.now();
}
