package shop.orders.promotion;

import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static shop.orders.Shop.as;
import static shop.orders.Shop.guest;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import io.restassured.response.Response;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;
import shop.contracts.catalog.StockReply;
import shop.contracts.catalog.VariantState;
import shop.contracts.orders.OrderEvent;
import shop.contracts.orders.OrderLine;
import shop.orders.Shop;
import shop.orders.cart.CartOwner;

/** Promo codes through the API: staff manage them, carts and orders use them, a last use goes to one order only. */
@QuarkusTest
class PromotionTest {
    /** A fresh code (unique per call); {@code extra} adds fields, e.g. {@code ,"usageLimit":1}. */
    private static String createCode(String kind, String value, String extra) {
        String code = "Promo" + Shop.nextId();
        as(Shop.staff()).body("{\"code\":\"" + code + "\",\"kind\":\"" + kind + "\",\"value\":" + value + extra + "}")
                .post("/api/promo-codes").then().statusCode(201);
        return code;
    }

    private static long idOf(String code) {
        return as(Shop.staff()).queryParam("limit", 200).get("/api/promo-codes").jsonPath()
                .getLong("items.find { it.code == '" + code + "' }.id");
    }

    private static String withCode(String order, String code) {
        return order.substring(0, order.length() - 1) + ",\"promoCode\":\"" + code + "\"}";
    }

    private static BigDecimal money(Object value) {
        return new BigDecimal(value.toString()).setScale(2);
    }

    @Test
    void staffManageCodesAndNobodyElseMaySeeThem() {
        String staff = Shop.staff();
        String code = "Winter" + Shop.nextId();
        JsonPath created = as(staff).body("{\"code\":\"" + code + "\",\"kind\":\"percentage\",\"value\":10,"
                        + "\"minOrderTotal\":1000,\"validFrom\":\"2026-01-01T00:00:00Z\",\"validUntil\":\"2099-01-01T00:00:00Z\","
                        + "\"usageLimit\":100,\"perCustomerLimit\":1}")
                .post("/api/promo-codes").then().statusCode(201).header("Location", notNullValue())
                .body("active", equalTo(true)).body("used", equalTo(0)).extract().jsonPath();
        long id = created.getLong("id");

        // unique whatever the case; the rules of a code
        as(staff).body("{\"code\":\"" + code.toUpperCase() + "\",\"kind\":\"fixed\",\"value\":5}").post("/api/promo-codes")
                .then().statusCode(409);
        as(staff).body("{\"code\":\"X" + Shop.nextId() + "\",\"kind\":\"percentage\",\"value\":150}").post("/api/promo-codes")
                .then().statusCode(400).body("errors.field", hasItem("value"));
        as(staff).body("{\"code\":\"X" + Shop.nextId() + "\",\"kind\":\"gift\",\"value\":0}").post("/api/promo-codes")
                .then().statusCode(400).body("errors.field", hasItem("kind")).body("errors.field", hasItem("value"));
        as(staff).body("{\"code\":\"X" + Shop.nextId() + "\",\"kind\":\"fixed\",\"value\":5,"
                        + "\"validFrom\":\"2026-02-01T00:00:00Z\",\"validUntil\":\"2026-01-01T00:00:00Z\"}")
                .post("/api/promo-codes").then().statusCode(400).body("errors.field", hasItem("validUntil"));
        as(staff).body("{\"code\":\"has space\",\"kind\":\"fixed\",\"value\":5}").post("/api/promo-codes").then().statusCode(400);

        as(staff).get("/api/promo-codes/" + id).then().statusCode(200).body("code", equalTo(code)).body("value", equalTo(10.0f));
        as(staff).queryParam("active", true).queryParam("limit", 200).get("/api/promo-codes").then().statusCode(200)
                .body("items.code", hasItem(code));

        // merge patch: absent stays, null clears, wrong fields are 400 and change nothing
        as(staff).body("{\"kind\":\"fixed\",\"value\":300,\"minOrderTotal\":null,\"active\":false}")
                .patch("/api/promo-codes/" + id).then().statusCode(200)
                .body("kind", equalTo("fixed")).body("value", equalTo(300.0f)).body("minOrderTotal", nullValue())
                .body("usageLimit", equalTo(100)).body("active", equalTo(false));
        as(staff).body("{\"value\":\"lots\",\"colour\":\"red\",\"validUntil\":\"tomorrow\"}").patch("/api/promo-codes/" + id)
                .then().statusCode(400).body("errors.field", hasItem("colour")).body("errors.field", hasItem("validUntil"));
        as(staff).queryParam("active", true).queryParam("limit", 200).get("/api/promo-codes").then()
                .body("items.code", not(hasItem(code)));
        as(staff).body("{}").patch("/api/promo-codes/" + Shop.nextId()).then().statusCode(404);

        // customers and guests cannot manage nor list them
        String customer = Shop.customer(Shop.nextId());
        as(customer).get("/api/promo-codes").then().statusCode(403);
        as(customer).get("/api/promo-codes/" + id).then().statusCode(403);
        as(customer).body("{\"code\":\"Mine" + Shop.nextId() + "\",\"kind\":\"fixed\",\"value\":5}").post("/api/promo-codes")
                .then().statusCode(403);
        as(customer).body("{\"active\":true}").patch("/api/promo-codes/" + id).then().statusCode(403);
        as(customer).delete("/api/promo-codes/" + id).then().statusCode(403);
        guest().get("/api/promo-codes").then().statusCode(401);

        as(staff).delete("/api/promo-codes/" + id).then().statusCode(204);
        as(staff).get("/api/promo-codes/" + id).then().statusCode(404);
    }

