package shop.catalog.supplier;

/** What anyone may see of an active supplier. */
public record PublicSupplierView(long id, String name, String address, String phone, boolean acceptingOrders) {
    static PublicSupplierView of(Supplier s) {
        return new PublicSupplierView(s.id, s.name, s.address, s.phone, s.acceptingOrders);
    }
}
