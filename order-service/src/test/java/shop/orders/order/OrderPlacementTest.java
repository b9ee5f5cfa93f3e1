package shop.orders.order;

import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsInAnyOrder;
import static org.hamcrest.Matchers.empty;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static shop.orders.Shop.as;
import static shop.orders.Shop.guest;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import shop.contracts.catalog.VariantState;
import shop.contracts.orders.OrderEvent;
import shop.orders.Shop;
import shop.orders.cart.CartOwner;

@QuarkusTest
class OrderPlacementTest {
    @Test
    void aCustomerOrderIsPricedByTheServerStoredNewAndPublished() {
        long supplier = Shop.nextId();
        VariantState dress = Shop.known(Shop.variant(supplier, "1500.00", 10));
        VariantState scarf = Shop.known(Shop.with(Shop.variant(supplier, "300.00", 10), "300.00", "250.00", 10, true, true));
        long delivery = Shop.deliveryType("350", "10000");
        long customerId = Shop.nextId();

        Response created = as(Shop.customer(customerId))
                .body(Shop.order(delivery, "card", Shop.line(dress.variantId(), 2, "1500.00"), Shop.line(scarf.variantId(), 1)))
                .post("/api/orders");
        created.then().statusCode(201).header("Location", org.hamcrest.Matchers.endsWith("/api/orders/" + created.jsonPath().getLong("id")))
                .body("status", equalTo("new")).body("customerId", equalTo((int) customerId))
                .body("lines[0].productName", equalTo(dress.productName())).body("lines[0].article", equalTo(dress.article()))
                .body("lines[0].supplierId", equalTo((int) supplier))
                .body("lines[1].unitPrice", equalTo(250.0f))
                .body("goodsTotal", equalTo(3250.0f)).body("deliveryCost", equalTo(350.0f)).body("total", equalTo(3600.0f))
                .body("contact.lastName", equalTo("Petrova")).body("accessToken", notNullValue());
        long id = created.jsonPath().getLong("id");

        OrderEvent placed = Shop.awaitOrderEvent(id, OrderEvent.PLACED);
        assertEquals("new", placed.status());
        assertEquals(customerId, placed.customerId());
        assertEquals(0, new BigDecimal("3600.00").compareTo(placed.total()));
        assertEquals(2, placed.lines().size());
        assertEquals(dress.variantId(), placed.lines().get(0).variantId());
        assertEquals(2, placed.lines().get(0).quantity());

        // the snapshot stays when the catalog changes later
        Shop.publish(Shop.with(dress, "9999.00", null, 10, true, true), VariantState.UPSERTED, Instant.now());
        as(Shop.customer(customerId)).get("/api/orders/" + id).then().statusCode(200)
                .body("lines[0].unitPrice", equalTo(1500.0f)).body("accessToken", nullValue());
        as(Shop.customer(customerId)).get("/api/orders/" + id + "/history").then().statusCode(200)
                .body("items.toStatus", contains("new")).body("items[0].actorKind", equalTo("customer"));
    }

    @Test
    void deliveryIsFreeFromTheThreshold() {
        VariantState v = Shop.known(Shop.variant(Shop.nextId(), "500.00", 10));
        long delivery = Shop.deliveryType("300", "1000");
        as(Shop.customer(Shop.nextId())).body(Shop.order(delivery, "cash", Shop.line(v.variantId(), 1))).post("/api/orders")
                .then().statusCode(201).body("deliveryCost", equalTo(300.0f)).body("total", equalTo(800.0f));
        as(Shop.customer(Shop.nextId())).body(Shop.order(delivery, "cash", Shop.line(v.variantId(), 2))).post("/api/orders")
                .then().statusCode(201).body("deliveryCost", equalTo(0.0f)).body("total", equalTo(1000.0f));
    }

