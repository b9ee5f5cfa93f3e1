package shop.system;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.restassured.RestAssured;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import io.restassured.response.Response;
import io.restassured.specification.RequestSpecification;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.UUID;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.IntSupplier;
import java.util.stream.Collectors;
import shop.devstack.Service;
import shop.devstack.infra.ReceivedMail;

/**
 * A stream of orders through the gateway of a platform a test class started for itself ({@link OwnPlatform}),
 * and the checks that nothing was lost or doubled once it has stopped, whatever the class did to the platform
 * meanwhile (crashes in {@link ChaosSystemTest}, killed replicas in {@link ReplicasSystemTest}): guests and
 * signed-in customers, cash and card, some paid in the sandbox, some cancelled, scarce stock so that some are
 * rejected. Clients retry what failed with 5xx or no answer, with the same {@code Idempotency-Key}, as a real
 * client would (docs/orders.md).
 */
final class OrderStreamScenario {
    /** How long the platform may take to settle after the stream (catch-up of consumers, outboxes, mails). */
    private static final Duration SETTLE = Duration.ofSeconds(120);
    /** How long a client keeps retrying one request (a service restart on a loaded machine included). */
    private static final Duration CLIENT_PATIENCE = Duration.ofSeconds(150);
    static final int CLIENTS = 4;
    private static final List<String> FINAL_MAIL_STATUSES = List.of("confirmed", "rejected", "paid", "cancelled");

    private final OwnPlatform platform;
    private final String name;
    private final boolean unpaidCardOrdersExpire;

    /**
     * @param name                   prefixes the progress lines ({@code [chaos] ...})
     * @param unpaidCardOrdersExpire the platform cancels unpaid card orders within the test (a short
     *                               {@code SHOP_ORDERS_UNPAID_TIMEOUT}): a card order nobody paid may end cancelled
     */
    OrderStreamScenario(OwnPlatform platform, String name, boolean unpaidCardOrdersExpire) {
        this.platform = platform;
        this.name = name;
        this.unpaidCardOrdersExpire = unpaidCardOrdersExpire;
    }

    /** A stream of orders for the fixture's variants, started. */
    OrderStream stream(Fixture fixture) {
        return new OrderStream(fixture).start();
    }

    void progress(String what) {
        System.out.println("[" + name + "] " + java.time.Instant.now() + " " + what);
    }

    // ------------------------------------------------------------------------------------------------
    // The checks after a stream

    /**
     * Once the stream has stopped and the platform settled: every service ready, every order in a final state
     * its client expects, nothing lost or doubled, reservations one for one, outboxes drained, every mail once.
     */
    void assertNothingLostOrDoubled(Fixture fixture, OrderStream stream) throws SQLException {
        assertNothingLostOrDoubled(fixture, stream, 0);
    }

