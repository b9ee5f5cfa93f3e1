package shop.devstack.demo;

import shop.devstack.infra.Json;

import java.io.IOException;
import java.math.BigDecimal;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The people side of the demo shop: two delivery types, two registered customers (who can sign in:
 * {@code anna.demo@example.com} / {@code ivan.demo@example.com}, password {@code demo-password}) and a
 * handful of their orders walked to different statuses by the platform's own rules — one placed and
 * confirmed, one paid in the sandbox, one shipped, one delivered, one cancelled after payment (refund
 * due) — so the storefront's account pages and the staff console's order pages have something to show.
 * Everything goes through the public API as a real customer and a real admin would. A customer who has
 * orders already (an earlier run) gets no new ones.
 */
final class DemoOrders {

    static final String PASSWORD = "demo-password";

    private record Person(String firstName, String lastName, String email, String phone, String city, String street,
                          String house) {
    }

    /** One demo order: lines (article of a demo product → units), how it is paid, and how far staff take it. */
    private record Plan(Person who, Map<String, Integer> lines, String paymentMethod, List<String> walk, String comment) {
    }

    private static final Person ANNA = new Person("Anna", "Petrova", "anna.demo@example.com", "+7 916 100-00-01",
            "Moscow", "Tverskaya", "7");
    private static final Person IVAN = new Person("Ivan", "Smirnov", "ivan.demo@example.com", "+7 916 100-00-02",
            "Saint Petersburg", "Nevsky prospekt", "28");

    /** "paid-in-sandbox" pays the card order through the sandbox page, as the customer would. */
    private static final String PAY_IN_SANDBOX = "paid-in-sandbox";

    private static final List<Plan> PLANS = List.of(
            new Plan(ANNA, Map.of("DEMO-001", 1, "DEMO-011", 2), "cash", List.of(), "Please call before delivery"),
            new Plan(ANNA, Map.of("DEMO-017", 1), "card", List.of(PAY_IN_SANDBOX), null),
            new Plan(IVAN, Map.of("DEMO-024", 1, "DEMO-009", 1), "card", List.of(PAY_IN_SANDBOX, "shipped"), null),
            new Plan(IVAN, Map.of("DEMO-026", 1), "cash", List.of("paid", "shipped", "delivered"), null),
            new Plan(ANNA, Map.of("DEMO-003", 1), "cash", List.of("paid", "cancelled"), "Gift wrapping, please"));

    private static final Duration PATIENCE = Duration.ofSeconds(90);

    private final GatewayClient admin;
    private final Object clothingCategoryId;

    DemoOrders(GatewayClient admin, Object clothingCategoryId) {
        this.admin = admin;
        this.clothingCategoryId = clothingCategoryId;
    }

    record Created(int deliveryTypes, int customers, int orders) {
        int total() {
            return deliveryTypes + customers + orders;
        }
    }

    Created load() throws IOException {
        int deliveryTypes = ensureDeliveryType("Courier", "350.00", "5000.00") + ensureDeliveryType("Pickup point", "0.00", null);
        Object courier = admin.find("/api/delivery-types", "name", "Courier").orElseThrow().get("id");
        Map<String, Map<?, ?>> variantsByArticle = productsByArticle();
        int customers = 0;
        int orders = 0;
        Map<String, Object> customerIds = new LinkedHashMap<>();
        for (Person person : List.of(ANNA, IVAN)) {
            Optional<Object> existing = existingCustomer(person);
            if (existing.isEmpty()) {
                customerIds.put(person.email(), register(person));
                customers++;
            } else {
                customerIds.put(person.email(), existing.get());
            }
        }
        Map<String, Boolean> hasOrders = new LinkedHashMap<>();
        for (Person person : List.of(ANNA, IVAN)) {
            hasOrders.put(person.email(), countOrders(customerIds.get(person.email())) > 0);
        }
        for (Plan plan : PLANS) {
            if (hasOrders.get(plan.who().email())) {
                continue; // an earlier run placed this customer's orders
            }
            GatewayClient customer = admin.signedInAs(Map.of("email", plan.who().email(), "password", PASSWORD));
            Object orderId = place(customer, plan, courier, variantsByArticle);
            orders++;
            String status = awaitDecision(orderId);
            if (!"confirmed".equals(status)) {
                continue; // rejected by the stock reservation (someone bought the stock): nothing to walk
            }
            for (String step : plan.walk()) {
                if (PAY_IN_SANDBOX.equals(step)) {
                    payInSandbox(customer, orderId);
                } else {
                    setStatus(orderId, step);
                }
            }
        }
        return new Created(deliveryTypes, customers, orders);
    }