    @Test
    void aStaleExpectedPriceIsRefusedWithTheCurrentPrices() {
        VariantState a = Shop.known(Shop.variant(Shop.nextId(), "100.00", 10));
        VariantState b = Shop.known(Shop.variant(Shop.nextId(), "200.00", 10));
        long delivery = Shop.deliveryType("0", null);
        String customer = Shop.customer(Shop.nextId());
        as(customer).body(Shop.order(delivery, "card", Shop.line(a.variantId(), 1, "100.00"), Shop.line(b.variantId(), 1, "150.00")))
                .post("/api/orders").then().statusCode(409)
                .body("lines.variantId", contains((int) a.variantId(), (int) b.variantId()))
                .body("lines[0].currentPrice", equalTo(100.0f)).body("lines[0].problem", nullValue())
                .body("lines[1].currentPrice", equalTo(200.0f)).body("lines[1].expectedPrice", equalTo(150.0f))
                .body("lines[1].problem", equalTo("price changed"))
                .body("status", equalTo(409)).body("extensions", nullValue()); // extension members sit beside status
        as(customer).get("/api/orders").then().body("total", equalTo(0));
    }

    @Test
    void inactiveUnknownAndNotAcceptedVariantsAreRefused() {
        VariantState ok = Shop.known(Shop.variant(Shop.nextId(), "100.00", 10));
        VariantState hidden = Shop.known(Shop.variant(Shop.nextId(), "100.00", 10));
        VariantState closed = Shop.known(Shop.variant(Shop.nextId(), "100.00", 10));
        Shop.publish(Shop.with(hidden, "100.00", null, 10, false, true), VariantState.UPSERTED, Instant.now());
        Shop.publish(Shop.with(closed, "100.00", null, 10, true, false), VariantState.UPSERTED, Instant.now());
        Shop.awaitCartLine(hidden.variantId(), line -> line == null);
        Shop.awaitCartLine(closed.variantId(), line -> line == null);
        long delivery = Shop.deliveryType("0", null);
        String customer = Shop.customer(Shop.nextId());

        as(customer).body(Shop.order(delivery, "card", Shop.line(ok.variantId(), 1), Shop.line(hidden.variantId(), 1)))
                .post("/api/orders").then().statusCode(409)
                .body("lines.find { it.variantId == " + hidden.variantId() + " }.problem", equalTo("inactive"))
                .body("lines.find { it.variantId == " + hidden.variantId() + " }.orderable", equalTo(false));
        as(customer).body(Shop.order(delivery, "card", Shop.line(closed.variantId(), 1))).post("/api/orders").then().statusCode(409)
                .body("lines[0].problem", equalTo("supplier not accepting orders"));
        long unknown = Shop.nextId();
        as(customer).body(Shop.order(delivery, "card", Shop.line(unknown, 1))).post("/api/orders").then().statusCode(409)
                .body("lines[0].problem", equalTo("unknown variant"));
    }

    @Test
    void badRequestsAreExplained() {
        VariantState v = Shop.known(Shop.variant(Shop.nextId(), "100.00", 10));
        String customer = Shop.customer(Shop.nextId());
        long delivery = Shop.deliveryType("0", null);
        as(customer).body(Shop.order(delivery, "bitcoin", Shop.line(v.variantId(), 1))).post("/api/orders").then().statusCode(400)
                .body("errors.field", contains("paymentMethod"));
        as(customer).body(Shop.order(Shop.nextId(), "card", Shop.line(v.variantId(), 1))).post("/api/orders").then().statusCode(400)
                .body("errors.field", contains("deliveryTypeId"));
        as(customer).body(Shop.order(delivery, "card", Shop.line(v.variantId(), 0))).post("/api/orders").then().statusCode(400);
        as(customer).body(Shop.order(delivery, "card", Shop.line(v.variantId(), 1), Shop.line(v.variantId(), 2)))
                .post("/api/orders").then().statusCode(400);
        // a guest must give a contact (a signed-in customer's comes from its profile: ProfileContactTest)
        Shop.guest().body("{\"lines\":[" + Shop.line(v.variantId(), 1) + "],\"deliveryTypeId\":" + delivery
                + ",\"deliveryAddress\":\"x\",\"paymentMethod\":\"card\"}").post("/api/orders").then().statusCode(400)
                .body("errors.field", contains("contact"));
        as(customer).body(Shop.order(delivery, "card", Shop.line(v.variantId(), 1)).replace("+7 916 123-45-67", "+7 916 123-45-67-89-01"))
                .post("/api/orders").then().statusCode(400).body("errors.field", contains("contact.phone"));
        // no lines and an empty cart
        as(customer).body(Shop.order(delivery, "card")).post("/api/orders").then().statusCode(400);
    }