    /**
     * @param orderServiceCrashes how many times the test SIGKILLed an order-service instance: order mails are
     *                            sent at least once, and each such crash may repeat a mail the SMTP server had
     *                            accepted but whose "sent" had not committed (MailOutbox; at most one per sending
     *                            thread, the wake-up and the schedule), always as the same message (Message-ID).
     *                            Without crashes every mail goes out once.
     */
    void assertNothingLostOrDoubled(Fixture fixture, OrderStream stream, int orderServiceCrashes) throws SQLException {
        assertTrue(stream.problems.isEmpty(), "the clients met answers no retry explains:\n"
                + String.join("\n", stream.problems));
        Map<Long, PlacedOrder> placed = stream.placedById();
        assertTrue(placed.size() >= 20, "the stream placed too few orders to mean anything: " + placed.size());
        System.out.printf("[" + name + "] %d orders placed, %d refused at placement, %d failed attempts retried, %d replays%n",
                placed.size(), stream.refused.get(), stream.failedAttempts.get(), stream.replays.get());

        // 0. every service ready again: a consumer that gave up on its channel shows here (and stalls the saga)
        await("every service ready").atMost(SETTLE).pollInterval(Duration.ofSeconds(1)).untilAsserted(() -> {
            List<String> down = new ArrayList<>();
            for (Service service : Service.values()) { // each instance's own answer names the failing check
                for (String url : platform.stack().instanceUrls(service)) {
                    Response health = RestAssured.given().baseUri(url).when().get("/q/health/ready");
                    if (health.statusCode() != 200) {
                        down.add(service.module() + " " + url + " " + health.statusCode() + ": "
                                + health.asString().replaceAll("\\s+", " "));
                    }
                }
            }
            assertTrue(down.isEmpty(), "not ready after the chaos:\n" + String.join("\n", down));
        });
        progress("every service ready");

        // 1. every order reaches a final state of the saga (none stuck in "new"), as its client expects
        await("every order out of 'new', every sandbox-paid order paid").atMost(SETTLE).pollInterval(Duration.ofSeconds(1))
                .untilAsserted(() -> {
                    Map<Long, Map<String, Object>> orders = staffOrders(placed.keySet());
                    List<String> unsettled = new ArrayList<>();
                    placed.values().forEach(order -> {
                        String status = (String) orders.get(order.id).get("status");
                        if (status.equals("new") || (order.paidInSandbox && !order.allowedFinalStatuses().contains(status))) {
                            unsettled.add("#" + order.id + " " + status);
                        }
                    });
                    assertTrue(unsettled.isEmpty(), "not settled: " + unsettled);
                });
        progress("every order settled");
        Map<Long, Map<String, Object>> orders = staffOrders(placed.keySet());
        List<String> wrong = new ArrayList<>();
        for (PlacedOrder order : placed.values()) {
            String status = (String) orders.get(order.id).get("status");
            Set<String> allowed = order.allowedFinalStatuses();
            if (!allowed.contains(status)) {
                wrong.add("#" + order.id + " (" + order.describe() + ") is " + status + ", expected one of " + allowed);
            }
        }
        assertTrue(wrong.isEmpty(), String.join("\n", wrong));

        // 2. nothing lost, nothing doubled: the orders of these variants are exactly the ones the clients were answered
        Set<Long> inDatabase = longs(Service.ORDER, """
                select distinct o.id from customer_order o join order_line l on l.order_id = o.id
                where l.variant_id = any(?)""", fixture.variantIds());
        assertEquals(new TreeSet<>(placed.keySet()), inDatabase,
                "orders in order-service's database vs orders the clients were given (a retry must not order twice)");
        assertEquals(Set.of(), longs(Service.ORDER, "select id from customer_order where status = 'new'"),
                "orders stuck in 'new'");

        // 3. catalog's reservations match order-service's orders one for one, per order and variant, and
        // 4. no variant is oversold. Read again until they agree: on a platform with a short payment deadline an
        // unpaid card order may still expire (confirmed -> cancelled, its reservation released) after step 1 read it
        await("catalog's stock agrees with order-service's orders").atMost(SETTLE).pollInterval(Duration.ofSeconds(1))
                .untilAsserted(() -> {
            Map<Long, Map<String, Object>> current = staffOrders(placed.keySet());
            Map<Long, String> statuses = new TreeMap<>();
            Map<String, Integer> orderedOpen = new TreeMap<>();
            Map<String, Integer> orderedPaid = new TreeMap<>();
            current.forEach((id, order) -> {
                String status = (String) order.get("status");
                statuses.put(id, status);
                @SuppressWarnings("unchecked")
                List<Map<String, Object>> lines = (List<Map<String, Object>>) order.get("lines");
                for (Map<String, Object> line : lines) {
                    String key = id + "/" + line.get("variantId");
                    int quantity = ((Number) line.get("quantity")).intValue();
                    if (status.equals("confirmed")) {
                        orderedOpen.merge(key, quantity, Integer::sum);
                    } else if (status.equals("paid")) {
                        orderedPaid.merge(key, quantity, Integer::sum);
                    }
                }
            });
            assertEquals(orderedOpen, reservations(fixture, "reserved"),
                    "catalog's reserved units (order/variant) vs the lines of confirmed orders");
            assertEquals(orderedPaid, reservations(fixture, "sold"),
                    "catalog's sold units (order/variant) vs the lines of paid orders");
            Set<Long> rejected = statuses.entrySet().stream().filter(e -> e.getValue().equals("rejected"))
                    .map(Map.Entry::getKey).collect(Collectors.toCollection(TreeSet::new));
            assertEquals(rejected, longs(Service.CATALOG, "select order_id from stock_order where outcome = 'rejected' and order_id = any(?)",
                    placed.keySet().toArray(Long[]::new)), "orders catalog rejected vs orders order-service shows rejected");

            // no variant oversold: on hand never below zero, sold never more than the initial stock
            for (Variant variant : fixture.variants) {
                JsonPath product = given().when().get("/api/catalog/products/" + variant.productId)
                        .then().statusCode(200).extract().jsonPath();
                int onHand = product.getInt("variants[0].onHand");
                int reserved = product.getInt("variants[0].reserved");
                int sold = sum(orderedPaid, variant.id);
                assertTrue(onHand >= 0 && reserved <= onHand, variant + ": onHand " + onHand + ", reserved " + reserved);
                assertEquals(variant.initialStock - sold, onHand, variant + ": on hand = initial - sold to paid orders");
                assertEquals(sum(orderedOpen, variant.id), reserved, variant + ": reserved = the lines of confirmed orders");
                assertTrue(sold <= variant.initialStock, variant + " oversold: " + sold);
            }
        });

        // 5. every service's outbox drained
        await("every outbox drained").atMost(SETTLE).pollInterval(Duration.ofSeconds(1)).untilAsserted(() -> {
            for (Service service : databases()) {
                if (tableExists(service, "outbox_message")) {
                    assertEquals(0L, count(service, "select count(*) from outbox_message where sent_at is null"),
                            service.module() + ": unsent outbox rows");
                }
            }
        });

        progress("reservations match, outboxes drained");

        // 6. every customer mail exactly once: one per confirmation, rejection, payment, cancellation. The mailbox
        // is read before the history: a mail goes out only after its status change committed, so every mail read
        // has its change in the history read after it. An unpaid card order that expires meanwhile (the short
        // payment deadline) adds a change whose mail comes later: so compare again until the two agree.
        await("every order mail sent once").atMost(SETTLE).pollInterval(Duration.ofSeconds(1)).untilAsserted(() -> {
            Map<String, Integer> messages = orderMessages(placed.keySet());
            Map<String, Integer> sentMails = orderMails(placed.keySet());
            Map<String, Integer> expectedMails = mailsOfHistory(placed.keySet());
            // as messages (their Message-ID) every mail went out exactly once, crash or not: a repeat is the same message
            assertEquals(Map.of(), differences(expectedMails, messages),
                    "order mails whose distinct Message-IDs are not one (subject -> expected, received)");
            if (orderServiceCrashes == 0) {
                assertEquals(Map.of(), differences(expectedMails, sentMails),
                        "order mails sent other than once (subject -> expected, received)");
            } else {
                Map<String, Integer> repeated = new TreeMap<>();
                sentMails.forEach((subject, times) -> {
                    int expected = expectedMails.getOrDefault(subject, 0);
                    if (times > expected) {
                        repeated.put(subject, times - expected);
                    }
                });
                int repeats = repeated.values().stream().mapToInt(Integer::intValue).sum();
                assertTrue(repeats <= 2 * orderServiceCrashes, "more mails repeated than " + orderServiceCrashes
                        + " order-service crash(es) can explain: " + repeated);
            }
        });
        progress("every order mail sent (repeats only from crashes)");

        // 7. a crash is no reason to dead-letter an event
        // (the dead-letter table arrives with the consumers' retry/dead-letter change; skipped where absent)
        for (Service service : databases()) {
            for (String table : strings(service, """
                    select table_name from information_schema.tables
                    where table_schema = 'public' and table_name like '%dead%letter%'""")) {
                assertEquals(0L, count(service, "select count(*) from " + table),
                        service.module() + ": events dead-lettered in " + table);
            }
        }
    }

