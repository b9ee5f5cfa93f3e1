package shop.catalog.factory;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;

/** One delivery of a production line: unique per (line, due time) in the database. */
@Entity
@Table(name = "factory_delivery")
public class FactoryDelivery extends PanacheEntityBase {
    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;

    @Column(name = "line_id")
    public Long lineId;

    @Column(name = "variant_id")
    public Long variantId;

    @Column(name = "due_at")
    public Instant dueAt;

    @Column(name = "delivered_at")
    public Instant deliveredAt;

    public int units;

    @Column(name = "on_hand_after")
    public int onHandAfter;
}