    @Test
    void theCartShowsTheDiscountPerLineAndRefusesCodesThatCannotBeUsed() {
        VariantState dress = Shop.known(Shop.variant(Shop.nextId(), "100.00", 10));
        VariantState scarf = Shop.known(Shop.variant(Shop.nextId(), "50.00", 10));
        String customer = Shop.customer(Shop.nextId());
        as(customer).body("{\"items\":[" + Shop.line(dress.variantId(), 1) + "," + Shop.line(scarf.variantId(), 1) + "]}")
                .put("/api/cart").then().statusCode(200);

        String tenOff = createCode("fixed", "10", ",\"minOrderTotal\":150");
        JsonPath cart = as(customer).body("{\"code\":\"" + tenOff.toLowerCase() + "\"}").put("/api/cart/promo-code")
                .then().statusCode(200).body("promotion.code", equalTo(tenOff)).body("promotion.applies", equalTo(true))
                .extract().jsonPath();
        // 10.00 spread over 100.00 and 50.00: 6.67 + 3.33
        assertEquals(money("10.00"), money(cart.get("discount")));
        assertEquals(money("140.00"), money(cart.get("total")));
        assertEquals(money("6.67"), money(cart.get("items[0].discount")));
        assertEquals(money("3.33"), money(cart.get("items[1].discount")));
        // another customer's cart knows nothing of it
        as(Shop.customer(Shop.nextId())).get("/api/cart").then().body("promotion", nullValue());

        // the goods fall below the minimum: the code stays, shown with its reason and no discount
        as(customer).delete("/api/cart/items/" + scarf.variantId()).then().statusCode(204);
        as(customer).get("/api/cart").then().body("promotion.applies", equalTo(false))
                .body("promotion.reason", equalTo("below-minimum")).body("discount", equalTo(0.0f)).body("total", equalTo(100.0f));

        // refusals: 422 with a reason the UI can show, the cart keeps what it had
        as(customer).body("{\"code\":\"" + tenOff + "\"}").put("/api/cart/promo-code").then().statusCode(422)
                .contentType("application/problem+json").body("reason", equalTo("below-minimum")).body("minOrderTotal", equalTo(150.0f));
        as(customer).body("{\"code\":\"nosuch" + Shop.nextId() + "\"}").put("/api/cart/promo-code").then().statusCode(422)
                .body("reason", equalTo("unknown"));
        String expired = createCode("percentage", "5", ",\"validUntil\":\"2020-01-01T00:00:00Z\"");
        as(customer).body("{\"code\":\"" + expired + "\"}").put("/api/cart/promo-code").then().statusCode(422)
                .body("reason", equalTo("expired"));
        String later = createCode("percentage", "5", ",\"validFrom\":\"2099-01-01T00:00:00Z\"");
        as(customer).body("{\"code\":\"" + later + "\"}").put("/api/cart/promo-code").then().statusCode(422)
                .body("reason", equalTo("not-yet-valid"));
        String off = createCode("percentage", "5", ",\"active\":false");
        as(customer).body("{\"code\":\"" + off + "\"}").put("/api/cart/promo-code").then().statusCode(422)
                .body("reason", equalTo("inactive"));
        as(customer).body("{\"code\":\"\"}").put("/api/cart/promo-code").then().statusCode(400);
        as(customer).get("/api/cart").then().body("promotion.code", equalTo(tenOff));

        as(customer).delete("/api/cart/promo-code").then().statusCode(204);
        as(customer).get("/api/cart").then().body("promotion", nullValue()).body("items[0].discount", equalTo(0.0f));

        // a guest's cart takes codes too (by its token)
        Response guestCart = guest().body("{\"items\":[" + Shop.line(dress.variantId(), 2) + "]}").put("/api/cart");
        String token = guestCart.header(CartOwner.HEADER);
        guest().header(CartOwner.HEADER, token).body("{\"code\":\"" + tenOff + "\"}").put("/api/cart/promo-code")
                .then().statusCode(200).body("total", equalTo(190.0f)).body("items[0].discount", equalTo(10.0f));
    }

