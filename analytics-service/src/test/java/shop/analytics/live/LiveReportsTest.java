package shop.analytics.live;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.startsWith;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.restassured.path.json.JsonPath;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;
import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import shop.analytics.AnalyticsClient;
import shop.contracts.EventEnvelope;
import shop.contracts.EventJson;
import shop.contracts.Topics;
import shop.contracts.catalog.VariantState;
import shop.contracts.gateway.RequestObserved;
import shop.contracts.orders.OrderEvent;
import shop.contracts.orders.OrderLine;
import shop.devstack.testing.KafkaResource;
import shop.devstack.testing.TopicWatcher;

/**
 * Live events (gateway requests, orders, variants) sent to their topics show up in reports 1–7 with
 * source=live and in the sales reports. Each test uses its own ids and its own day, far from every
 * other test's data.
 */
@QuarkusTest
class LiveReportsTest {
    private long product;
    private long otherProduct;
    private long category;
    private long otherCategory;
    private long customer;
    private LocalDate day;

    @BeforeEach
    void ids() {
        ThreadLocalRandom random = ThreadLocalRandom.current();
        long base = random.nextLong(1_000_000, 1_000_000_000L) * 10;
        product = base + 1;
        otherProduct = base + 2;
        category = base + 3;
        otherCategory = base + 4;
        customer = base + 5;
        day = LocalDate.of(2040, 1, 1).plusDays(random.nextInt(20_000));
    }

    private Instant at(int hour, int minute) {
        return day.atTime(hour, minute).toInstant(ZoneOffset.UTC);
    }

    private static String event(String type, int version, Object payload, Instant at) {
        EventEnvelope e = EventJson.envelope(type, version, payload);
        return EventJson.write(new EventEnvelope(e.eventId(), e.type(), at, e.version(), e.payload()));
    }

    private static String request(String method, String path, String query, int status, Instant at) {
        return event(RequestObserved.TYPE, RequestObserved.VERSION,
                new RequestObserved(at, "203.0.113.9", method, path, query, status, 3, null, "r-" + at), at);
    }

    private static void send(String topic, String key, String... records) {
        TopicWatcher.send(KafkaResource.bootstrapServers(), topic, key, records);
    }

    private Map<String, String> live() {
        return Map.of("source", "live", "from", day.toString(), "to", day.toString());
    }