    private int ensureDeliveryType(String name, String price, String freeFrom) throws IOException {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("name", name);
        body.put("price", new BigDecimal(price));
        if (freeFrom != null) {
            body.put("freeFrom", new BigDecimal(freeFrom));
        }
        HttpResponse<String> response = admin.json("POST", "/api/delivery-types", body);
        if (response.statusCode() == 201) {
            return 1;
        }
        if (response.statusCode() == 409) {
            return 0;
        }
        throw new IOException("creating delivery type " + name + " failed: " + GatewayClient.describe(response));
    }

    /** For each demo product (by article): its variants, so that an order can take one that is in stock. */
    private Map<String, Map<?, ?>> productsByArticle() throws IOException {
        HttpResponse<String> response = admin.json("GET", "/api/catalog/products?limit=100&categoryId=" + clothingCategoryId, null);
        if (response.statusCode() != 200) {
            throw new IOException("listing the demo products failed: " + GatewayClient.describe(response));
        }
        Map<String, Map<?, ?>> byArticle = new LinkedHashMap<>();
        for (Object item : (List<?>) Json.parseObject(response.body()).get("items")) {
            Map<?, ?> product = (Map<?, ?>) item;
            byArticle.put(String.valueOf(product.get("article")), product);
        }
        return byArticle;
    }

    private Optional<Object> existingCustomer(Person person) throws IOException {
        return admin.find("/api/customers?q=" + person.email(), "email", person.email()).map(c -> c.get("id"));
    }

    private Object register(Person person) throws IOException {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("firstName", person.firstName());
        body.put("lastName", person.lastName());
        body.put("email", person.email());
        body.put("phone", person.phone());
        body.put("password", PASSWORD);
        body.put("city", person.city());
        HttpResponse<String> response = admin.json("POST", "/api/customers", body);
        if (response.statusCode() != 201) {
            throw new IOException("registering " + person.email() + " failed: " + GatewayClient.describe(response));
        }
        Object id = GatewayClient.createdId(response);
        GatewayClient customer = admin.signedInAs(Map.of("email", person.email(), "password", PASSWORD));
        Map<String, Object> address = new LinkedHashMap<>();
        address.put("city", person.city());
        address.put("street", person.street());
        address.put("house", person.house());
        address.put("apartment", "12");
        HttpResponse<String> saved = customer.json("POST", "/api/customers/" + id + "/addresses", address);
        if (saved.statusCode() != 201) {
            throw new IOException("saving the address of " + person.email() + " failed: " + GatewayClient.describe(saved));
        }
        return id;
    }

    private long countOrders(Object customerId) throws IOException {
        HttpResponse<String> response = admin.json("GET", "/api/orders?limit=1&customerId=" + customerId, null);
        if (response.statusCode() != 200) {
            throw new IOException("listing orders failed: " + GatewayClient.describe(response));
        }
        return ((Number) Json.parseObject(response.body()).get("total")).longValue();
    }

    /**
     * Places the order as the signed-in customer. order-service learns the catalog's variants from Kafka,
     * so right after the catalog was created it may not know them yet (404/409): asked again until it does.
     */
    private Object place(GatewayClient customer, Plan plan, Object deliveryTypeId, Map<String, Map<?, ?>> products)
            throws IOException {
        List<Map<String, Object>> lines = new ArrayList<>();
        for (Map.Entry<String, Integer> line : new java.util.TreeMap<>(plan.lines()).entrySet()) {
            lines.add(Map.of("variantId", variantInStock(products, line.getKey(), line.getValue()), "quantity", line.getValue()));
        }
        Person who = plan.who();
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("lines", lines);
        body.put("contact", Map.of("firstName", who.firstName(), "lastName", who.lastName(), "phone", who.phone(),
                "email", who.email()));
        body.put("deliveryTypeId", deliveryTypeId);
        body.put("address", Map.of("city", who.city(), "street", who.street(), "house", who.house()));
        body.put("paymentMethod", plan.paymentMethod());
        if (plan.comment() != null) {
            body.put("comment", plan.comment());
        }
        // one key per order: a retry after a lost answer does not place it twice
        Map<String, String> headers = Map.of("Idempotency-Key", "demo-" + who.email() + "-" + PLANS.indexOf(plan));
        Instant giveUp = Instant.now().plus(PATIENCE);
        while (true) {
            HttpResponse<String> response = customer.json("POST", "/api/orders", body, headers);
            if (response.statusCode() == 201 || response.statusCode() == 200) {
                return Json.parseObject(response.body()).get("id");
            }
            boolean catalogNotThereYet = response.statusCode() == 404 || response.statusCode() == 409;
            if (!catalogNotThereYet || Instant.now().isAfter(giveUp)) {
                throw new IOException("placing a demo order failed: " + GatewayClient.describe(response));
            }
            pause();
        }
    }

