package shop.system;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.restassured.RestAssured;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import io.restassured.specification.RequestSpecification;
import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.function.Supplier;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.ConsumerGroupDescription;
import org.apache.kafka.clients.admin.MemberDescription;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.parallel.Execution;
import org.junit.jupiter.api.parallel.ExecutionMode;
import org.junit.jupiter.api.parallel.ResourceLock;
import shop.devstack.Service;
import shop.devstack.Stack;
import shop.devstack.infra.ReceivedMail;
import shop.devstack.testing.SseClient;
import shop.system.OrderJourneySystemTest.Shop;

/**
 * Two instances of every service behind the gateway (devstack's {@code --replicas 2}) show the same results
 * as one: the order journey, no oversold stock under a rush, a factory delivery and an unpaid-order expiry
 * that each happen once, a log import that counts each line once, both order-service instances consuming.
 * The last test SIGKILLs one order-service and one catalog-service instance in the middle of a stream of
 * orders: the supervisor restarts them, clients see no 5xx beyond the requests in flight to the killed
 * instances, and nothing is lost or doubled ({@link OrderStreamScenario}).
 *
 * <p>One platform of its own for the class (9 JVMs: started in two waves by the stack), its tests in order.
 * It runs beside the classes on the shared platform, but never beside the chaos class ({@link OwnPlatform#ONE_AT_A_TIME}):
 * a third platform at once on 2 cores made the others' bounded waits flaky (a confirmation mail past 30 s).
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
@Execution(ExecutionMode.CONCURRENT)
@ResourceLock(OwnPlatform.ONE_AT_A_TIME)
class ReplicasSystemTest {
    private static final Duration SAGA = Duration.ofSeconds(90);
    /** Unpaid card orders are cancelled this long after their confirmation. */
    private static final Duration UNPAID_TIMEOUT = Duration.ofSeconds(30);

    private static OwnPlatform platform;
    private static Stack stack;
    private static final List<String> stackMessages = new CopyOnWriteArrayList<>();

    @BeforeAll
    static void startOwnPlatform() throws IOException {
        long started = System.nanoTime();
        platform = OwnPlatform.start("replicas", 2, options -> OwnPlatform.quickFailover(options)
                .replicas(2)
                // nine JVMs on two cores shared with the suite's other platforms: a start may take minutes
                .readyTimeout(Duration.ofSeconds(240))
                .progress(line -> {
                    System.out.println("[replicas stack] " + line);
                    stackMessages.add(line);
                })
                // the rush and the stream come from one address: the gateway's per-address limits are tested elsewhere
                .environment("SHOP_GATEWAY_RATE_LIMIT_ENABLED", "false")
                .environment("SHOP_ORDERS_UNPAID_TIMEOUT", UNPAID_TIMEOUT.toString())
                .environment("SHOP_ORDERS_EXPIRY_INTERVAL", "1s")
                .environment("SHOP_PAYMENTS_SYNC_INTERVAL", "2s")
                .environment("SHOP_ORDERS_MAIL_OUTBOX_INTERVAL", "1s"));
        stack = platform.stack();
        System.out.printf("[replicas] platform with two instances of every service ready in %.1f s%n",
                (System.nanoTime() - started) / 1e9);
    }

    @AfterAll
    static void stopOwnPlatform() {
        if (platform != null) {
            platform.close();
        }
    }

    private static RequestSpecification given() {
        return platform.given();
    }

    private static RequestSpecification as(String token) {
        return given().auth().oauth2(token).contentType(ContentType.JSON);
    }

    private static final Supplier<RequestSpecification> GATEWAY = ReplicasSystemTest::given;

    @Test
    @Order(1)
    void everyInstanceRunsOnItsOwnPortsAndBothOrderServiceInstancesConsume() throws Exception {
        for (Service service : Service.backends()) {
            assertEquals(2, stack.instanceUrls(service).size(), service.module());
            for (String url : stack.instanceUrls(service)) {
                RestAssured.given().baseUri(url).when().get("/q/health/ready").then().statusCode(200);
            }
        }
        // the partitions of order-service's topics are shared: each instance holds some (3 partitions per topic)
        try (Admin kafka = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, stack.kafkaBootstrapServers()))) {
            for (String group : List.of("order-service", "catalog-service")) {
                await(group + " assigned to both instances").atMost(SAGA).pollInterval(Duration.ofSeconds(1))
                        .untilAsserted(() -> {
                            ConsumerGroupDescription description = kafka.describeConsumerGroups(List.of(group))
                                    .describedGroups().get(group).get();
                            Map<String, Integer> partitionsByInstance = new TreeMap<>();
                            for (MemberDescription member : description.members()) {
                                // devstack prefixes every Kafka client id with the instance id (SHOP_INSTANCE_ID)
                                String instance = member.clientId().replaceFirst("^(.+-service-\\d+)-.*$", "$1");
                                partitionsByInstance.merge(instance, member.assignment().topicPartitions().size(), Integer::sum);
                            }
                            String module = group;
                            assertEquals(Set.of(module + "-1", module + "-2"), partitionsByInstance.keySet(),
                                    group + " members: " + description.members());
                            assertTrue(partitionsByInstance.values().stream().allMatch(partitions -> partitions > 0),
                                    group + " partitions by instance: " + partitionsByInstance);
                        });
            }
        }
    }

    @Test
    @Order(2)
    void aCardOrderIsPlacedConfirmedPaidAndShipped() {
        String staff = platform.adminToken();
        Shop shop = OrderJourneySystemTest.shop(GATEWAY, staff, 5);
        String customer = newCustomer();
        awaitOrderable(shop);
        int orderId = as(customer).body(order(shop, 2, "card", null)).when().post("/api/orders")
                .then().statusCode(201).extract().path("id");
        await().atMost(SAGA).until(() -> status(customer, orderId).equals("confirmed"));
        String paymentUrl = OrderJourneySystemTest.startPayment(as(customer), orderId);
        OrderJourneySystemTest.payInSandbox(GATEWAY, paymentUrl);
        await().atMost(SAGA).until(() -> status(customer, orderId).equals("paid"));
        as(staff).body(Map.of("status", "shipped")).when().patch("/api/orders/" + orderId).then().statusCode(200);
        as(customer).when().get("/api/orders/" + orderId + "/history").then().statusCode(200)
                .body("items.toStatus", org.hamcrest.Matchers.contains("new", "confirmed", "paid", "shipped"));
        // paid: catalog sold the two units, once
        await().atMost(SAGA).untilAsserted(() -> assertEquals(List.of(3, 0, 3), stock(shop)));
    }

    @Test
    @Order(2)
    void aProductChangedThroughOneCatalogInstanceIsShownByTheOtherAtOnce() {
        Shop shop = OrderJourneySystemTest.shop(GATEWAY, platform.adminToken(), 5);
        List<String> catalogs = stack.instanceUrls(Service.CATALOG);
        String card = "/api/catalog/products/" + shop.productId();
        for (String catalog : catalogs) { // read twice: each instance keeps the rendered card
            for (int i = 0; i < 2; i++) {
                RestAssured.given().baseUri(catalog).when().get(card).then().statusCode(200);
            }
        }
        String renamed = "Renamed on instance 1 " + UUID.randomUUID();
        RestAssured.given().baseUri(catalogs.get(0)).auth().oauth2(platform.adminToken()).contentType(ContentType.JSON)
                .body(Map.of("name", renamed)).when().patch(card).then().statusCode(200);
        // the other instance hears of the commit within milliseconds (PostgreSQL NOTIFY) and renders anew
        await().atMost(Duration.ofSeconds(2)).pollInterval(Duration.ofMillis(20)).until(() -> renamed.equals(
                RestAssured.given().baseUri(catalogs.get(1)).when().get(card).then().statusCode(200).extract().path("name")));
        for (String catalog : catalogs) {
            RestAssured.given().baseUri(catalog).when().get(card).then().statusCode(200)
                    .body("name", org.hamcrest.Matchers.equalTo(renamed));
        }
    }

    /**
     * Eight clients order at once, and each order is followed on its status stream at both order-service
     * instances and through the gateway. With two instances the confirmation is often made by the instance
     * that does not hold the stream; the bench once saw a few orders in a hundred never show it (a stream
     * paired the status it read with the version of a change committed meanwhile, then dropped that change as
     * not newer). First to open streams on this platform: their first burst also once ran order-service out
     * of heap (parsing the status query's HQL at once in every request).
     */
    @Test
    @Order(2)
    void everyOrderShowsItsConfirmationOnItsStatusStreamAtEitherInstance() throws Exception {
        Shop shop = OrderJourneySystemTest.shop(GATEWAY, platform.adminToken(), 1000);
        awaitOrderable(shop);
        String staff = platform.adminToken();
        List<String> streams = new ArrayList<>(stack.instanceUrls(Service.ORDER));
        streams.add(stack.gatewayUrl());
        String tag = UUID.randomUUID().toString().substring(0, 8);
        List<String> missed = new CopyOnWriteArrayList<>();
        ExecutorService clients = Executors.newFixedThreadPool(8);
        try {
            CompletableFuture.allOf(IntStream.range(0, 8).mapToObj(client -> CompletableFuture.runAsync(() -> {
                for (int i = 0; i < 10 && missed.isEmpty(); i++) { // the first miss ends every client's run
                    String who = tag + "-" + client + "-" + i;
                    int orderId = as(staff).body(order(shop, 1, "cash", Map.of("firstName", "Stream",
                                    "lastName", "Follower", "email", "stream-" + who + "@example.com",
                                    "phone", "+7914" + String.format("%07d", Math.floorMod(who.hashCode(), 10_000_000)))))
                            .when().post("/api/orders").then().statusCode(201).extract().<Integer>path("id");
                    List<SseClient> followers = streams.stream().map(url -> SseClient.open(
                            URI.create(url + "/api/orders/" + orderId + "/events"),
                            Map.of("Authorization", "Bearer " + staff))).toList();
                    for (int f = 0; f < followers.size(); f++) {
                        try (SseClient stream = followers.get(f)) {
                            String seen = confirmationOn(stream);
                            if (seen != null) {
                                missed.add("order " + orderId + " at " + streams.get(f) + ": " + seen);
                            }
                        }
                    }
                }
            }, clients)).toArray(CompletableFuture[]::new)).join();
        } finally {
            clients.shutdown();
        }
        assertTrue(missed.isEmpty(), "streams that never showed the confirmation:\n" + String.join("\n", missed));
    }

    /** Null once the stream showed {@code confirmed}; else the statuses it showed before it ended or went quiet. */
    private static String confirmationOn(SseClient stream) {
        List<String> shown = new ArrayList<>();
        try {
            while (true) {
                String status = JsonPath.from(stream.next(Duration.ofSeconds(20)).data()).getString("status");
                if (status.equals("confirmed")) {
                    return null;
                }
                shown.add(status);
            }
        } catch (AssertionError e) { // ended, or nothing for 20 s
            return shown + " (" + e.getMessage() + ")";
        }
    }

    @Test
    @Order(3)
    void fiftyParallelOrdersForTenUnitsReserveExactlyTen() throws Exception {
        Shop shop = OrderJourneySystemTest.shop(GATEWAY, platform.adminToken(), 10);
        awaitOrderable(shop);
        String tag = UUID.randomUUID().toString().substring(0, 8);
        ExecutorService clients = Executors.newFixedThreadPool(10);
        List<Integer> ids;
        try {
            List<CompletableFuture<Integer>> orders = IntStream.range(0, 50).mapToObj(i -> CompletableFuture.supplyAsync(() ->
                    given().contentType(ContentType.JSON).body(order(shop, 1, "cash", Map.of("firstName", "Rush",
                                    "lastName", "Guest" + i, "email", "rush-" + tag + "-" + i + "@example.com",
                                    "phone", "+7915" + String.format("%07d", Math.floorMod((tag + i).hashCode(), 10_000_000)))))
                            .when().post("/api/orders").then().statusCode(201).extract().<Integer>path("id"), clients)).toList();
            ids = orders.stream().map(CompletableFuture::join).toList();
        } finally {
            clients.shutdown();
        }
        assertEquals(50, Set.copyOf(ids).size(), "50 orders, each its own");
        await().atMost(SAGA).pollInterval(Duration.ofSeconds(1)).untilAsserted(() -> {
            Map<String, Long> statuses = staffStatuses(ids);
            assertEquals(Map.of("confirmed", 10L, "rejected", 40L), statuses);
        });
        assertEquals(List.of(10, 10, 0), stock(shop), "exactly 10 reserved, none oversold");
    }

    @Test
    @Order(4)
    void aFactoryLineDeliversEachDueTimeOnce() {
        String staff = platform.adminToken();
        Shop shop = OrderJourneySystemTest.shop(GATEWAY, staff, 0);
        int factory = as(staff).body(Map.of("name", "Knitting mill " + shop.productId())).when()
                .post("/api/catalog/factories").then().statusCode(201).extract().path("id");
        int line = as(staff).body(Map.of("variantId", shop.variantId(), "unitsPerDelivery", 3, "intervalSeconds", 1))
                .when().post("/api/catalog/factories/" + factory + "/lines").then().statusCode(201).extract().path("id");
        String path = "/api/catalog/factories/" + factory + "/lines/" + line;
        // both catalog instances tick every second: each due time is delivered by one of them, once
        await().atMost(SAGA).pollInterval(Duration.ofMillis(500)).until(() -> dueTimes(staff, path).size() >= 3);
        // stopping the line waits for a delivery in progress: afterwards the figures stand still
        as(staff).body(Map.of("active", false)).when().patch(path).then().statusCode(200);
        List<String> delivered = dueTimes(staff, path);
        assertEquals(Set.copyOf(delivered).size(), delivered.size(), "a due time delivered twice: " + delivered);
        assertEquals(3 * delivered.size(), stock(shop).get(0), "on hand = 3 units per delivery, each counted once");
        as(staff).when().delete(path).then().statusCode(204);
    }

    @Test
    @Order(5)
    void anUnpaidCardOrderExpiresOnce() {
        Shop shop = OrderJourneySystemTest.shop(GATEWAY, platform.adminToken(), 5);
        String customer = newCustomer();
        awaitOrderable(shop);
        int orderId = as(customer).body(order(shop, 2, "card", null)).when().post("/api/orders")
                .then().statusCode(201).extract().path("id");
        await().atMost(SAGA).until(() -> status(customer, orderId).equals("confirmed"));
        // both order-service instances run the expiry every second; one cancels the order
        await().atMost(UNPAID_TIMEOUT.plus(SAGA)).until(() -> status(customer, orderId).equals("cancelled"));
        await().atMost(SAGA).untilAsserted(() -> assertEquals(List.of(5, 0, 5), stock(shop), "the reservation released"));
        await().atMost(SAGA).until(() -> mails("Order #" + orderId + " is cancelled") > 0);
        as(customer).when().get("/api/orders/" + orderId + "/history").then().statusCode(200)
                .body("items.toStatus", org.hamcrest.Matchers.contains("new", "confirmed", "cancelled"));
        assertEquals(1, mails("Order #" + orderId + " is cancelled"), "one cancellation mail");
    }

    @Test
    @Order(6)
    void aLogImportCountsEachLineOnceEvenWhenBothInstancesImportTheFileAtOnce() {
        String staff = platform.adminToken();
        String run = UUID.randomUUID().toString().substring(0, 6).toUpperCase();
        List<String> lines = IntStream.range(0, 300).mapToObj(i -> String.format(
                        "shop_api      | 2031-03-01 10:%02d:%02d [R%s%04d] INFO: 203.0.113.%d https://all_to_the_bottom.com/fresh_fish/",
                        i / 60, i % 60, run, i, i % 250))
                .toList();
        // two overlapping files (lines 0-199 and 100-299: two contents, 100 lines in both) uploaded at the same
        // moment: the balancer gives one to each analytics instance, and each line counts once across both
        List<byte[]> files = List.of(String.join("\n", lines.subList(0, 200)).getBytes(StandardCharsets.UTF_8),
                String.join("\n", lines.subList(100, 300)).getBytes(StandardCharsets.UTF_8));
        List<Long> jobs = IntStream.range(0, 2).parallel().mapToObj(i -> as(staff).contentType("text/plain").body(files.get(i))
                        .header("X-File-Name", "replicas-" + i + ".log").when().post("/api/analytics/log-imports")
                        .then().statusCode(202).extract().jsonPath().getLong("id"))
                .toList();
        List<JsonPath> results = new ArrayList<>();
        for (long job : jobs) {
            await().atMost(SAGA).pollInterval(Duration.ofMillis(500)).until(() -> {
                String status = as(staff).when().get("/api/analytics/log-imports/" + job).then().statusCode(200)
                        .extract().path("status");
                return !status.equals("queued") && !status.equals("running");
            });
            results.add(as(staff).when().get("/api/analytics/log-imports/" + job).then().statusCode(200).extract().jsonPath());
        }
        for (JsonPath result : results) {
            assertEquals("succeeded", result.getString("status"), result.prettify());
            assertEquals(200, result.getLong("linesRead"), result.prettify());
        }
        String both = results.get(0).prettify() + results.get(1).prettify();
        assertEquals(300, results.get(0).getLong("imported") + results.get(1).getLong("imported"),
                "every distinct line imported by exactly one of the two imports: " + both);
        assertEquals(100, results.get(0).getLong("alreadyKnown") + results.get(1).getLong("alreadyKnown"),
                "the 100 lines of both files known already to the later one: " + both);
    }

    @Test
    @Order(7)
    void ordersSurviveSigkillOfOneOrderServiceAndOneCatalogInstance() throws Exception {
        OrderStreamScenario scenario = new OrderStreamScenario(platform, "replica-kill", true);
        OrderStreamScenario.Fixture fixture = scenario.fixture("replica-kill");
        OrderStreamScenario.OrderStream stream = scenario.stream(fixture);
        int failedBefore;
        try {
            stream.awaitPlaced(10);
            failedBefore = stream.failedAttempts.get();
            scenario.progress("SIGKILL order-service#2 (pid " + stack.crashInstance(Service.ORDER, 2) + ")");
            stream.awaitPlaced(10); // order-service#1 takes the orders meanwhile
            scenario.progress("SIGKILL catalog-service#2 (pid " + stack.crashInstance(Service.CATALOG, 2) + ")");
            stream.awaitPlaced(10); // catalog-service#1 takes over the partitions of the reservations
            awaitRestarted(Service.ORDER);
            awaitRestarted(Service.CATALOG);
            scenario.progress("both restarted by the supervisor");
            stream.awaitPlaced(10);
        } finally {
            stream.stop();
            scenario.progress("stream stopped, follow-ups done");
        }
        // in flight to a killed instance when it died: at most one request per client thread (and the follow-up's)
        int failed = stream.failedAttempts.get() - failedBefore;
        int inFlight = OrderStreamScenario.CLIENTS + 1;
        assertTrue(failed <= 2 * inFlight, failed + " failed attempts (5xx or no answer) for two kills; at most "
                + 2 * inFlight + " requests were in flight to the killed instances");
        // one SIGKILL of order-service#2: a mail it had handed to the SMTP server may go out once more
        scenario.assertNothingLostOrDoubled(fixture, stream, 1);
    }

    /** The supervisor announced the crash of the service's instance 2 and has it ready again. */
    private static void awaitRestarted(Service service) {
        String exited = service.module() + "#2 exited with code 137; restarting in";
        await(service.module() + "#2 restarted").atMost(Duration.ofSeconds(240)).pollInterval(Duration.ofSeconds(1))
                .ignoreExceptions() // connection refused until it listens again
                .until(() -> stackMessages.stream().anyMatch(line -> line.startsWith(exited))
                        && stack.pid(service, 2).isPresent()
                        && RestAssured.given().baseUri(stack.instanceUrl(service, 2)).when().get("/q/health/ready").statusCode() == 200);
    }

    // ------------------------------------------------------------------------------------------------

    /** An order of {@code quantity} units of the shop's variant; {@code contact} null: a signed-in customer's default. */
    private static Map<String, Object> order(Shop shop, int quantity, String paymentMethod, Map<String, Object> contact) {
        return Map.of("lines", List.of(Map.of("variantId", shop.variantId(), "quantity", quantity, "expectedPrice", 1000.00)),
                "contact", contact != null ? contact : Map.of("firstName", "Anna", "lastName", "Petrova",
                        "phone", "+79161234567", "email", "anna@example.com"),
                "deliveryTypeId", shop.deliveryTypeId(), "deliveryAddress", "Moscow, Tverskaya 1", "paymentMethod", paymentMethod);
    }

    /** order-service knows a variant once catalog.variants has told it (both instances share the database). */
    private static void awaitOrderable(Shop shop) {
        await().atMost(SAGA).until(() -> given().contentType(ContentType.JSON).body(Map.of("quantity", 1))
                .when().put("/api/cart/items/" + shop.variantId()).statusCode() == 200);
    }

    private static String newCustomer() {
        String email = "replica-" + UUID.randomUUID().toString().substring(0, 12) + "@example.com";
        String phone = "+7918" + String.format("%07d", Math.floorMod(email.hashCode(), 10_000_000));
        given().contentType(ContentType.JSON).body(Map.of("firstName", "Olga", "lastName", "Ivanova",
                        "email", email, "phone", phone, "password", "replica-pass"))
                .when().post("/api/customers").then().statusCode(201);
        return given().contentType(ContentType.JSON).body(Map.of("email", email, "password", "replica-pass"))
                .when().post("/api/auth/token").then().statusCode(200).extract().path("accessToken");
    }

    private static String status(String token, int orderId) {
        return as(token).when().get("/api/orders/" + orderId).then().statusCode(200).extract().path("status");
    }

    /** [onHand, reserved, available] of the shop's variant as the catalog shows it. */
    private static List<Integer> stock(Shop shop) {
        JsonPath product = given().when().get("/api/catalog/products/" + shop.productId()).then().statusCode(200)
                .extract().jsonPath();
        return List.of(product.getInt("variants[0].onHand"), product.getInt("variants[0].reserved"),
                product.getInt("variants[0].available"));
    }

    /** How many orders have each status, as staff see them. */
    private static Map<String, Long> staffStatuses(Collection<Integer> ids) {
        List<String> statuses = as(platform.adminToken())
                .queryParam("ids", ids.stream().map(String::valueOf).collect(Collectors.joining(",")))
                .queryParam("limit", 200).when().get("/api/orders").then().statusCode(200)
                .extract().jsonPath().getList("items.status", String.class);
        assertEquals(ids.size(), statuses.size(), "every order listed");
        return statuses.stream().collect(Collectors.groupingBy(status -> status, TreeMap::new, Collectors.counting()));
    }

    private static List<String> dueTimes(String staff, String line) {
        return as(staff).queryParam("limit", 100).when().get(line + "/deliveries").then().statusCode(200)
                .extract().jsonPath().getList("items.dueAt", String.class).stream().sorted().toList();
    }

    /** How many mails with this subject the stack's SMTP server received. */
    private static long mails(String subject) {
        return stack.mailbox().stream().map(ReceivedMail::subject).filter(subject::equals).count();
    }
}