    /** Variants first; a probe view on another day shows when the read model knows the product. */
    private void catalogKnown() {
        send(Topics.CATALOG_VARIANTS, "v" + product,
                event(VariantState.UPSERTED, VariantState.VERSION, new VariantState(product * 10, product, category,
                        null, "Salmon", "1 kg", "A-1", new BigDecimal("10.50"), null, 5, true, true, false, null, null, null), at(0, 0)));
        send(Topics.CATALOG_VARIANTS, "v" + otherProduct,
                event(VariantState.UPSERTED, VariantState.VERSION, new VariantState(otherProduct * 10, otherProduct,
                        otherCategory, null, "Sprats", "can", "A-2", new BigDecimal("3.00"), null, 5, true, true, false, null, null, null),
                        at(0, 0)));
        LocalDate probeDay = day.minusDays(1);
        await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofSeconds(1)).until(() -> {
            Instant probe = probeDay.atStartOfDay().toInstant(ZoneOffset.UTC);
            send(Topics.GATEWAY_REQUESTS, "probe", request("GET", "/api/catalog/products/" + otherProduct, null, 200, probe));
            return AnalyticsClient.report("category-interest", Map.of("source", "live", "category", otherCategory,
                    "from", probeDay.toString(), "to", probeDay.toString())).getLong("views") > 0;
        });
    }

    @Test
    void gatewayRequestsAreViewsAndRequestsOfTheLiveReportsCountedOnce() {
        catalogKnown();
        String productView = request("GET", "/api/catalog/products/" + product, null, 200, at(10, 5));
        // the last record, alone in its hour: once hour 23 is reported, everything before it was handled
        String marker = request("GET", "/api/catalog/categories/" + category, null, 200, at(23, 30));
        send(Topics.GATEWAY_REQUESTS, "203.0.113.9",
                productView, productView, // delivered twice: one request
                request("GET", "/api/catalog/products", "page=1&categoryId=" + category, 200, at(10, 20)),
                request("GET", "/api/catalog/products/" + product, null, 404, at(11, 0)), // not shown: not a view
                request("POST", "/api/orders", null, 201, at(20, 0)),
                marker);

        String lastHour = day.atTime(23, 0).toInstant(ZoneOffset.UTC).toString();
        await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(300)).until(() -> AnalyticsClient
                .report("busiest-hours", Map.of("source", "live", "from", day.toString(), "to", day.toString(), "limit", 24))
                .getList("items.hour").contains(lastHour));
        assertEquals(5, AnalyticsClient.report("visits-by-country", live()).getLong("requests"));

        JsonPath interest = AnalyticsClient.report("category-interest",
                Map.of("source", "live", "from", day.toString(), "to", day.toString(), "category", category));
        assertEquals(3, interest.getLong("views"));
        JsonPath timeOfDay = AnalyticsClient.report("category-time-of-day",
                Map.of("source", "live", "from", day.toString(), "to", day.toString(), "category", category));
        assertEquals("morning", timeOfDay.getString("busiest"));
        assertEquals(2, timeOfDay.getLong("hours.find { it.hour == 10 }.views"));
        assertEquals(1, timeOfDay.getLong("periods.find { it.period == 'evening' }.views"));
        JsonPath busiest = AnalyticsClient.report("busiest-hours", live());
        assertEquals(day.atTime(10, 0).toInstant(ZoneOffset.UTC).toString(), busiest.getString("busiest.hour"));
        assertEquals(2, busiest.getLong("busiest.requests"));
        // the logs know nothing of that day
        assertEquals(0, AnalyticsClient.report("visits-by-country",
                Map.of("source", "logs", "from", day.toString(), "to", day.toString())).getLong("requests"));
    }

    private String order(String type, long orderId, Long customerId, List<OrderLine> lines, String total, Instant at) {
        return event(type, OrderEvent.VERSION, new OrderEvent(orderId, customerId, "x", null, "card",
                new BigDecimal(total), lines, null), at);
    }

    @Test
    void ordersAreCartsAndSalesOfTheLiveReports() {
        catalogKnown();
        long first = product + 100;
        long second = product + 101;
        long unpaid = product + 102;
        // the first order had a promo code: 1.50 off its product line (what the line earns is 21.00 - 1.50)
        List<OrderLine> both = List.of(new OrderLine(product * 10, product, null, 2, new BigDecimal("10.50"), new BigDecimal("1.50")),
                new OrderLine(otherProduct * 10, otherProduct, null, 1, new BigDecimal("3.00")));
        List<OrderLine> one = List.of(new OrderLine(product * 10, product, null, 1, new BigDecimal("10.50")));
        String firstPaid = order(OrderEvent.PAID, first, customer, both, "22.50", at(9, 30));
        send(Topics.ORDERS_EVENTS, "" + first, order(OrderEvent.PLACED, first, customer, both, "22.50", at(9, 0)),
                firstPaid, firstPaid); // paid delivered twice: one sale
        send(Topics.ORDERS_EVENTS, "" + second, order(OrderEvent.PLACED, second, customer, one, "10.50", at(12, 0)),
                order(OrderEvent.PAID, second, customer, one, "10.50", at(12, 10)));
        send(Topics.ORDERS_EVENTS, "" + unpaid, order(OrderEvent.PLACED, unpaid, null, one, "10.50", at(13, 0)),
                order(OrderEvent.CANCELLED, unpaid, null, one, "10.50", at(14, 0)));

        await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(300)).until(() ->
                AnalyticsClient.report("sales/conversion", Map.of("from", day.toString(), "to", day.toString()))
                        .getLong("placed") == 3
                        && AnalyticsClient.report("sales/daily", Map.of("from", day.toString(), "to", day.toString()))
                        .getLong("paid") == 2);

        JsonPath together = AnalyticsClient.report("bought-together",
                Map.of("source", "live", "from", day.toString(), "to", day.toString(), "category", category));
        assertEquals(2, together.getLong("paidCarts"));
        assertEquals(List.of(Map.of("category", String.valueOf(otherCategory), "carts", 1)), together.getList("items"));
        assertEquals(1, AnalyticsClient.report("unpaid-carts", live()).getLong("unpaidCarts"));
        assertEquals(1, AnalyticsClient.report("repeat-customers", live()).getLong("customers"));

        JsonPath daily = AnalyticsClient.report("sales/daily", Map.of("from", day.toString(), "to", day.toString()));
        assertEquals(3, daily.getLong("placed"));
        assertMoney("33.00", daily.getString("revenue"));
        assertEquals(day.toString(), daily.getString("days[0].day"));
        JsonPath top = AnalyticsClient.report("sales/top-products", Map.of("from", day.toString(), "to", day.toString()));
        assertEquals(product, top.getLong("items[0].productId"));
        assertEquals("Salmon", top.getString("items[0].productName"));
        assertEquals(3, top.getLong("items[0].quantity"));
        assertMoney("30.00", top.getString("items[0].revenue")); // less the line discount
        assertEquals(2, top.getLong("items[0].orders"));
        assertEquals(otherProduct, top.getLong("items[1].productId"));
        JsonPath conversion = AnalyticsClient.report("sales/conversion", Map.of("from", day.toString(), "to", day.toString()));
        assertEquals(2, conversion.getLong("paid"));
        assertMoney("0.6667", conversion.getString("placedToPaid"));
        // no cart was written through the gateway that day: no cart-to-paid rate
        assertEquals(0, conversion.getLong("carts"));
        org.junit.jupiter.api.Assertions.assertNull(conversion.get("rate"));

        AnalyticsClient.admin().queryParam("from", day.toString()).queryParam("to", day.toString())
                .accept("text/csv").when().get("/api/analytics/reports/sales/daily")
                .then().statusCode(200).contentType(startsWith("text/csv"))
                .body(containsString("day,placed,paid,revenue\r\n" + day + ",3,2,33.00\r\n"));
    }

    /**
     * A product name is text from outside (a supplier's price list): one that starts like a formula and
     * holds a comma is quoted and neutralised inside the quotes, so a spreadsheet shows it as text.
     */
    @Test
    void aFormulaInAProductNameIsWrittenToTheCsvAsText() {
        String formula = "=HYPERLINK(\"http://evil.example\",\"click\"),1";
        send(Topics.CATALOG_VARIANTS, "v" + product,
                event(VariantState.UPSERTED, VariantState.VERSION, new VariantState(product * 10, product, category,
                        null, formula, "1 kg", "A-9", new BigDecimal("10.50"), null, 5, true, true, false, null, null, null), at(0, 0)));
        long order = product + 100;
        List<OrderLine> one = List.of(new OrderLine(product * 10, product, null, 1, new BigDecimal("10.50")));
        Map<String, Object> range = Map.of("from", day.toString(), "to", day.toString());
        send(Topics.ORDERS_EVENTS, "" + order, order(OrderEvent.PLACED, order, customer, one, "10.50", at(9, 0)),
                order(OrderEvent.PAID, order, customer, one, "10.50", at(9, 5)));
        await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(300)).until(() ->
                formula.equals(AnalyticsClient.report("sales/top-products", range).getString("items[0].productName")));

        String csv = AnalyticsClient.admin().queryParams(range).queryParam("format", "csv").when()
                .get("/api/analytics/reports/sales/top-products").then().statusCode(200).extract().asString();
        // inside the quotes, not before them ('"=HYPERLINK(...": the quote is then text and the formula runs)
        org.junit.jupiter.api.Assertions.assertTrue(
                csv.contains("\r\n" + product + ",\"'=HYPERLINK(\"\"http://evil.example\"\",\"\"click\"\"),1\",1,"), csv);
    }

    /** Both topics are read in parallel: an order may be recorded before the catalog told its variants. */
    @Test
    void ordersReadBeforeTheirVariantsGetTheCategoryWhenTheVariantArrives() {
        long order = product + 100;
        List<OrderLine> both = List.of(new OrderLine(product * 10, product, null, 1, new BigDecimal("10.50")),
                new OrderLine(otherProduct * 10, otherProduct, null, 1, new BigDecimal("3.00")));
        send(Topics.ORDERS_EVENTS, "" + order, order(OrderEvent.PLACED, order, customer, both, "13.50", at(9, 0)),
                order(OrderEvent.PAID, order, customer, both, "13.50", at(9, 5)));
        Map<String, Object> together = Map.of("source", "live", "from", day.toString(), "to", day.toString(),
                "category", category);
        await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(300)).until(() ->
                AnalyticsClient.report("sales/daily", Map.of("from", day.toString(), "to", day.toString()))
                        .getLong("paid") == 1);
        // the paid cart is there, but nothing tells its items' categories yet
        assertEquals(0, AnalyticsClient.report("bought-together", together).getLong("paidCarts"));

        catalogKnown();

        JsonPath report = AnalyticsClient.report("bought-together", together);
        assertEquals(1, report.getLong("paidCarts"));
        assertEquals(List.of(Map.of("category", String.valueOf(otherCategory), "carts", 1)), report.getList("items"));
        assertEquals(1, AnalyticsClient.report("bought-together", Map.of("source", "live", "from", day.toString(),
                "to", day.toString(), "category", otherCategory)).getLong("paidCarts"));
    }

    private static String request(String method, String path, int status, Instant at, String userId, String cartKey) {
        return event(RequestObserved.TYPE, RequestObserved.VERSION, new RequestObserved(at, "203.0.113.9", method, path,
                null, status, 3, userId, "r-" + at, cartKey), at);
    }

    @Test
    void conversionIsFromCartsFilledThroughTheGatewayToPaidOrders() {
        String guestCart = "guest-hash-" + product; // what the gateway sends: a hash, never the cart token
        String otherGuest = "guest-hash-" + otherProduct;
        String customerWrite = request("PUT", "/api/cart/items/" + product * 10, 200, at(8, 0), "" + customer, null);
        send(Topics.GATEWAY_REQUESTS, "203.0.113.9",
                customerWrite, customerWrite, // delivered twice
                request("PUT", "/api/cart/items/" + otherProduct * 10, 200, at(8, 5), "" + customer, null), // same cart
                request("PUT", "/api/cart", 200, at(10, 0), null, guestCart),
                request("PUT", "/api/cart/items/" + product * 10, 200, at(10, 1), null, guestCart), // same cart
                // not carts filled: a refused write, reading, emptying, a merge, another day
                request("PUT", "/api/cart/items/" + product * 10, 400, at(11, 0), null, otherGuest),
                request("GET", "/api/cart", 200, at(11, 1), null, otherGuest),
                request("DELETE", "/api/cart", 200, at(11, 2), null, otherGuest),
                request("POST", "/api/cart/merge", 200, at(11, 3), "" + customer, otherGuest),
                request("PUT", "/api/cart", 200, day.minusDays(1).atTime(12, 0).toInstant(ZoneOffset.UTC), null, otherGuest),
                // the marker, alone in its hour: once it is counted, everything before it was handled
                request("GET", "/api/catalog/categories/" + category, 200, at(23, 30), null, null));
        long order = product + 100;
        List<OrderLine> one = List.of(new OrderLine(product * 10, product, null, 1, new BigDecimal("10.50")));
        send(Topics.ORDERS_EVENTS, "" + order, order(OrderEvent.PLACED, order, customer, one, "10.50", at(8, 30)),
                order(OrderEvent.PAID, order, customer, one, "10.50", at(8, 40)));

        String lastHour = day.atTime(23, 0).toInstant(ZoneOffset.UTC).toString();
        Map<String, Object> range = Map.of("from", day.toString(), "to", day.toString());
        await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(300)).until(() -> AnalyticsClient
                .report("busiest-hours", Map.of("source", "live", "from", day.toString(), "to", day.toString(), "limit", 24))
                .getList("items.hour").contains(lastHour)
                && AnalyticsClient.report("sales/daily", range).getLong("paid") == 1);

        JsonPath conversion = AnalyticsClient.report("sales/conversion", range);
        assertEquals(2, conversion.getLong("carts"), conversion.prettify());
        assertEquals(1, conversion.getLong("placed"));
        assertEquals(1, conversion.getLong("paid"));
        assertMoney("0.5", conversion.getString("rate"));
        assertMoney("1", conversion.getString("placedToPaid"));
        AnalyticsClient.admin().queryParams(range).queryParam("format", "csv").when()
                .get("/api/analytics/reports/sales/conversion").then().statusCode(200)
                .body(containsString("carts,placed,paid,rate,placed_to_paid\r\n2,1,1,0.5000,1.0000\r\n"));
        // the cart writes are requests like any other
        assertEquals(9, AnalyticsClient.report("visits-by-country", live()).getLong("requests"));
    }

    /** JSON numbers come back as floats: compare the values. */
    private static void assertMoney(String expected, String actual) {
        assertEquals(0, new BigDecimal(expected).compareTo(new BigDecimal(actual)), expected + " != " + actual);
    }

    @Test
    void salesWithoutOrdersAreEmptyAndBadParametersAre400() {
        Map<String, String> range = Map.of("from", "1999-01-01", "to", "1999-01-02");
        assertEquals(0, AnalyticsClient.report("sales/daily", range).getList("days").size());
        assertEquals(0, AnalyticsClient.report("sales/top-products", range).getList("items").size());
        org.junit.jupiter.api.Assertions.assertNull(AnalyticsClient.report("sales/conversion", range).get("rate"));
        AnalyticsClient.admin().queryParam("limit", "0").when().get("/api/analytics/reports/sales/top-products")
                .then().statusCode(400).contentType("application/problem+json");
        AnalyticsClient.admin().queryParam("from", "tomorrow").when().get("/api/analytics/reports/sales/daily")
                .then().statusCode(400).contentType("application/problem+json");
        AnalyticsClient.admin().when().get("/api/analytics/reports/sales/nothing").then().statusCode(404);
    }

    @Test
    void salesAreForStaffOnly() {
        given().when().get("/api/analytics/reports/sales/daily").then().statusCode(401);
        given().auth().oauth2(AnalyticsClient.CUSTOMER).when().get("/api/analytics/reports/sales/daily")
                .then().statusCode(403);
        given().auth().oauth2(AnalyticsClient.MANAGER).when().get("/api/analytics/reports/sales/conversion")
                .then().statusCode(200);
    }
}