    /** The mails the orders' history calls for: subject -> how many (one per confirmation, rejection, payment, cancellation). */
    private Map<String, Integer> mailsOfHistory(Collection<Long> orderIds) throws SQLException {
        Map<String, Integer> mails = new TreeMap<>();
        try (Connection db = connect(Service.ORDER); PreparedStatement query = db.prepareStatement("""
                select order_id, to_status from order_status_change
                where order_id = any(?) and to_status = any(?)""")) {
            query.setArray(1, db.createArrayOf("bigint", orderIds.toArray()));
            query.setArray(2, db.createArrayOf("varchar", FINAL_MAIL_STATUSES.toArray()));
            try (ResultSet rows = query.executeQuery()) {
                while (rows.next()) {
                    mails.merge(mailSubject(rows.getLong(1), rows.getString(2)), 1, Integer::sum);
                }
            }
        }
        return mails;
    }

    private static String mailSubject(long orderId, String status) {
        return switch (status) {
            case "confirmed" -> "Order #" + orderId + " is confirmed";
            case "rejected" -> "Order #" + orderId + " could not be accepted";
            case "paid" -> "Order #" + orderId + " is paid";
            case "cancelled" -> "Order #" + orderId + " is cancelled";
            default -> throw new IllegalArgumentException(status);
        };
    }

