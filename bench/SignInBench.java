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
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Sign-in latency under concurrency: N clients each sign in M times (POST /api/auth/token with a
 * staff login) against an already running customer-service (or gateway) and the p50/p99/max of all
 * requests is printed, with the BCrypt cost factor the numbers are for. Starts nothing itself.
 *
 *   java bench/SignInBench.java [--url http://127.0.0.1:8083] [--clients 20] [--requests 25]
 *                               [--login admin] [--password admin] [--bcrypt-cost 10]
 *
 * The cost factor is not visible from outside the service: give the one it runs with
 * (shop.auth.bcrypt-cost / SHOP_AUTH_BCRYPT_COST; 10 unless configured).
 */
public class SignInBench {
    public static void main(String[] args) throws Exception {
        Map<String, String> options = new TreeMap<>(Map.of("url", "http://127.0.0.1:8083", "clients", "20",
                "requests", "25", "login", "admin", "password", "admin",
                "bcrypt-cost", System.getenv().getOrDefault("SHOP_AUTH_BCRYPT_COST", "10")));
        for (int i = 0; i + 1 < args.length; i += 2) {
            if (!args[i].startsWith("--") || !options.containsKey(args[i].substring(2))) {
                throw new IllegalArgumentException("unknown option " + args[i] + "; known: " + options.keySet());
            }
            options.put(args[i].substring(2), args[i + 1]);
        }
        int clients = Integer.parseInt(options.get("clients"));
        int requests = Integer.parseInt(options.get("requests"));
        URI uri = URI.create(options.get("url").replaceAll("/+$", "") + "/api/auth/token");
        String body = "{\"login\":\"%s\",\"password\":\"%s\"}".formatted(json(options.get("login")),
                json(options.get("password")));
        HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

        // one warm-up sign-in, which also proves the credentials work
        HttpResponse<String> first = send(http, uri, body);
        if (first.statusCode() != 200) {
            System.err.println("warm-up sign-in answered " + first.statusCode() + ": " + first.body());
            System.exit(1);
        }

        List<Long> latencies = Collections.synchronizedList(new ArrayList<>());
        Map<Integer, AtomicInteger> statuses = new ConcurrentHashMap<>();
        CountDownLatch start = new CountDownLatch(1);
        ExecutorService pool = Executors.newFixedThreadPool(clients);
        List<java.util.concurrent.Future<?>> done = new ArrayList<>();
        for (int c = 0; c < clients; c++) {
            done.add(pool.submit(() -> {
                start.await();
                for (int r = 0; r < requests; r++) {
                    long began = System.nanoTime();
                    int status;
                    try {
                        status = send(http, uri, body).statusCode();
                    } catch (Exception e) {
                        status = -1;
                    }
                    latencies.add(System.nanoTime() - began);
                    statuses.computeIfAbsent(status, s -> new AtomicInteger()).incrementAndGet();
                }
                return null;
            }));
        }
        long began = System.nanoTime();
        start.countDown();
        for (var f : done) {
            f.get();
        }
        double seconds = (System.nanoTime() - began) / 1e9;
        pool.shutdown();

        List<Long> sorted = new ArrayList<>(latencies);
        Collections.sort(sorted);
        System.out.printf("sign-in bench against %s%n", uri);
        System.out.printf("BCrypt cost factor: %s (2^%s rounds per check)%n", options.get("bcrypt-cost"), options.get("bcrypt-cost"));
        System.out.printf("clients: %d, sign-ins: %d in %.1f s (%.1f/s)%n", clients, sorted.size(), seconds, sorted.size() / seconds);
        System.out.printf("status codes: %s%n", new TreeMap<>(statuses));
        System.out.printf("latency ms: p50 %.1f, p99 %.1f, max %.1f%n", percentile(sorted, 50), percentile(sorted, 99),
                sorted.get(sorted.size() - 1) / 1e6);
    }

    private static HttpResponse<String> send(HttpClient http, URI uri, String body) throws Exception {
        return http.send(HttpRequest.newBuilder(uri).timeout(Duration.ofSeconds(30))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofString());
    }

    private static double percentile(List<Long> sorted, int p) {
        int index = (int) Math.ceil(p / 100.0 * sorted.size()) - 1;
        return sorted.get(Math.max(0, Math.min(index, sorted.size() - 1))) / 1e6;
    }

    private static String json(String text) {
        return text.replace("\\", "\\\\").replace("\"", "\\\"");
    }
}