    @Test
    void anOrderFromTheCartTakesItsCodeAndCarriesTheLineDiscountsInItsEvents() {
        VariantState dress = Shop.known(Shop.variant(Shop.nextId(), "333.33", 10));
        VariantState scarf = Shop.known(Shop.variant(Shop.nextId(), "66.67", 10));
        long delivery = Shop.deliveryType("300.00", null);
        long customerId = Shop.nextId();
        String customer = Shop.customer(customerId);
        String code = createCode("percentage", "15", "");
        as(customer).body("{\"items\":[" + Shop.line(dress.variantId(), 1) + "," + Shop.line(scarf.variantId(), 3) + "]}")
                .put("/api/cart").then().statusCode(200);
        as(customer).body("{\"code\":\"" + code + "\"}").put("/api/cart/promo-code").then().statusCode(200);

        JsonPath order = as(customer).body(Shop.order(delivery, "card")).post("/api/orders").then().statusCode(201)
                .body("promoCode", equalTo(code)).extract().jsonPath();
        long id = order.getLong("id");
        // goods 333.33 + 200.01 = 533.34; 15 % = 80.00 (80.001); shares 49.9989 + 30.0011: 49.99 + 30.00, the kopeck left to the larger remainder
        assertEquals(money("533.34"), money(order.get("goodsTotal")));
        assertEquals(money("80.00"), money(order.get("discount")));
        assertEquals(money("50.00"), money(order.get("lines[0].discount")));
        assertEquals(money("30.00"), money(order.get("lines[1].discount")));
        // delivery is not discounted
        assertEquals(money("753.34"), money(order.get("total")));
        // the cart is emptied, its code with it
        as(customer).get("/api/cart").then().body("items.size()", equalTo(0)).body("promotion", nullValue());
        // the order is the customer's: others see nothing of it
        as(Shop.customer(Shop.nextId())).get("/api/orders/" + id).then().statusCode(404);

        OrderEvent placed = Shop.awaitOrderEvent(id, OrderEvent.PLACED);
        BigDecimal earned = BigDecimal.ZERO;
        for (OrderLine line : placed.lines()) {
            earned = earned.add(line.unitPrice().multiply(BigDecimal.valueOf(line.quantity())).subtract(line.discount()));
        }
        assertEquals(money(placed.total()), money(earned.add(new BigDecimal("300.00"))));
        assertEquals(money("50.00"), money(placed.lines().get(0).discount()));
        as(Shop.staff()).get("/api/promo-codes/" + idOf(code)).then().body("used", equalTo(1));
        // a used code cannot be deleted, only switched off
        as(Shop.staff()).delete("/api/promo-codes/" + idOf(code)).then().statusCode(409);

        // a code in the request that cannot be used refuses the order, nothing is placed
        as(customer).body(withCode(Shop.order(delivery, "card", Shop.line(dress.variantId(), 1)), "nosuch" + Shop.nextId()))
                .post("/api/orders").then().statusCode(422).body("reason", equalTo("unknown"));
    }

