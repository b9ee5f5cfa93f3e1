package shop.orders.delivery;

import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItems;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static shop.orders.Shop.as;
import static shop.orders.Shop.guest;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import java.math.BigDecimal;
import java.math.RoundingMode;
import org.junit.jupiter.api.Test;
import shop.contracts.catalog.VariantState;
import shop.orders.Shop;

/**
 * Delivery priced by the delivery type's rule (price, weight, supplier surcharge, free-from), configured by
 * staff, shown in the cart and charged on the order with the same numbers.
 */
@QuarkusTest
class DeliveryCostTest {
    /** A variant of {@code supplierId} weighing {@code weightKg} per unit (null: unknown), known to order-service. */
    static VariantState weighed(long supplierId, String price, String weightKg) {
        long id = Shop.nextId();
        return Shop.known(new VariantState(id, id + 500_000, 1L, supplierId, "Boots " + id, "Boots " + id + ", 42", "ART-" + id,
                new BigDecimal(price), null, 100, true, true, false, null, null, null, null, null, null,
                weightKg == null ? null : new BigDecimal(weightKg)));
    }

    private static long deliveryType(String json) {
        return as(Shop.staff()).body(json.replace("NAME", "Courier " + Shop.nextId())).post("/api/delivery-types")
                .then().statusCode(201).extract().jsonPath().getLong("id");
    }

    private static BigDecimal money(JsonPath json, String path) {
        return new BigDecimal(json.getString(path)).setScale(2, RoundingMode.HALF_UP); // JsonPath reads 900.00 as 900.0
    }

    private static String placeFromCart(long deliveryTypeId) {
        return "{\"contact\":" + Shop.contact() + ",\"deliveryTypeId\":" + deliveryTypeId
                + ",\"deliveryAddress\":\"Moscow, Tverskaya 1\",\"paymentMethod\":\"cash\"}";
    }

    @Test
    void staffConfigureTheRuleAndEveryoneReadsIt() {
        long id = deliveryType("""
                {"name":"NAME","price":200,"pricePerKg":35.5,"supplierSurcharge":150,"freeFrom":10000}""");
        guest().get("/api/delivery-types/" + id).then().statusCode(200)
                .body("price", equalTo(200.0f)).body("pricePerKg", equalTo(35.5f))
                .body("supplierSurcharge", equalTo(150.0f)).body("weightBands.size()", equalTo(0));

        // a merge patch: per kg is dropped for weight bands, the surcharge stays
        as(Shop.staff()).body("""
                {"pricePerKg":null,"weightBands":[{"upToKg":2,"price":100},{"upToKg":10.5,"price":300},{"price":900}]}""")
                .patch("/api/delivery-types/" + id).then().statusCode(200)
                .body("pricePerKg", nullValue()).body("weightBands.upToKg", contains(2.0f, 10.5f, null))
                .body("weightBands.price", contains(100.0f, 300.0f, 900.0f)).body("supplierSurcharge", equalTo(150.0f));
        as(Shop.staff()).body("{\"weightBands\":null,\"supplierSurcharge\":0}").patch("/api/delivery-types/" + id)
                .then().statusCode(200).body("weightBands.size()", equalTo(0)).body("supplierSurcharge", equalTo(0.0f))
                .body("price", equalTo(200.0f));
    }

    @Test
    void badRulesAreRefusedNamingTheFieldAndOnlyStaffChangeThem() {
        long id = deliveryType("{\"name\":\"NAME\",\"price\":100,\"pricePerKg\":10}");
        // both weight parts
        as(Shop.staff()).body("{\"weightBands\":[{\"upToKg\":1,\"price\":5}]}").patch("/api/delivery-types/" + id)
                .then().statusCode(400).contentType(containsString("problem+json")).body("errors.field", contains("weightBands"));
        as(Shop.staff()).body("{\"name\":\"NAME\",\"price\":1,\"pricePerKg\":1,\"weightBands\":[{\"upToKg\":1,\"price\":5}]}"
                .replace("NAME", "X" + Shop.nextId())).post("/api/delivery-types").then().statusCode(400)
                .body("errors.field", contains("weightBands"));
        // bands not ascending, an open band in the middle, bad values
        as(Shop.staff()).body("{\"pricePerKg\":null,\"weightBands\":[{\"upToKg\":5,\"price\":5},{\"upToKg\":5,\"price\":6}]}")
                .patch("/api/delivery-types/" + id).then().statusCode(400).body("errors.field", contains("weightBands[1].upToKg"));
        as(Shop.staff()).body("{\"pricePerKg\":null,\"weightBands\":[{\"price\":5},{\"upToKg\":5,\"price\":6}]}")
                .patch("/api/delivery-types/" + id).then().statusCode(400).body("errors.field", contains("weightBands[0].upToKg"));
        as(Shop.staff()).body("{\"pricePerKg\":null,\"weightBands\":[{\"upToKg\":-1,\"price\":1.001},\"heavy\"]}")
                .patch("/api/delivery-types/" + id).then().statusCode(400)
                .body("errors.field", hasItems("weightBands[0].price", "weightBands[0].upToKg", "weightBands[1]"));
        as(Shop.staff()).body("{\"weightBands\":{\"upToKg\":1}}").patch("/api/delivery-types/" + id).then().statusCode(400)
                .body("errors.field", contains("weightBands"));
        as(Shop.staff()).body("{\"supplierSurcharge\":null,\"pricePerKg\":-1}").patch("/api/delivery-types/" + id)
                .then().statusCode(400).body("errors.field", contains("pricePerKg", "supplierSurcharge"));
        // only staff
        guest().body("{\"supplierSurcharge\":1}").patch("/api/delivery-types/" + id).then().statusCode(401);
        as(Shop.customer(Shop.nextId())).body("{\"supplierSurcharge\":1}").patch("/api/delivery-types/" + id).then().statusCode(403);
        guest().get("/api/delivery-types/" + id).then().statusCode(200).body("pricePerKg", equalTo(10.0f))
                .body("weightBands.size()", equalTo(0));
    }

