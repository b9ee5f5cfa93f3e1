import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Product-list throughput: N clients request pages of 20 products with their variants
 * (GET /api/catalog/products?categoryId=..&limit=20) for a fixed time, first through the gateway, then
 * straight from catalog-service, in the same run, and print requests per second, p50/p99 latency, the
 * status codes seen and the SQL statements per request. Needs a running platform (./run.sh); starts
 * nothing.
 *
 *   java bench/ProductListBench.java [--gateway http://127.0.0.1:8080] [--catalog http://127.0.0.1:8081]
 *        [--catalog-management http://127.0.0.1:9001]
 *        [--clients 8] [--seconds 20] [--products 100] [--query "sort=price"] [--login admin] [--password admin]
 *
 * Data: signs in as staff through the gateway and, unless there already are, creates --products products
 * with 4 variants each (2 colours x 2 sizes, prices, stock) in a category "Bench products", straight at
 * catalog-service. They stay; a second run reuses them.
 *
 * SQL statements per request come from catalog-service's own Hibernate statistics, which it publishes on
 * /q/metrics of its management interface (--catalog-management; devstack: 9001, on 127.0.0.1 only)
 * (hibernate_statements_total{status="prepared"}): the counter's growth during the run divided
 * by the requests answered, after subtracting what the service runs by itself meanwhile (the outbox
 * relay's schedule), measured over an idle window first.
 *
 * The gateway limits each client address (50 requests/s, burst 100, shop.gateway.rate-limit.*): through
 * it, a bench from one address measures the limiter (429s are counted and reported). To measure the
 * proxy, start the platform with SHOP_GATEWAY_RATE_LIMIT_ENABLED=false.
 */
public class ProductListBench {
    private static final Pattern STATEMENTS = Pattern.compile(
            "(?m)^hibernate_statements_total\\{[^}]*status=\"prepared\"[^}]*}\\s+([0-9.eE+]+)");

    public static void main(String[] args) throws Exception {
        Map<String, String> options = new TreeMap<>(Map.of("gateway", "http://127.0.0.1:8080",
                "catalog", "http://127.0.0.1:8081", "catalog-management", "http://127.0.0.1:9001", "clients", "8", "seconds", "20", "products", "100",
                "query", "", "login", "admin", "password", "admin"));
        for (int i = 0; i + 1 < args.length; i += 2) {
            if (!args[i].startsWith("--") || !options.containsKey(args[i].substring(2))) {
                throw new IllegalArgumentException("unknown option " + args[i] + "; known: " + options.keySet());
            }
            options.put(args[i].substring(2), args[i + 1]);
        }
        String gateway = options.get("gateway").replaceAll("/+$", "");
        String catalog = options.get("catalog").replaceAll("/+$", "");
        String catalogManagement = options.get("catalog-management").replaceAll("/+$", "");
        int clients = Integer.parseInt(options.get("clients"));
        int seconds = Integer.parseInt(options.get("seconds"));
        HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

        String token = signIn(http, gateway, options.get("login"), options.get("password"));
        long category = seed(http, catalog, token, Integer.parseInt(options.get("products")));
        String path = "/api/catalog/products?limit=20&categoryId=" + category
                + (options.get("query").isEmpty() ? "" : "&" + options.get("query"));
        HttpResponse<String> probe = get(http, catalog + path);
        if (probe.statusCode() != 200) {
            fail("the list answered " + probe.statusCode() + ": " + probe.body());
        }
        System.out.printf("product-list bench: %s, %d clients, %d s per target, page of %d products with %d variants, %.1f KB%n",
                path, clients, seconds, count(probe.body(), "\"article\""), count(probe.body(), "\"onHand\""),
                probe.body().getBytes(java.nio.charset.StandardCharsets.UTF_8).length / 1024.0);
        if (seconds == 0) { // --seconds 0: only seed the data and name the page (bench/all.sh measures it with wrk)
            System.out.println("page: " + path);
            System.out.println("category: " + category);
            return;
        }

        double idlePerSecond = idleStatements(http, catalogManagement);
        System.out.printf("catalog-service runs %.1f statements/s by itself (outbox relay), subtracted below%n",
                idlePerSecond);
        for (String target : List.of(gateway, catalog)) {
            run(http, URI.create(target + path), clients, 3, catalogManagement, 0); // warm-up, not reported
            Result r = run(http, URI.create(target + path), clients, seconds, catalogManagement, idlePerSecond);
            System.out.printf("%-26s %7.1f req/s  p50 %6.1f ms  p99 %6.1f ms  statements/request %.2f  status %s%n",
                    target.equals(gateway) ? "through the gateway" : "catalog-service directly",
                    r.perSecond, r.p50, r.p99, r.statementsPerRequest, r.statuses);
        }
    }

    record Result(double perSecond, double p50, double p99, double statementsPerRequest, Map<Integer, AtomicInteger> statuses) {
    }

    private static Result run(HttpClient http, URI uri, int clients, int seconds, String catalogManagement,
                              double idlePerSecond)
            throws Exception {
        List<Long> latencies = Collections.synchronizedList(new ArrayList<>());
        Map<Integer, AtomicInteger> statuses = new ConcurrentHashMap<>();
        AtomicInteger ok = new AtomicInteger();
        CountDownLatch start = new CountDownLatch(1);
        ExecutorService pool = Executors.newFixedThreadPool(clients);
        List<Future<?>> done = new ArrayList<>();
        double before = statements(http, catalogManagement);
        long began = System.nanoTime();
        long end = began + seconds * 1_000_000_000L;
        for (int c = 0; c < clients; c++) {
            done.add(pool.submit(() -> {
                start.await();
                while (System.nanoTime() < end) {
                    long sent = System.nanoTime();
                    int status;
                    try {
                        HttpResponse<String> response = http.send(HttpRequest.newBuilder(uri)
                                .timeout(Duration.ofSeconds(30)).GET().build(), HttpResponse.BodyHandlers.ofString());
                        status = response.statusCode();
                    } catch (Exception e) {
                        status = -1;
                    }
                    latencies.add(System.nanoTime() - sent);
                    statuses.computeIfAbsent(status, s -> new AtomicInteger()).incrementAndGet();
                    if (status == 200) {
                        ok.incrementAndGet();
                    }
                }
                return null;
            }));
        }
        start.countDown();
        for (Future<?> f : done) {
            f.get();
        }
        double elapsed = (System.nanoTime() - began) / 1e9;
        double after = statements(http, catalogManagement);
        pool.shutdown();
        List<Long> sorted = new ArrayList<>(latencies);
        Collections.sort(sorted);
        // 429s from the gateway never reach the service: only answered requests cost statements
        double perRequest = ok.get() == 0 ? 0 : Math.max(0, after - before - idlePerSecond * elapsed) / ok.get();
        return new Result(sorted.size() / elapsed, percentile(sorted, 50), percentile(sorted, 99), perRequest,
                new TreeMap<>(statuses));
    }

    private static double idleStatements(HttpClient http, String catalogManagement) throws Exception {
        double before = statements(http, catalogManagement);
        long began = System.nanoTime();
        Thread.sleep(5000);
        double after = statements(http, catalogManagement);
        // the metrics request itself is not a Hibernate statement
        return (after - before) / ((System.nanoTime() - began) / 1e9);
    }

    /** From the management interface (metrics are not on the application port). */
    private static double statements(HttpClient http, String catalogManagement) throws Exception {
        HttpResponse<String> metrics = get(http, catalogManagement + "/q/metrics");
        Matcher m = STATEMENTS.matcher(metrics.body());
        if (metrics.statusCode() != 200 || !m.find()) {
            fail("catalog-service " + catalogManagement + "/q/metrics has no hibernate_statements_total"
                    + " (quarkus.hibernate-orm.metrics.enabled; --catalog-management is its management interface)");
        }
        return Double.parseDouble(m.group(1));
    }

    private static String signIn(HttpClient http, String gateway, String login, String password) throws Exception {
        HttpResponse<String> response = send(http, "POST", gateway + "/api/auth/token", null,
                "{\"login\":\"%s\",\"password\":\"%s\"}".formatted(json(login), json(password)));
        Matcher m = Pattern.compile("\"accessToken\"\\s*:\\s*\"([^\"]+)\"").matcher(response.body());
        if (response.statusCode() != 200 || !m.find()) {
            fail("sign-in as " + login + " answered " + response.statusCode() + ": " + response.body());
        }
        return m.group(1);
    }

    /** The bench category with at least {@code products} products; creates what is missing. */
    private static long seed(HttpClient http, String catalog, String token, int products) throws Exception {
        long category = entry(http, catalog, token, "categories", "{\"name\":\"Bench products\"}", "Bench products");
        long[] colors = {entry(http, catalog, token, "colors", "{\"name\":\"Bench red\",\"code\":\"#C00000\"}", "Bench red"),
                entry(http, catalog, token, "colors", "{\"name\":\"Bench blue\",\"code\":\"#0000C0\"}", "Bench blue")};
        long[] sizes = {entry(http, catalog, token, "sizes", "{\"name\":\"Bench S\"}", "Bench S"),
                entry(http, catalog, token, "sizes", "{\"name\":\"Bench M\"}", "Bench M")};
        String list = get(http, catalog + "/api/catalog/products?limit=1&categoryId=" + category).body();
        int existing = Integer.parseInt(field(list, "total"));
        for (int i = existing; i < products; i++) {
            String body = "{\"name\":\"Bench dress %d\",\"article\":\"BENCH-%d-%d\",\"categoryId\":%d,\"description\":\"A dress to measure the list with\"}"
                    .formatted(i, i, System.nanoTime() % 1_000_000, category);
            long product = Long.parseLong(field(created(send(http, "POST", catalog + "/api/catalog/products", token, body)), "id"));
            for (int v = 0; v < 4; v++) {
                String variant = "{\"colorId\":%d,\"sizeId\":%d,\"price\":%d.90,\"discountedPrice\":%s,\"onHand\":%d}"
                        .formatted(colors[v / 2], sizes[v % 2], 1000 + i * 10 + v, v == 0 ? "900" : "null", v * 3);
                created(send(http, "POST", catalog + "/api/catalog/products/" + product + "/variants", token, variant));
            }
        }
        if (existing < products) {
            System.out.printf("created %d products with 4 variants each in category %d%n", products - existing, category);
        }
        return category;
    }

    /** Creates a category or dictionary entry, or finds the one of that name (409). */
    private static long entry(HttpClient http, String catalog, String token, String kind, String body, String name)
            throws Exception {
        HttpResponse<String> response = send(http, "POST", catalog + "/api/catalog/" + kind, token, body);
        if (response.statusCode() == 201) {
            return Long.parseLong(field(response.body(), "id"));
        }
        for (int offset = 0; ; offset += 200) {
            String page = get(http, catalog + "/api/catalog/" + kind + "?limit=200&offset=" + offset).body();
            Matcher m = Pattern.compile("\\{\"id\":(\\d+),\"name\":\"" + Pattern.quote(name) + "\"").matcher(page);
            if (m.find()) {
                return Long.parseLong(m.group(1));
            }
            if (!page.contains("\"id\"")) {
                fail("cannot create or find " + kind + " '" + name + "': " + response.statusCode() + " " + response.body());
            }
        }
    }

    private static String created(HttpResponse<String> response) {
        if (response.statusCode() != 201) {
            fail(response.uri() + " answered " + response.statusCode() + ": " + response.body());
        }
        return response.body();
    }

    private static String field(String json, String name) {
        Matcher m = Pattern.compile("\"" + name + "\"\\s*:\\s*(\\d+)").matcher(json);
        if (!m.find()) {
            fail("no " + name + " in " + json);
        }
        return m.group(1);
    }

    private static int count(String text, String what) {
        int n = 0;
        for (int i = text.indexOf(what); i >= 0; i = text.indexOf(what, i + 1)) {
            n++;
        }
        return n;
    }

    private static HttpResponse<String> get(HttpClient http, String url) throws Exception {
        return send(http, "GET", url, null, null);
    }

    private static HttpResponse<String> send(HttpClient http, String method, String url, String token, String body)
            throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(30))
                .method(method, body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body));
        if (body != null) {
            request.header("Content-Type", "application/json");
        }
        if (token != null) {
            request.header("Authorization", "Bearer " + token);
        }
        return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    private static double percentile(List<Long> sorted, int p) {
        if (sorted.isEmpty()) {
            return 0;
        }
        int index = (int) Math.ceil(p / 100.0 * sorted.size()) - 1;
        return sorted.get(Math.max(0, Math.min(index, sorted.size() - 1))) / 1e6;
    }

    private static void fail(String message) {
        System.err.println(message);
        System.exit(1);
    }

    private static String json(String text) {
        return text.replace("\\", "\\\\").replace("\"", "\\\"");
    }
}