    @Test
    void theLastUseGoesToOneOfTwoConcurrentOrdersAndComesBackWhenThatOrderIsRejected() throws Exception {
        VariantState dress = Shop.known(Shop.variant(Shop.nextId(), "1000.00", 10));
        long delivery = Shop.deliveryType("0.00", null);
        String code = createCode("fixed", "100", ",\"usageLimit\":1");
        String body = withCode(Shop.order(delivery, "cash", Shop.line(dress.variantId(), 1)), code);

        ExecutorService pool = Executors.newFixedThreadPool(2);
        CountDownLatch start = new CountDownLatch(1);
        List<Future<Response>> answers = new ArrayList<>();
        try {
            for (int i = 0; i < 2; i++) {
                String customer = Shop.customer(Shop.nextId());
                Callable<Response> place = () -> {
                    start.await();
                    return as(customer).body(body).post("/api/orders");
                };
                answers.add(pool.submit(place));
            }
            start.countDown();
            List<Integer> statuses = new ArrayList<>();
            Response winner = null;
            for (Future<Response> answer : answers) {
                Response r = answer.get();
                statuses.add(r.statusCode());
                if (r.statusCode() == 201) {
                    winner = r;
                } else {
                    r.then().statusCode(422).body("reason", equalTo("exhausted")).body("code", equalTo(code));
                }
            }
            assertEquals(List.of(201, 422), statuses.stream().sorted().toList());
            assertEquals(money("900.00"), money(winner.jsonPath().get("total")));
            long orderId = winner.jsonPath().getLong("id");
            as(Shop.staff()).get("/api/promo-codes/" + idOf(code)).then().body("used", equalTo(1));

            // catalog rejects the order (twice: a redelivery): the use comes back once
            String rejected = Shop.stockReply(orderId, StockReply.REJECTED, List.of());
            Shop.sendStock(orderId, rejected);
            Shop.awaitStatus(orderId, "rejected");
            as(Shop.staff()).get("/api/promo-codes/" + idOf(code)).then().body("used", equalTo(0));
            long third = Shop.place(Shop.customer(Shop.nextId()), body);
            as(Shop.staff()).get("/api/promo-codes/" + idOf(code)).then().body("used", equalTo(1));
            as(Shop.staff()).get("/api/orders/" + third).then().body("discount", equalTo(100.0f));
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void aGuestsOwnLimitCountsByEmailAndAnUnpaidCancellationGivesTheUseBack() {
        VariantState dress = Shop.known(Shop.variant(Shop.nextId(), "200.00", 10));
        long delivery = Shop.deliveryType("100.00", null);
        String code = createCode("percentage", "50", ",\"perCustomerLimit\":1");
        String email = "guest" + Shop.nextId() + "@Example.com";
        String contact = "{\"firstName\":\"Olga\",\"lastName\":\"Ivanova\",\"phone\":\"+7 900 " + (1_000_000 + Shop.nextId() % 8_999_999)
                + "\",\"email\":\"" + email + "\"}";
        String body = withCode(Shop.order(delivery, "card", Shop.line(dress.variantId(), 1)).replace(Shop.contact(), contact), code);

        Response first = guest().body(body).post("/api/orders");
        first.then().statusCode(201).body("total", equalTo(200.0f)); // 200 - 100 + delivery 100
        // the same person again, the email in another case: refused
        guest().body(body.replace(email, email.toLowerCase())).post("/api/orders").then().statusCode(422)
                .body("reason", equalTo("customer-limit-reached"));
        // someone else may
        guest().body(body.replace(email, "other" + email)).post("/api/orders").then().statusCode(201);

        // the guest cancels the unpaid order: the use is given back, and the guest may use the code again
        long id = first.jsonPath().getLong("id");
        String orderToken = first.jsonPath().getString("accessToken");
        guest().header("X-Order-Token", orderToken).body("{}").post("/api/orders/" + id + "/cancel").then().statusCode(200);
        guest().body(body).post("/api/orders").then().statusCode(201).body("discount", equalTo(100.0f));
    }
}