    @Test
    void theCartShowsTheDeliveryCostTheOrderIsCharged() {
        long supplierA = Shop.nextId();
        long supplierB = Shop.nextId();
        long supplierC = Shop.nextId();
        VariantState a = weighed(supplierA, "100.00", "1.250");
        VariantState a2 = weighed(supplierA, "50.00", null); // weight unknown: counts as 0 kg
        VariantState b = weighed(supplierB, "200.00", "0.5");
        VariantState c = weighed(supplierC, "10.00", "0.1");
        long delivery = deliveryType("{\"name\":\"NAME\",\"price\":300,\"pricePerKg\":40,\"supplierSurcharge\":75,\"freeFrom\":5000}");
        long customer = Shop.nextId();
        String token = Shop.customer(customer);
        as(token).body("{\"items\":[" + Shop.line(a.variantId(), 2) + ","
                + Shop.line(a2.variantId(), 1) + "," + Shop.line(b.variantId(), 3) + "," + Shop.line(c.variantId(), 5) + "]}")
                .put("/api/cart").then().statusCode(200);

        // goods 200 + 50 + 600 + 50 = 900; weight 2.5 + 1.5 + 0.5 = 4.5 kg -> 180; 3 suppliers -> 2 x 75
        JsonPath cart = as(token).get("/api/cart?deliveryTypeId=" + delivery).then().statusCode(200).extract().jsonPath();
        assertEquals(new BigDecimal("900.00"), money(cart, "total"));
        assertEquals(new BigDecimal("630.00"), money(cart, "delivery.cost"));
        assertEquals(new BigDecimal("180.00"), money(cart, "delivery.weightCost"));
        assertEquals(new BigDecimal("150.00"), money(cart, "delivery.surcharge"));
        assertEquals(new BigDecimal("4.50"), money(cart, "delivery.weightKg"));
        assertEquals(1, cart.getInt("delivery.unweighedUnits"));
        assertEquals(3, cart.getInt("delivery.suppliers"));
        assertEquals(new BigDecimal("1530.00"), money(cart, "grandTotal"));
        // without a delivery type the cart has no delivery part
        as(token).get("/api/cart").then().statusCode(200).body("delivery", nullValue()).body("grandTotal", nullValue());

        JsonPath order = as(token).body(placeFromCart(delivery)).post("/api/orders").then().statusCode(201).extract().jsonPath();
        assertEquals(money(cart, "total"), money(order, "goodsTotal"));
        assertEquals(money(cart, "delivery.cost"), money(order, "deliveryCost"));
        assertEquals(money(cart, "grandTotal"), money(order, "total"));

        // staff switch the order to another type: priced for the same parcel (weights as ordered)
        long bands = deliveryType("{\"name\":\"NAME\",\"price\":0,\"weightBands\":[{\"upToKg\":3,\"price\":100},{\"upToKg\":5,\"price\":250}]}");
        as(Shop.staff()).body("{\"deliveryTypeId\":" + bands + "}").patch("/api/orders/" + order.getLong("id"))
                .then().statusCode(200).body("deliveryCost", equalTo(250.0f)).body("total", equalTo(1150.0f));
    }

    @Test
    void freeFromWaivesEverythingAndATooHeavyParcelCannotBeOrdered() {
        VariantState heavy = weighed(Shop.nextId(), "1000.00", "4");
        VariantState other = weighed(Shop.nextId(), "10.00", "1");
        long upTo10 = deliveryType("{\"name\":\"NAME\",\"price\":50,\"weightBands\":[{\"upToKg\":10,\"price\":200}],"
                + "\"supplierSurcharge\":100,\"freeFrom\":2000}");
        String token = Shop.customer(Shop.nextId());
        as(token).body("{\"items\":[" + Shop.line(heavy.variantId(), 2) + "," + Shop.line(other.variantId(), 1) + "]}")
                .put("/api/cart").then().statusCode(200);
        as(token).get("/api/cart?deliveryTypeId=" + upTo10).then().statusCode(200)
                .body("delivery.free", equalTo(true)).body("delivery.cost", equalTo(0.0f))
                .body("grandTotal", equalTo(2010.0f));

        // 3 x 4 + 1 = 13 kg: more than the type takes
        as(token).body("{\"quantity\":3}").put("/api/cart/items/" + heavy.variantId()).then().statusCode(200);
        as(token).get("/api/cart?deliveryTypeId=" + upTo10).then().statusCode(200)
                .body("delivery.cost", nullValue()).body("grandTotal", nullValue())
                .body("delivery.problem", equalTo("the goods weigh 13 kg; this delivery takes at most 10 kg"));
        as(token).body(placeFromCart(upTo10)).post("/api/orders").then().statusCode(400)
                .contentType(containsString("problem+json")).body("errors.field", contains("deliveryTypeId"));

        // an unknown delivery type
        as(token).get("/api/cart?deliveryTypeId=" + Shop.nextId()).then().statusCode(400)
                .contentType(containsString("problem+json")).body("errors.field", contains("deliveryTypeId"));
        // a guest without a cart: nothing to deliver, the price alone
        guest().get("/api/cart?deliveryTypeId=" + upTo10).then().statusCode(200)
                .body("delivery.cost", equalTo(250.0f)).body("grandTotal", equalTo(250.0f));
    }
}