    private static Object variantInStock(Map<String, Map<?, ?>> products, String article, int units) throws IOException {
        Map<?, ?> product = products.get(article);
        if (product == null) {
            throw new IOException("demo product " + article + " is missing");
        }
        for (Object v : (List<?>) product.get("variants")) {
            Map<?, ?> variant = (Map<?, ?>) v;
            if (((Number) variant.get("available")).intValue() >= units) {
                return variant.get("id");
            }
        }
        throw new IOException("demo product " + article + " has no variant with " + units + " in stock");
    }

    /** The stock reservation decides (confirmed or rejected) moments after the order is placed. */
    private String awaitDecision(Object orderId) throws IOException {
        Instant giveUp = Instant.now().plus(PATIENCE);
        while (true) {
            HttpResponse<String> response = admin.json("GET", "/api/orders/" + orderId, null);
            String status = response.statusCode() == 200 ? String.valueOf(Json.parseObject(response.body()).get("status")) : "?";
            if (!"new".equals(status) && !"?".equals(status)) {
                return status;
            }
            if (Instant.now().isAfter(giveUp)) {
                throw new IOException("demo order " + orderId + " was not confirmed in time: " + GatewayClient.describe(response));
            }
            pause();
        }
    }

    /** Starts a card payment as the customer and presses "Pay" on the sandbox page. */
    private void payInSandbox(GatewayClient customer, Object orderId) throws IOException {
        HttpResponse<String> started = customer.json("POST", "/api/orders/" + orderId + "/payments",
                Map.of("returnUrl", "/order.html?id=" + orderId, "failUrl", "/order.html?id=" + orderId));
        if (started.statusCode() != 201) {
            throw new IOException("starting the payment of demo order " + orderId + " failed: " + GatewayClient.describe(started));
        }
        Object paymentId = Json.parseObject(started.body()).get("paymentId");
        HttpResponse<String> paid = customer.form("/api/payments/sandbox/" + paymentId, Map.of("outcome", "pay"));
        if (paid.statusCode() >= 400) {
            throw new IOException("paying demo order " + orderId + " failed: " + GatewayClient.describe(paid));
        }
        // the browser would follow the page back through the return callback, where the shop learns it is paid
        Optional<String> callback = paid.headers().firstValue("Location").map(java.net.URI::create)
                .map(uri -> uri.getRawPath() + (uri.getRawQuery() == null ? "" : "?" + uri.getRawQuery()));
        if (callback.isPresent()) {
            customer.json("GET", callback.get(), null);
        }
        Instant giveUp = Instant.now().plus(PATIENCE);
        while (!"paid".equals(String.valueOf(Json.parseObject(admin.json("GET", "/api/orders/" + orderId, null).body()).get("status")))) {
            if (Instant.now().isAfter(giveUp)) {
                throw new IOException("demo order " + orderId + " is not paid after the sandbox payment");
            }
            pause();
        }
    }

    private void setStatus(Object orderId, String status) throws IOException {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("status", status);
        if ("cancelled".equals(status)) {
            body.put("reason", "the customer changed her mind");
        }
        HttpResponse<String> response = admin.json("PATCH", "/api/orders/" + orderId, body);
        if (response.statusCode() != 200) {
            throw new IOException("moving demo order " + orderId + " to " + status + " failed: " + GatewayClient.describe(response));
        }
    }

    private static void pause() throws IOException {
        try {
            Thread.sleep(500); // the launcher waiting for the platform's asynchronous steps, not a test
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted", e);
        }
    }
}