    /** Only the entries where the two counts differ, as subject -> "expected, received" (readable in a failure). */
    private static Map<String, String> differences(Map<String, Integer> expected, Map<String, Integer> actual) {
        Map<String, String> differences = new TreeMap<>();
        Set<String> subjects = new TreeSet<>(expected.keySet());
        subjects.addAll(actual.keySet());
        for (String subject : subjects) {
            int want = expected.getOrDefault(subject, 0);
            int got = actual.getOrDefault(subject, 0);
            if (want != got) {
                differences.put(subject, want + ", " + got);
            }
        }
        return differences;
    }

    /** Customer mails about these orders: subject -> how many times received. */
    private Map<String, Integer> orderMails(Collection<Long> orderIds) {
        Map<String, Integer> mails = new TreeMap<>();
        for (ReceivedMail mail : platform.stack().mailbox()) {
            for (Long id : orderIds) {
                if (mail.subject().startsWith("Order #" + id + " ")) {
                    mails.merge(mail.subject(), 1, Integer::sum);
                }
            }
        }
        return mails;
    }

    /** Per order mail subject, how many different messages (Message-ID headers) were received. */
    private Map<String, Integer> orderMessages(Collection<Long> orderIds) {
        Map<String, Set<String>> ids = new TreeMap<>();
        for (ReceivedMail mail : platform.stack().mailbox()) {
            for (Long id : orderIds) {
                if (mail.subject().startsWith("Order #" + id + " ")) {
                    assertFalse(mail.messageId().isEmpty(), "an order mail without a Message-ID: " + mail.subject());
                    ids.computeIfAbsent(mail.subject(), subject -> new TreeSet<>()).add(mail.messageId());
                }
            }
        }
        Map<String, Integer> counts = new TreeMap<>();
        ids.forEach((subject, messageIds) -> counts.put(subject, messageIds.size()));
        return counts;
    }

    /** Orders as staff see them ({@code status}, {@code lines}, ...), by id. */
    private Map<Long, Map<String, Object>> staffOrders(Collection<Long> ids) {
        Map<Long, Map<String, Object>> orders = new HashMap<>();
        List<Long> all = new ArrayList<>(ids);
        for (int from = 0; from < all.size(); from += 100) {
            String chunk = all.subList(from, Math.min(all.size(), from + 100)).stream().map(String::valueOf)
                    .collect(Collectors.joining(","));
            List<Map<String, Object>> items = given().auth().oauth2(platform.adminToken()).queryParam("ids", chunk)
                    .queryParam("limit", 200).when().get("/api/orders").then().statusCode(200)
                    .extract().jsonPath().getList("items");
            items.forEach(item -> orders.put(((Number) item.get("id")).longValue(), item));
        }
        assertEquals(new TreeSet<>(ids), new TreeSet<>(orders.keySet()), "every placed order is there");
        return orders;
    }

    /** Catalog's reservation rows of the fixture's variants in one state: "order/variant" -> units (staff API). */
    private Map<String, Integer> reservations(Fixture fixture, String state) {
        Map<String, Integer> units = new TreeMap<>();
        for (Variant variant : fixture.variants) {
            for (int offset = 0; ; offset += 200) {
                JsonPath page = given().auth().oauth2(platform.adminToken()).queryParam("variantId", variant.id)
                        .queryParam("state", state).queryParam("limit", 200).queryParam("offset", offset)
                        .when().get("/api/catalog/stock/reservations").then().statusCode(200).extract().jsonPath();
                List<Map<String, Object>> items = page.getList("items");
                for (Map<String, Object> item : items) {
                    units.merge(item.get("orderId") + "/" + item.get("variantId"),
                            ((Number) item.get("quantity")).intValue(), Integer::sum);
                }
                if (items.size() < 200) {
                    break;
                }
            }
        }
        return units;
    }

    private static int sum(Map<String, Integer> unitsByOrderAndVariant, long variantId) {
        return unitsByOrderAndVariant.entrySet().stream().filter(e -> e.getKey().endsWith("/" + variantId))
                .mapToInt(Map.Entry::getValue).sum();
    }

    // ------------------------------------------------------------------------------------------------
    // JDBC on the stack's databases, for what no API shows (outboxes, catalog's saga rows, history rows)

    private static List<Service> databases() {
        return java.util.Arrays.stream(Service.values()).filter(service -> service.database() != null).toList(); // the registry
    }