    @Test
    void theSameIdempotencyKeyAnswersTheSameOrderAndADifferentBodyIsRefused() {
        VariantState v = Shop.known(Shop.variant(Shop.nextId(), "100.00", 10));
        long delivery = Shop.deliveryType("0", null);
        String customer = Shop.customer(Shop.nextId());
        String key = Shop.uuid();
        String body = Shop.order(delivery, "card", Shop.line(v.variantId(), 1));
        long id = as(customer).header("Idempotency-Key", key).body(body).post("/api/orders").then().statusCode(201)
                .extract().jsonPath().getLong("id");
        as(customer).header("Idempotency-Key", key).body(body).post("/api/orders").then().statusCode(200)
                .header("Idempotent-Replayed", "true").body("id", equalTo((int) id));
        as(customer).header("Idempotency-Key", key).body(Shop.order(delivery, "card", Shop.line(v.variantId(), 2)))
                .post("/api/orders").then().statusCode(422);
        as(customer).get("/api/orders").then().body("total", equalTo(1));
        // the key belongs to the customer: another customer's same key is another order
        as(Shop.customer(Shop.nextId())).header("Idempotency-Key", key).body(body).post("/api/orders").then().statusCode(201)
                .body("id", org.hamcrest.Matchers.not(equalTo((int) id)));
    }

    @Test
    void concurrentRetriesWithOneKeyMakeOneOrder() throws Exception {
        VariantState v = Shop.known(Shop.variant(Shop.nextId(), "100.00", 10));
        String customer = Shop.customer(Shop.nextId());
        String key = Shop.uuid();
        String body = Shop.order(Shop.deliveryType("0", null), "card", Shop.line(v.variantId(), 1));
        ExecutorService pool = Executors.newFixedThreadPool(4);
        try {
            List<Future<Response>> answers = new ArrayList<>();
            for (int i = 0; i < 4; i++) {
                answers.add(pool.submit(() -> as(customer).header("Idempotency-Key", key).body(body).post("/api/orders")));
            }
            List<Integer> codes = new ArrayList<>();
            Set<Long> ids = new HashSet<>();
            for (Future<Response> answer : answers) {
                Response response = answer.get(60, TimeUnit.SECONDS);
                codes.add(response.statusCode());
                ids.add(response.jsonPath().getLong("id"));
            }
            assertEquals(1, ids.size(), "every retry answers the same order");
            assertEquals(1, codes.stream().filter(c -> c == 201).count(), "one creation: " + codes);
            assertEquals(3, codes.stream().filter(c -> c == 200).count(), "three replays: " + codes);
        } finally {
            pool.shutdownNow();
        }
        as(customer).get("/api/orders").then().body("total", equalTo(1));
    }

