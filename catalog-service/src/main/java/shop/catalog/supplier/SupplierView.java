package shop.catalog.supplier;

import java.time.Instant;

/** A supplier as staff and its own users see it. */
public record SupplierView(long id, String name, String address, String phone, String email, boolean acceptingOrders,
                           boolean active, Instant createdAt) {
    static SupplierView of(Supplier s) {
        return new SupplierView(s.id, s.name, s.address, s.phone, s.email, s.acceptingOrders, s.active, s.createdAt);
    }
}
