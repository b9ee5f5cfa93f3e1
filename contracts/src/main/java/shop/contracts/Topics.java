package shop.contracts;

/** Kafka topic names (DESIGN.md §4). The record key of every topic is the aggregate id. */
public final class Topics {
    /** VariantUpserted, VariantRemoved; key = variant id; compacted. */
    public static final String CATALOG_VARIANTS = "catalog.variants";
    /** CategoryCreated, CategoryUpdated, CategoryDeleted; key = category id. */
    public static final String CATALOG_CATEGORIES = "catalog.categories";
    /** StockReserved, StockRejected, StockReleased, StockSold; key = order id. */
    public static final String CATALOG_STOCK = "catalog.stock";
    /** OrderPlaced, OrderConfirmed, OrderRejected, OrderPaid, OrderStatusChanged, OrderCancelled, OrderGoodsReturned; key = order id. */
    public static final String ORDERS_EVENTS = "orders.events";
    /** CustomerRegistered, CustomerUpdated, CustomerDeleted, GuestOrderLinked, AddressSaved,
     *  AddressRemoved; key = customer id. */
    public static final String CUSTOMERS_EVENTS = "customers.events";
    /** RequestObserved; key = client address. */
    public static final String GATEWAY_REQUESTS = "gateway.requests";

    private Topics() {
    }
}
