package shop.orders.delivery;

import jakarta.persistence.Column;
import jakarta.persistence.Embeddable;
import java.util.ArrayList;
import java.util.List;

/**
 * Where an order goes, as fields (seed 000): copied onto the order when it is placed, from the request or
 * from one of the customer's saved addresses, so later edits of the saved address never change it.
 * {@link #line()} writes it out as the one-line text every order also keeps (mails, supplier receipts).
 */
@Embeddable
public class DeliveryAddress {
    @Column(name = "address_city")
    public String city;
    @Column(name = "address_street")
    public String street;
    @Column(name = "address_house")
    public String house;
    @Column(name = "address_building")
    public String building;
    @Column(name = "address_apartment")
    public String apartment;
    @Column(name = "address_floor")
    public Integer floor;
    @Column(name = "address_postcode")
    public String postcode;
    /** For the courier: entrance code, when to call, ... */
    @Column(name = "address_comment")
    public String comment;
    /** The customer's saved address it was copied from; null when given with the order. */
    @Column(name = "saved_address_id")
    public Long savedAddressId;

    public static DeliveryAddress of(String city, String street, String house, String building, String apartment,
                                     Integer floor, String postcode, String comment, Long savedAddressId) {
        DeliveryAddress a = new DeliveryAddress();
        a.city = trimmed(city);
        a.street = trimmed(street);
        a.house = trimmed(house);
        a.building = trimmed(building);
        a.apartment = trimmed(apartment);
        a.floor = floor;
        a.postcode = trimmed(postcode);
        a.comment = trimmed(comment);
        a.savedAddressId = savedAddressId;
        return a;
    }

    /** The address on one line: "101000, Moscow, Tverskaya 1, building 2, apartment 5, floor 3". */
    public String line() {
        List<String> parts = new ArrayList<>();
        if (postcode != null) {
            parts.add(postcode);
        }
        parts.add(city);
        parts.add(street + " " + house);
        if (building != null) {
            parts.add("building " + building);
        }
        if (apartment != null) {
            parts.add("apartment " + apartment);
        }
        if (floor != null) {
            parts.add("floor " + floor);
        }
        return String.join(", ", parts);
    }

    private static String trimmed(String s) {
        return s == null || s.isBlank() ? null : s.trim();
    }
}
