import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * Orders per second placed and confirmed through the gateway, and the time from placement to
 * confirmation (the whole saga: order-service → outbox → Kafka → catalog reserves → outbox → Kafka →
 * order-service confirms). Against an already running platform; starts nothing itself.
 *
 *   java bench/OrderBench.java [--url http://127.0.0.1:8080] [--clients 8] [--orders 25]
 *                              [--wait sse|poll] [--poll-ms 20] [--login admin] [--password admin]
 *
 * As admin it creates a category, a product whose variant has enough stock for every order and a
 * delivery type, then waits until order-service's read model knows the variant. Each client places
 * {@code --orders} cash orders of one unit one after another (as staff, so no customer sign-ups are
 * measured) and waits until each is confirmed: by default (`--wait sse`) on the order's status stream
 * (GET /api/orders/{id}/events, Server-Sent Events through the gateway), with `--wait poll` by reading
 * the order every 20 ms (`--poll-ms`). Start the platform with SHOP_GATEWAY_RATE_LIMIT_ENABLED=false, or
 * the gateway's per-address limit is what gets measured.
 */
public class OrderBench {
    /**
     * HTTP/1.1, one connection per open request, as browsers talk to a plain-http shop: the JDK client's
     * default (an h2c upgrade, then every client's requests and streams on one shared HTTP/2 connection)
     * is not how shoppers arrive.
     */
    static HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(5)).build();
    static String base;
    static String token;
    static int pollMillis;
    static boolean sse;

    public static void main(String[] args) throws Exception {
        Map<String, String> options = new TreeMap<>(Map.of("url", "http://127.0.0.1:8080", "clients", "8",
                "orders", "25", "login", "admin", "password", "admin", "poll-ms", "20", "wait", "sse"));
        for (int i = 0; i + 1 < args.length; i += 2) {
            if (!args[i].startsWith("--") || !options.containsKey(args[i].substring(2))) {
                throw new IllegalArgumentException("unknown option " + args[i] + "; known: " + options.keySet());
            }
            options.put(args[i].substring(2), args[i + 1]);
        }
        base = options.get("url").replaceAll("/+$", "");
        int clients = Integer.parseInt(options.get("clients"));
        int perClient = Integer.parseInt(options.get("orders"));
        // every client polls its order: with many clients the polling itself loads the platform
        pollMillis = Integer.parseInt(options.get("poll-ms"));
        sse = switch (options.get("wait")) {
            case "sse" -> true;
            case "poll" -> false;
            default -> throw new IllegalArgumentException("--wait is sse or poll, not " + options.get("wait"));
        };
        HttpResponse<String> signIn = send("POST", "/api/auth/token",
                "{\"login\":\"%s\",\"password\":\"%s\"}".formatted(options.get("login"), options.get("password")));
        token = field(signIn, "accessToken");

        String tag = UUID.randomUUID().toString().substring(0, 8);
        String category = field(send("POST", "/api/catalog/categories", "{\"name\":\"Bench orders " + tag + "\"}"), "id");
        String product = field(send("POST", "/api/catalog/products",
                "{\"name\":\"Bench item %s\",\"article\":\"BENCH-%s\",\"categoryId\":%s}".formatted(tag, tag, category)), "id");
        String variant = field(send("POST", "/api/catalog/products/" + product + "/variants",
                "{\"name\":\"One\",\"price\":100.00,\"onHand\":%d}".formatted(clients * perClient + 10)), "id");
        String delivery = field(send("POST", "/api/delivery-types",
                "{\"name\":\"Bench courier %s\",\"price\":0}".formatted(tag)), "id");
        String order = """
                {"lines":[{"variantId":%s,"quantity":1,"expectedPrice":100.00}],
                 "contact":{"firstName":"Bench","lastName":"Client","phone":"+7916{n}","email":"bench{n}@example.com"},
                 "deliveryTypeId":%s,"deliveryAddress":"Moscow","paymentMethod":"cash"}""".formatted(variant, delivery);
        long readModelDeadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
        while (send("PUT", "/api/cart/items/" + variant, "{\"quantity\":1}").statusCode() != 200) {
            if (System.nanoTime() > readModelDeadline) {
                throw new IllegalStateException("order-service never learned variant " + variant);
            }
            Thread.sleep(200);
        }
        placeAndConfirm(withOwnContact(order)); // warm-up, not counted

        List<Long> placeMillis = Collections.synchronizedList(new ArrayList<>());
        List<Long> confirmMillis = Collections.synchronizedList(new ArrayList<>());
        Map<String, AtomicInteger> outcomes = new ConcurrentHashMap<>();
        CountDownLatch start = new CountDownLatch(1);
        ExecutorService pool = Executors.newFixedThreadPool(clients);
        List<Future<?>> done = new ArrayList<>();
        for (int c = 0; c < clients; c++) {
            done.add(pool.submit(() -> {
                start.await();
                for (int i = 0; i < perClient; i++) {
                    long[] times = placeAndConfirm(withOwnContact(order));
                    outcomes.computeIfAbsent(times == null ? "failed" : "confirmed", k -> new AtomicInteger()).incrementAndGet();
                    if (times != null) {
                        placeMillis.add(times[0]);
                        confirmMillis.add(times[1]);
                    }
                }
                return null;
            }));
        }
        long began = System.nanoTime();
        start.countDown();
        for (Future<?> f : done) {
            f.get();
        }
        double seconds = (System.nanoTime() - began) / 1e9;
        pool.shutdown();
        int confirmed = confirmMillis.size();
        System.out.printf("%d clients × %d orders through %s, waiting for confirmed %s: %s in %.1f s = %.1f orders/s"
                        + " placed and confirmed%n", clients, perClient, base,
                sse ? "on the status stream (--wait sse)" : "by polling every " + pollMillis + " ms (--wait poll)",
                outcomes, seconds, confirmed / seconds);
        System.out.printf("POST /api/orders answered:        p50 %d ms, p99 %d ms, max %d ms%n",
                pct(placeMillis, 50), pct(placeMillis, 99), pct(placeMillis, 100));
        System.out.printf("placement to confirmed (saga):     p50 %d ms, p99 %d ms, max %d ms%n",
                pct(confirmMillis, 50), pct(confirmMillis, 99), pct(confirmMillis, 100));
    }

    /** @return {ms until POST answered, ms until the order read back confirmed}, or null if it was not */
    private static final AtomicInteger SHOPPERS = new AtomicInteger();

    /**
     * Every order from another shopper (contact): a shop's orders come from many people, and the
     * open-orders-per-contact limit would otherwise make every placement wait for and count the others.
     */
    static String withOwnContact(String order) {
        return order.replace("{n}", "%07d".formatted(SHOPPERS.incrementAndGet() % 10_000_000));
    }

    static long[] placeAndConfirm(String order) throws Exception {
        long t0 = System.nanoTime();
        HttpResponse<String> placed = send("POST", "/api/orders", order);
        long placedAt = System.nanoTime();
        if (placed.statusCode() != 201) {
            System.err.println("POST /api/orders answered " + placed.statusCode() + ": " + placed.body());
            return null;
        }
        String id = field(placed, "id");
        long deadline = placedAt + Duration.ofSeconds(60).toNanos();
        String status = sse ? streamUntilDecided(id, deadline) : pollUntilDecided(id, deadline);
        if (status == null) {
            System.err.println("order " + id + " not confirmed within 60 s");
            return null;
        }
        if (!status.equals("confirmed")) {
            System.err.println("order " + id + " ended " + status);
            return null;
        }
        return new long[] {(placedAt - t0) / 1_000_000, (System.nanoTime() - t0) / 1_000_000};
    }

    /** Reads the order every --poll-ms until it is no longer new; null past the deadline. */
    static String pollUntilDecided(String id, long deadline) throws Exception {
        while (System.nanoTime() < deadline) {
            String status = field(send("GET", "/api/orders/" + id, null), "status");
            if (!status.equals("new")) {
                return status;
            }
            Thread.sleep(pollMillis);
        }
        return null;
    }

    /**
     * Opens the order's status stream and reads its events until the status is no longer new; null past the
     * deadline (checked at each line: the stream sends a heartbeat comment every 15 s) or when it ended first.
     */
    static String streamUntilDecided(String id, long deadline) throws Exception {
        HttpRequest request = HttpRequest.newBuilder(URI.create(base + "/api/orders/" + id + "/events"))
                .timeout(Duration.ofSeconds(30)).header("Accept", "text/event-stream")
                .header("Authorization", "Bearer " + token).GET().build();
        HttpResponse<Stream<String>> response = http.send(request, HttpResponse.BodyHandlers.ofLines());
        try (Stream<String> lines = response.body()) {
            if (response.statusCode() != 200) {
                throw new IllegalStateException(request.uri() + " answered " + response.statusCode());
            }
            Pattern status = Pattern.compile("\"status\"\\s*:\\s*\"([^\"]*)\"");
            for (Iterator<String> it = lines.iterator(); it.hasNext() && System.nanoTime() < deadline; ) {
                String line = it.next();
                Matcher m = status.matcher(line);
                if (line.startsWith("data:") && m.find() && !m.group(1).equals("new")) {
                    return m.group(1);
                }
            }
        }
        return null;
    }

    static HttpResponse<String> send(String method, String path, String json) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(base + path)).timeout(Duration.ofSeconds(30))
                .header("Accept", "application/json");
        if (token != null) {
            request.header("Authorization", "Bearer " + token);
        }
        request.method(method, json == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(json));
        if (json != null) {
            request.header("Content-Type", "application/json");
        }
        return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    /** A top-level string or number field of a JSON answer (enough for ids, tokens and statuses). */
    static String field(HttpResponse<String> response, String name) {
        if (response.statusCode() >= 300) {
            throw new IllegalStateException(response.uri() + " answered " + response.statusCode() + ": " + response.body());
        }
        Matcher m = Pattern.compile("\"" + name + "\"\\s*:\\s*(\"([^\"]*)\"|(-?[0-9.]+))").matcher(response.body());
        if (!m.find()) {
            throw new IllegalStateException(response.uri() + " answered without " + name + ": " + response.body());
        }
        return m.group(2) != null ? m.group(2) : m.group(3);
    }

    static long pct(List<Long> values, int percentile) {
        if (values.isEmpty()) {
            return -1;
        }
        List<Long> sorted = new ArrayList<>(values);
        Collections.sort(sorted);
        int index = (int) Math.ceil(percentile / 100.0 * sorted.size()) - 1;
        return sorted.get(Math.max(0, Math.min(sorted.size() - 1, index)));
    }
}