    @Test
    void aGuestOrdersFromItsCartAndFollowsTheOrderWithItsToken() {
        VariantState v = Shop.known(Shop.variant(Shop.nextId(), "100.00", 10));
        long delivery = Shop.deliveryType("50", null);
        String cart = guest().body("{\"items\":[" + Shop.line(v.variantId(), 3) + "]}").put("/api/cart").header(CartOwner.HEADER);

        Response created = guest().header(CartOwner.HEADER, cart).body(Shop.order(delivery, "cash")).post("/api/orders");
        created.then().statusCode(201).body("customerId", nullValue()).body("lines[0].quantity", equalTo(3))
                .body("total", equalTo(350.0f));
        long id = created.jsonPath().getLong("id");
        String token = created.jsonPath().getString("accessToken");
        guest().header(CartOwner.HEADER, cart).get("/api/cart").then().body("items", empty());

        guest().header(OrderResource.ORDER_TOKEN, token).get("/api/orders/" + id).then().statusCode(200).body("id", equalTo((int) id));
        guest().header(OrderResource.ORDER_TOKEN, token).get("/api/orders/" + id + "/history").then().statusCode(200)
                .body("items[0].actorKind", equalTo("guest"));
        // without the token, with another order's token, or as some customer: as if it did not exist
        guest().get("/api/orders/" + id).then().statusCode(404);
        guest().header(OrderResource.ORDER_TOKEN, Shop.uuid()).get("/api/orders/" + id).then().statusCode(404);
        as(Shop.customer(Shop.nextId())).get("/api/orders/" + id).then().statusCode(404);
        guest().get("/api/orders").then().statusCode(401);
    }

    @Test
    void customersSeeOnlyTheirOwnOrdersAndStaffFilterAll() {
        VariantState v = Shop.known(Shop.variant(Shop.nextId(), "100.00", 10));
        long delivery = Shop.deliveryType("0", null);
        long annaId = Shop.nextId();
        long borisId = Shop.nextId();
        String anna = Shop.customer(annaId);
        String boris = Shop.customer(borisId);
        long a1 = Shop.place(anna, Shop.order(delivery, "card", Shop.line(v.variantId(), 1)));
        long a2 = Shop.place(anna, Shop.order(delivery, "cash", Shop.line(v.variantId(), 2)));
        long b1 = Shop.place(boris, Shop.order(delivery, "card", Shop.line(v.variantId(), 1)));

        as(boris).get("/api/orders/" + a1).then().statusCode(404);
        as(anna).get("/api/orders").then().statusCode(200).body("total", equalTo(2))
                .body("items.id", contains((int) a2, (int) a1)); // newest first
        as(anna).queryParam("customerId", borisId).get("/api/orders").then().statusCode(403);
        as(anna).queryParam("ids", a1 + "," + b1).get("/api/orders").then().body("items.id", contains((int) a1));

        String staff = Shop.staff();
        as(staff).queryParam("customerId", annaId).queryParam("limit", 1).get("/api/orders").then()
                .body("total", equalTo(2)).body("items.id", contains((int) a2));
        as(staff).queryParam("ids", a1 + "," + b1).get("/api/orders").then().body("items.id", containsInAnyOrder((int) a1, (int) b1));
        as(staff).queryParam("ids", a1 + "," + b1).queryParam("status", "confirmed").get("/api/orders").then().body("total", equalTo(0));
        as(staff).queryParam("ids", a1 + "," + b1).queryParam("from", Instant.now().minusSeconds(3600).toString())
                .queryParam("to", java.time.LocalDate.now(java.time.ZoneOffset.UTC).toString())
                .get("/api/orders").then().body("total", equalTo(2));
        as(staff).queryParam("ids", a1 + "," + b1).queryParam("from", Instant.now().plusSeconds(3600).toString())
                .get("/api/orders").then().body("total", equalTo(0));
        as(staff).queryParam("ids", "1,x").get("/api/orders").then().statusCode(400);
        as(staff).queryParam("from", "yesterday").get("/api/orders").then().statusCode(400);
        as(Shop.supplier(Shop.nextId())).get("/api/orders").then().statusCode(403);
    }

    @Test
    void aDeliveryTypeInUseCannotBeDeleted() {
        VariantState v = Shop.known(Shop.variant(Shop.nextId(), "100.00", 10));
        long delivery = Shop.deliveryType("0", null);
        Shop.place(Shop.customer(Shop.nextId()), Shop.order(delivery, "card", Shop.line(v.variantId(), 1)));
        as(Shop.staff()).delete("/api/delivery-types/" + delivery).then().statusCode(409);
    }
}
