package shop.orders.customer;

import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.hasItem;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static shop.orders.Shop.as;

import io.quarkus.test.junit.QuarkusTest;
import java.util.List;
import org.junit.jupiter.api.Test;
import shop.contracts.EventJson;
import shop.contracts.Topics;
import shop.contracts.catalog.VariantState;
import shop.contracts.customers.GuestOrderLinked;
import shop.contracts.orders.GuestContact;
import shop.contracts.orders.OrderEvent;
import shop.devstack.testing.KafkaResource;
import shop.devstack.testing.TopicWatcher;
import shop.orders.Shop;

/**
 * Guest orders and accounts: OrderPlaced of a guest order carries the guest's contact (customer-service
 * keeps the guest's record from it), and GuestOrderLinked from customer-service (sent here on the real
 * broker as customer-service would) gives the order to the customer, who then lists and reads it.
 */
@QuarkusTest
class GuestOrderLinkTest {
    private static void link(long customerId, long... orderIds) {
        String[] records = java.util.Arrays.stream(orderIds).mapToObj(order -> EventJson.write(EventJson.envelope(
                GuestOrderLinked.TYPE, GuestOrderLinked.VERSION, new GuestOrderLinked(order, customerId)))).toArray(String[]::new);
        TopicWatcher.send(KafkaResource.bootstrapServers(), Topics.CUSTOMERS_EVENTS, String.valueOf(customerId), records);
    }

    private static List<Long> listed(String token) {
        return as(token).get("/api/orders?limit=100").then().statusCode(200).extract().jsonPath().getList("items.id", Long.class);
    }

    @Test
    void aGuestOrderPlacedCarriesTheGuestsContactAndACustomersOrderDoesNot() {
        VariantState v = Shop.known(Shop.variant(Shop.nextId(), "15.00", 10));
        long delivery = Shop.deliveryType("0", null);
        long guestOrder = Shop.place(null, Shop.order(delivery, "cash", Shop.line(v.variantId(), 1)));
        GuestContact guest = Shop.awaitOrderEvent(guestOrder, OrderEvent.PLACED).guest();
        assertEquals(new GuestContact("Anna", "Petrova", "anna@example.com", "+7 916 123-45-67"), guest);

        long customerOrder = Shop.place(Shop.customer(Shop.nextId()), Shop.order(delivery, "cash", Shop.line(v.variantId(), 1)));
        assertNull(Shop.awaitOrderEvent(customerOrder, OrderEvent.PLACED).guest(), "a customer's contact is its profile's business");
    }

    @Test
    void aLinkedGuestOrderBecomesTheCustomersOwn() {
        VariantState v = Shop.known(Shop.variant(Shop.nextId(), "20.00", 10));
        long delivery = Shop.deliveryType("0", null);
        long order = Shop.place(null, Shop.order(delivery, "cash", Shop.line(v.variantId(), 1)));
        long customer = Shop.nextId();
        String token = Shop.customer(customer);
        assertEquals(List.of(), listed(token));
        as(token).get("/api/orders/" + order).then().statusCode(404);

        link(customer, order);
        await().atMost(Shop.WAIT).until(() -> listed(token).contains(order));
        as(token).get("/api/orders/" + order).then().statusCode(200).body("customerId", equalTo((int) customer));
        as(Shop.staff()).get("/api/orders?customerId=" + customer).then().statusCode(200)
                .body("items.id", contains((int) order));
        // another customer still sees nothing of it
        String other = Shop.customer(Shop.nextId());
        as(other).get("/api/orders/" + order).then().statusCode(404);
        as(other).get("/api/orders?limit=100").then().body("items.id", not(hasItem((int) order)));
    }

    @Test
    void aLinkNeverMovesAnOrderThatAlreadyHasACustomer() {
        VariantState v = Shop.known(Shop.variant(Shop.nextId(), "30.00", 10));
        long delivery = Shop.deliveryType("0", null);
        long first = Shop.place(null, Shop.order(delivery, "cash", Shop.line(v.variantId(), 1)));
        long second = Shop.place(null, Shop.order(delivery, "cash", Shop.line(v.variantId(), 1)));
        long owner = Shop.nextId();
        long someoneElse = Shop.nextId();
        String ownersToken = Shop.customer(owner);
        long ownersOwn = Shop.place(ownersToken, Shop.order(delivery, "cash", Shop.line(v.variantId(), 1)));
        link(owner, first, first); // redelivered: harmless

        await().atMost(Shop.WAIT).until(() -> listed(ownersToken).contains(first));
        // same key, so handled in this order: the last one tells the two before it are done
        link(someoneElse, first, ownersOwn, second);
        String othersToken = Shop.customer(someoneElse);
        await().atMost(Shop.WAIT).until(() -> listed(othersToken).contains(second));

        assertEquals(List.of(second), listed(othersToken));
        List<Long> owners = listed(ownersToken);
        assertEquals(2, owners.size());
        assertEquals(true, owners.containsAll(List.of(first, ownersOwn)));
    }
}