    private Connection connect(Service service) throws SQLException {
        return DriverManager.getConnection(platform.stack().jdbcUrl(service), service.database(), service.database());
    }

    private boolean tableExists(Service service, String table) throws SQLException {
        return count(service, "select count(*) from information_schema.tables where table_schema = 'public'"
                + " and table_name = '" + table + "'") > 0;
    }

    private long count(Service service, String sql) throws SQLException {
        try (Connection db = connect(service); ResultSet rows = db.createStatement().executeQuery(sql)) {
            rows.next();
            return rows.getLong(1);
        }
    }

    private List<String> strings(Service service, String sql) throws SQLException {
        List<String> values = new ArrayList<>();
        try (Connection db = connect(service); ResultSet rows = db.createStatement().executeQuery(sql)) {
            while (rows.next()) {
                values.add(rows.getString(1));
            }
        }
        return values;
    }

    /** The first column of a query as numbers; an array parameter (bigint[]) when given. */
    private Set<Long> longs(Service service, String sql, Long... arrayParameter) throws SQLException {
        Set<Long> values = new TreeSet<>();
        try (Connection db = connect(service); PreparedStatement query = db.prepareStatement(sql)) {
            if (sql.contains("?")) {
                query.setArray(1, db.createArrayOf("bigint", arrayParameter));
            }
            try (ResultSet rows = query.executeQuery()) {
                while (rows.next()) {
                    values.add(rows.getLong(1));
                }
            }
        }
        return values;
    }

    // ------------------------------------------------------------------------------------------------
    // The shop the stream buys from, and its customers

    private RequestSpecification given() {
        return platform.given();
    }

    record Variant(long id, long productId, int initialStock) {
    }

    /** The shop a stream buys from: four variants at 1000.00 (three scarce), a delivery type, three customers. */
    record Fixture(List<Variant> variants, long deliveryTypeId, List<String> customerTokens) {
        static final int[] STOCK = {4, 6, 10, 500};

        Long[] variantIds() {
            return variants.stream().map(Variant::id).toArray(Long[]::new);
        }
    }

