package shop.customers.address;

import java.time.Instant;

/** An address as the API shows it. */
public record AddressView(long id, long customerId, String city, String street, String house, String building,
                          String apartment, Integer floor, String phone, String comment, String postcode, Instant createdAt,
                          Instant updatedAt) {
    static AddressView of(CustomerAddress a) {
        return new AddressView(a.id, a.customerId, a.city, a.street, a.house, a.building, a.apartment, a.floor,
                a.phone, a.comment, a.postcode, a.createdAt, a.updatedAt);
    }
}