    /** Four variants at 1000.00, three of them scarce (so that orders get rejected), a delivery type, three customers. */
    Fixture fixture(String tag) {
        String unique = tag + "-" + UUID.randomUUID().toString().substring(0, 8);
        long category = staff().body(Map.of("name", "Chaos " + unique))
                .when().post("/api/catalog/categories").then().statusCode(201).extract().jsonPath().getLong("id");
        List<Variant> variants = new ArrayList<>();
        for (int i = 0; i < Fixture.STOCK.length; i++) {
            long product = staff().body(Map.of("name", "Chaos scarf " + i + " " + unique, "article",
                            "CH-" + i + "-" + unique, "categoryId", category))
                    .when().post("/api/catalog/products").then().statusCode(201).extract().jsonPath().getLong("id");
            long variant = staff().body(Map.of("name", "One size", "price", 1000.00, "onHand", Fixture.STOCK[i]))
                    .when().post("/api/catalog/products/" + product + "/variants").then().statusCode(201)
                    .extract().jsonPath().getLong("id");
            variants.add(new Variant(variant, product, Fixture.STOCK[i]));
        }
        long delivery = staff().body(Map.of("name", "Courier " + unique, "price", 300.00))
                .when().post("/api/delivery-types").then().statusCode(201).extract().jsonPath().getLong("id");
        List<String> customers = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            customers.add(newCustomer());
        }
        // order-service knows a variant once catalog.variants has told it: until then it refuses it
        for (Variant variant : variants) {
            await().atMost(Duration.ofSeconds(60)).until(() -> given().contentType(ContentType.JSON)
                    .body(Map.of("quantity", 1)).when().put("/api/cart/items/" + variant.id()).statusCode() == 200);
        }
        return new Fixture(variants, delivery, customers);
    }

    private RequestSpecification staff() {
        return given().auth().oauth2(platform.adminToken()).contentType(ContentType.JSON);
    }

    private String newCustomer() {
        String email = "chaos-" + UUID.randomUUID().toString().substring(0, 12) + "@example.com";
        String phone = "+7917" + String.format("%07d", Math.floorMod(email.hashCode(), 10_000_000));
        given().contentType(ContentType.JSON).body(Map.of("firstName", "Irina", "lastName", "Sokolova",
                        "email", email, "phone", phone, "password", "chaos-pass"))
                .when().post("/api/customers").then().statusCode(201);
        return given().contentType(ContentType.JSON).body(Map.of("email", email, "password", "chaos-pass"))
                .when().post("/api/auth/token").then().statusCode(200).extract().path("accessToken");
    }

    // ------------------------------------------------------------------------------------------------
    // The clients

    /** An order a client was answered with (201, or 200 for a replayed retry), and what the client did with it. */
    final class PlacedOrder {
        final long id;
        final String accessToken;
        final String customerToken; // null: a guest, who uses the order's access token
        final String paymentMethod;
        final String followUp; // "pay", "cancel" or "none"
        volatile boolean paidInSandbox;   // the sandbox took the click: the order must end paid
        volatile boolean mayBePaid;       // a click whose answer was lost: paid or not
        volatile boolean cancelled;       // the cancel was answered 200: the order must end cancelled
        volatile boolean mayBeCancelled;  // a cancel whose answer was lost
        volatile String lastSeenStatus = "new";

        PlacedOrder(long id, String accessToken, String customerToken, String paymentMethod, String followUp) {
            this.id = id;
            this.accessToken = accessToken;
            this.customerToken = customerToken;
            this.paymentMethod = paymentMethod;
            this.followUp = followUp;
        }

        RequestSpecification asOwner() {
            RequestSpecification spec = given().contentType(ContentType.JSON);
            return customerToken == null ? spec.header("X-Order-Token", accessToken) : spec.auth().oauth2(customerToken);
        }

        /** The statuses this order may end in, from what its client did and was answered. */
        Set<String> allowedFinalStatuses() {
            if (cancelled) {
                return Set.of("cancelled");
            }
            if (paidInSandbox) {
                // with a short payment deadline the click may reach the sandbox after the deadline cancelled the
                // order (a slow follow-up on a loaded machine): the late payment is refunded, the order stays cancelled
                return unpaidCardOrdersExpire ? Set.of("paid", "cancelled") : Set.of("paid");
            }
            Set<String> allowed = new TreeSet<>(Set.of("confirmed", "rejected"));
            if (unpaidCardOrdersExpire && paymentMethod.equals("card")) {
                allowed.add("cancelled"); // not paid in time
            }
            if (mayBePaid) {
                allowed.add("paid");
            }
            if (mayBeCancelled) {
                allowed.add("cancelled");
            }
            return allowed;
        }

        String describe() {
            return (customerToken == null ? "guest" : "customer") + ", " + paymentMethod + ", follow-up " + followUp
                    + (paidInSandbox ? ", paid in the sandbox" : "") + (cancelled ? ", cancelled" : "");
        }
    }

    /**
     * {@value #CLIENTS} client threads placing orders, plus one that pays or cancels some of them once
     * confirmed. Whatever fails with 5xx or without an answer is retried, the order with the same key.
     */
    final class OrderStream {
        final Fixture fixture;
        final ConcurrentLinkedQueue<PlacedOrder> placed = new ConcurrentLinkedQueue<>();
        final LinkedBlockingQueue<PlacedOrder> followUps = new LinkedBlockingQueue<>();
        final ConcurrentLinkedQueue<String> problems = new ConcurrentLinkedQueue<>();
        final AtomicInteger refused = new AtomicInteger();
        final AtomicInteger failedAttempts = new AtomicInteger();
        final AtomicInteger replays = new AtomicInteger();
        final AtomicInteger guestCounter = new AtomicInteger();
        final AtomicBoolean running = new AtomicBoolean(true);
        final List<Thread> clients = new ArrayList<>();
        Thread followUpThread;

        OrderStream(Fixture fixture) {
            this.fixture = fixture;
        }

        OrderStream start() {
            for (int i = 0; i < CLIENTS; i++) {
                Thread client = new Thread(this::placeOrders, name + "-client-" + i);
                client.start();
                clients.add(client);
            }
            followUpThread = new Thread(this::followUp, name + "-follow-up");
            followUpThread.start();
            return this;
        }

        /** Waits until the stream has placed {@code more} orders beyond those placed so far. */
        void awaitPlaced(int more) {
            awaitGrowth("orders placed", placed::size, more);
        }

        /** Waits until clients have seen {@code more} failed attempts (the outage is visible to them). */
        void awaitFailedAttempts(int more) {
            awaitGrowth("failed attempts", failedAttempts::get, more);
        }

        private void awaitGrowth(String what, IntSupplier counter, int more) {
            int target = counter.getAsInt() + more;
            await(what + " to reach " + target).atMost(CLIENT_PATIENCE).pollInterval(Duration.ofMillis(200))
                    .until(() -> counter.getAsInt() >= target || !problems.isEmpty());
            assertTrue(problems.isEmpty(), "the clients met answers no retry explains:\n" + String.join("\n", problems));
        }

        /** Stops placing, lets every client finish (retries included) and every follow-up be done. */
        void stop() throws InterruptedException {
            running.set(false);
            for (Thread client : clients) {
                client.join(CLIENT_PATIENCE.toMillis() + 10_000);
            }
            followUpThread.join(CLIENT_PATIENCE.toMillis() * 2);
            if (followUpThread.isAlive() || clients.stream().anyMatch(Thread::isAlive)) {
                problems.add("the clients did not finish in time");
            }
        }

        Map<Long, PlacedOrder> placedById() {
            Map<Long, PlacedOrder> byId = new LinkedHashMap<>();
            placed.forEach(order -> byId.put(order.id, order));
            return byId;
        }

        private void placeOrders() {
            ThreadLocalRandom random = ThreadLocalRandom.current();
            while (running.get()) {
                String customer = random.nextBoolean() ? null
                        : fixture.customerTokens().get(random.nextInt(fixture.customerTokens().size()));
                String paymentMethod = random.nextInt(10) < 4 ? "card" : "cash";
                String followUp = paymentMethod.equals("card") ? (random.nextInt(10) < 7 ? "pay" : "none")
                        : (random.nextInt(10) < 2 ? "cancel" : "none");
                Map<String, Object> body = orderBody(random, customer == null);
                String key = UUID.randomUUID().toString();
                try {
                    place(body, customer, key, paymentMethod, followUp);
                } catch (RuntimeException e) {
                    problems.add("placing failed: " + e);
                }
                pause(200); // a client's think time, so that the stream is a stream and not a flood
            }
        }

        private Map<String, Object> orderBody(ThreadLocalRandom random, boolean guest) {
            List<Variant> variants = new ArrayList<>(fixture.variants());
            java.util.Collections.shuffle(variants, random);
            List<Map<String, Object>> lines = new ArrayList<>();
            for (Variant variant : variants.subList(0, 1 + random.nextInt(2))) {
                lines.add(Map.of("variantId", variant.id(), "quantity", 1 + random.nextInt(2), "expectedPrice", 1000.00));
            }
            int n = guestCounter.incrementAndGet();
            // customers give their contact too: order-service may not know their profile yet
            Map<String, Object> contact = Map.of("firstName", guest ? "Guest" : "Irina", "lastName", "Chaos" + n,
                    "phone", "+7916" + String.format("%07d", n), "email", (guest ? "guest-" : "customer-") + n + "@example.com");
            return Map.of("lines", lines, "contact", contact, "deliveryTypeId", fixture.deliveryTypeId(),
                    "deliveryAddress", "Moscow, Tverskaya 1");
        }

        private void place(Map<String, Object> body, String customer, String key, String paymentMethod, String followUp) {
            Map<String, Object> withMethod = new HashMap<>(body);
            withMethod.put("paymentMethod", paymentMethod);
            long deadline = System.nanoTime() + CLIENT_PATIENCE.toNanos();
            while (System.nanoTime() < deadline) {
                Response response;
                try {
                    RequestSpecification request = given().contentType(ContentType.JSON).header("Idempotency-Key", key);
                    if (customer != null) {
                        request.auth().oauth2(customer);
                    }
                    response = request.body(withMethod).when().post("/api/orders");
                } catch (RuntimeException e) { // no answer at all (connection refused, reset, timeout)
                    failedAttempts.incrementAndGet();
                    pause(250);
                    continue;
                }
                int status = response.statusCode();
                if (status == 201 || status == 200) {
                    if (status == 200) {
                        replays.incrementAndGet();
                    }
                    JsonPath json = response.jsonPath();
                    PlacedOrder order = new PlacedOrder(json.getLong("id"), json.getString("accessToken"), customer,
                            paymentMethod, followUp);
                    if (order.accessToken == null && customer == null) {
                        problems.add("guest order #" + order.id + " answered without its access token");
                        return;
                    }
                    placed.add(order);
                    if (!followUp.equals("none")) {
                        followUps.add(order);
                    }
                    return;
                }
                if (status == 409) { // prices or orderability changed: nothing ordered
                    refused.incrementAndGet();
                    return;
                }
                if (status >= 500) { // the outage: retry the same order with the same key
                    failedAttempts.incrementAndGet();
                    pause(250);
                    continue;
                }
                problems.add("POST /api/orders answered " + status + ": " + response.asString());
                return;
            }
            problems.add("an order was not accepted within " + CLIENT_PATIENCE.toSeconds() + " s of retries");
        }

        /** Pays (sandbox) or cancels each queued order once it is confirmed; a rejected one needs nothing. */
        private void followUp() {
            long deadline = Long.MAX_VALUE;
            while (true) {
                if (!running.get() && clients.stream().noneMatch(Thread::isAlive) && deadline == Long.MAX_VALUE) {
                    deadline = System.nanoTime() + CLIENT_PATIENCE.toNanos();
                }
                PlacedOrder order = nextFollowUp();
                if (order == null) {
                    if (deadline != Long.MAX_VALUE) {
                        return; // nothing left to do, and nothing more will come
                    }
                    continue;
                }
                if (System.nanoTime() > deadline) {
                    if (!order.lastSeenStatus.equals("new")) { // one stuck in "new" is the saga check's finding
                        problems.add("follow-up of #" + order.id + " not done in time (last seen " + order.lastSeenStatus + ")");
                    }
                    continue;
                }
                try {
                    if (!followUpOnce(order)) {
                        followUps.add(order); // not confirmed yet, or the outage: later
                        pause(100);
                    }
                } catch (RuntimeException e) {
                    failedAttempts.incrementAndGet();
                    followUps.add(order);
                    pause(250);
                }
            }
        }

        /** The next queued order, waiting up to 100 ms for one; null when none came. */
        private PlacedOrder nextFollowUp() {
            try {
                return followUps.poll(100, TimeUnit.MILLISECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return null;
            }
        }

        /** True when this order needs nothing more. */
        private boolean followUpOnce(PlacedOrder order) {
            Response current = order.asOwner().when().get("/api/orders/" + order.id);
            if (current.statusCode() >= 500) {
                return false;
            }
            if (current.statusCode() != 200) {
                problems.add("GET order #" + order.id + " answered " + current.statusCode());
                return true;
            }
            order.lastSeenStatus = current.jsonPath().getString("status");
            switch (order.lastSeenStatus) {
                case "new":
                    return false;
                case "confirmed":
                    return order.followUp.equals("pay") ? pay(order) : cancel(order);
                default:
                    return true; // rejected, or already where the follow-up leads
            }
        }

        private boolean cancel(PlacedOrder order) {
            Response response = order.asOwner().body(Map.of("reason", "chaos test")).when()
                    .post("/api/orders/" + order.id + "/cancel");
            if (response.statusCode() == 200) {
                order.cancelled = true;
                return true;
            }
            // a cancel whose answer was lost may have been done: the next look at the order tells
            order.mayBeCancelled = true;
            if (response.statusCode() >= 500) {
                return false;
            }
            problems.add("cancel #" + order.id + " answered " + response.statusCode() + ": " + response.asString());
            return true;
        }

        private boolean pay(PlacedOrder order) {
            Response started = order.asOwner()
                    .body(Map.of("returnUrl", "http://localhost/thanks", "failUrl", "http://localhost/sorry"))
                    .when().post("/api/orders/" + order.id + "/payments");
            if (started.statusCode() >= 500 || started.statusCode() == 409) {
                return false; // the outage, or an earlier start still being closed: start again later
            }
            if (started.statusCode() != 201) {
                problems.add("payment start #" + order.id + " answered " + started.statusCode() + ": " + started.asString());
                return true;
            }
            String page = OrderJourneySystemTest.path(started.jsonPath().getString("paymentUrl"));
            order.mayBePaid = true; // from here on, a click may count even when its answer is lost
            Response click = given().redirects().follow(false).formParam("outcome", "pay").when().post(page);
            if (click.statusCode() != 302 && click.statusCode() != 303) {
                return false; // not taken (or its answer lost): a new payment later; the order tells
            }
            order.paidInSandbox = true;
            // the browser comes back to the shop; when this is lost, the payment sync finds the payment
            try {
                given().redirects().follow(false).when().get(OrderJourneySystemTest.path(click.header("Location")));
            } catch (RuntimeException e) {
                failedAttempts.incrementAndGet();
            }
            return true;
        }

        private static void pause(long millis) {
            try {
                Thread.sleep(millis);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }
}
