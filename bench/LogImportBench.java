import java.io.BufferedReader;
import java.io.BufferedWriter;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Analytics throughput and latency against an already running analytics-service (starts nothing):
 * loads the IP table, imports the team's log (logs.txt) and a 10x synthetic version of it generated
 * here (every copy shifted in time, with its own request and cart ids, so it is all new data), and
 * times the seven reports (N calls each, p50/p99). For scale it also parses logs.txt in this JVM the
 * plainest way (a buffered read and analytics-service's line regex per line, nothing stored): the
 * import's lines/s is printed next to that raw rate and as a ratio of it.
 *
 *   java bench/LogImportBench.java [--url http://127.0.0.1:8084] [--auth-url http://127.0.0.1:8083]
 *        [--login admin] [--password admin] [--data ../shared/data] [--copies 10] [--calls 50]
 *
 * Goes straight to analytics-service: the gateway limits request bodies to 10 MB. Import throughput
 * is the job's own count of lines over its own start..finish (server side), and the wall clock from
 * the upload to the finished job. logs.txt that the database already holds is recognised by its
 * content hash and not read again: measure it on a fresh database (./run.sh --clean).
 */
public class LogImportBench {
    static final Pattern LINE = Pattern.compile(
            "^(\\S+\\s*\\|\\s*)(\\d{4}-\\d{2}-\\d{2} \\d{2}:\\d{2}:\\d{2})( \\[)([^\\]]+)(].*)$");
    static final Pattern CART = Pattern.compile("(cart_id=|success_pay_)(\\d+)");
    static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss");
    /** The line regex of analytics-service's LogLineParser (the raw baseline matches every line with it). */
    static final Pattern SERVICE_LINE = Pattern.compile(
            "^\\S+\\s*\\|\\s*(\\d{4}-\\d{2}-\\d{2} \\d{2}:\\d{2}:\\d{2})\\s+\\[([^\\]\\s]{1,64})]\\s+[A-Z]+:\\s+(\\S+)\\s+(\\S+)\\s*$");

    static HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    static String url;
    static String token;

    public static void main(String[] args) throws Exception {
        Map<String, String> options = new TreeMap<>(Map.of("url", "http://127.0.0.1:8084", "auth-url",
                "http://127.0.0.1:8083", "login", "admin", "password", "admin", "data", "../shared/data",
                "copies", "10", "calls", "50"));
        for (int i = 0; i + 1 < args.length; i += 2) {
            if (!args[i].startsWith("--") || !options.containsKey(args[i].substring(2))) {
                throw new IllegalArgumentException("unknown option " + args[i] + "; known: " + options.keySet());
            }
            options.put(args[i].substring(2), args[i + 1]);
        }
        url = options.get("url").replaceAll("/+$", "");
        Path data = Path.of(options.get("data"));
        Path log = data.resolve("logs.txt");
        Path ips = data.resolve("logs-ip-country.csv");
        if (!Files.isReadable(log) || !Files.isReadable(ips)) {
            System.err.println("no logs.txt / logs-ip-country.csv in " + data.toAbsolutePath() + " (--data DIR)");
            System.exit(1);
        }
        token = signIn(options.get("auth-url"), options.get("login"), options.get("password"));

        long began = System.nanoTime();
        HttpResponse<String> loaded = send(request("/api/analytics/ip-ranges").header("Content-Type", "text/csv")
                .POST(HttpRequest.BodyPublishers.ofFile(ips)).build());
        System.out.printf("IP table: %d in %d ms: %s%n", loaded.statusCode(), (System.nanoTime() - began) / 1_000_000,
                loaded.body());

        double raw = rawLinesPerSecond(log);
        System.out.printf("raw parse of logs.txt in this JVM (buffered read + the service's line regex): %.0f lines/s%n", raw);
        List<String> rows = new ArrayList<>();
        rows.add(importFile("logs.txt", log, raw));

        int copies = Integer.parseInt(options.get("copies"));
        Path synthetic = Files.createTempFile("analytics-bench-", ".log");
        try {
            long lines = generate(log, synthetic, copies);
            System.out.printf("generated %d lines (%d copies of logs.txt, %d MB) in %s%n", lines, copies,
                    Files.size(synthetic) >> 20, synthetic);
            rows.add(importFile(copies + "x synthetic", synthetic, raw));
        } finally {
            Files.deleteIfExists(synthetic);
        }

        System.out.println();
        System.out.println("| import | lines | job lines/s | raw parse lines/s | import / raw |");
        System.out.println("|---|---|---|---|---|");
        rows.forEach(System.out::println);

        int calls = Integer.parseInt(options.get("calls"));
        System.out.printf("%nreport latencies, %d calls each (source=all, no range, and August 2018):%n", calls);
        System.out.println("| report | p50 ms | p99 ms | p50 ms (Aug 2018, partial hours) | p99 ms |");
        System.out.println("|---|---|---|---|---|");
        for (String name : List.of("visits-by-country", "category-interest", "category-time-of-day", "busiest-hours",
                "bought-together", "unpaid-carts", "repeat-customers")) {
            long[] all = time("/api/analytics/reports/" + name, calls);
            long[] august = time("/api/analytics/reports/" + name + "?from="
                    + URLEncoder.encode("2018-08-01T00:30:00Z", StandardCharsets.UTF_8) + "&to="
                    + URLEncoder.encode("2018-08-31T12:15:00Z", StandardCharsets.UTF_8), calls);
            System.out.printf("| %s | %.1f | %.1f | %.1f | %.1f |%n", name, all[0] / 1e6, all[1] / 1e6,
                    august[0] / 1e6, august[1] / 1e6);
        }
    }

    /**
     * Lines per second of the plainest parse of the file: read line by line, match the service's line
     * regex. 3 warm-up passes (JIT), then the median of 5 timed ones.
     */
    static double rawLinesPerSecond(Path file) throws Exception {
        List<Double> rates = new ArrayList<>();
        for (int pass = 0; pass < 8; pass++) {
            long began = System.nanoTime();
            long lines = 0;
            long matched = 0;
            try (BufferedReader reader = Files.newBufferedReader(file)) {
                for (String line = reader.readLine(); line != null; line = reader.readLine()) {
                    lines++;
                    if (SERVICE_LINE.matcher(line).matches()) {
                        matched++;
                    }
                }
            }
            double seconds = (System.nanoTime() - began) / 1e9;
            if (matched == 0) {
                throw new IllegalStateException("the raw parse matched no line of " + file);
            }
            if (pass >= 3) {
                rates.add(lines / seconds);
            }
        }
        Collections.sort(rates);
        return rates.get(rates.size() / 2);
    }

    /** Imports the file and prints the job; answers its row of the summary table. */
    static String importFile(String label, Path file, double rawLinesPerSecond) throws Exception {
        long began = System.nanoTime();
        HttpResponse<String> started = send(request("/api/analytics/log-imports")
                .header("Content-Type", "text/plain").header("X-File-Name", file.getFileName().toString())
                .POST(HttpRequest.BodyPublishers.ofFile(file)).build());
        if (started.statusCode() != 202) {
            throw new IllegalStateException("import answered " + started.statusCode() + ": " + started.body());
        }
        String id = field(started.body(), "id");
        String job;
        do {
            Thread.sleep(100);
            job = send(request("/api/analytics/log-imports/" + id).GET().build()).body();
        } while (field(job, "status").equals("queued") || field(job, "status").equals("running"));
        double wall = (System.nanoTime() - began) / 1e9;
        long lines = Long.parseLong(field(job, "linesRead"));
        System.out.printf("%s: %s, %d lines, imported %s, already known %s, skipped %s, duplicateOf %s; "
                        + "job %s ms = %s lines/s; upload to done %.2f s = %.0f lines/s%n",
                label, field(job, "status"), lines, field(job, "imported"), field(job, "alreadyKnown"),
                field(job, "skipped"), field(job, "duplicateOf"), field(job, "durationMillis"),
                field(job, "linesPerSecond"), wall, lines / wall);
        String rate = field(job, "linesPerSecond");
        boolean duplicate = !field(job, "duplicateOf").matches("-|null");
        String ratio = duplicate ? "duplicate, not read"
                : rate.matches("[0-9.]+") ? "%.2f".formatted(Double.parseDouble(rate) / rawLinesPerSecond) : "-";
        return "| %s | %d | %s | %.0f | %s |".formatted(label, lines, rate, rawLinesPerSecond, ratio);
    }

    /** copies of the log, each shifted by a multiple of its own span, with new request and cart ids. */
    static long generate(Path log, Path out, int copies) throws Exception {
        List<String> lines = Files.readAllLines(log);
        String run = Long.toString(System.currentTimeMillis() % 1_000_000, 36);
        long count = 0;
        try (BufferedWriter writer = Files.newBufferedWriter(out)) {
            for (int copy = 1; copy <= copies; copy++) {
                long cartBase = (System.currentTimeMillis() % 100_000 * 100 + copy) * 1_000_000L;
                for (String line : lines) {
                    Matcher m = LINE.matcher(line);
                    if (!m.matches()) {
                        continue;
                    }
                    LocalDateTime at = LocalDateTime.parse(m.group(2), TIME).plusDays(14L * copy);
                    String rest = m.group(5);
                    Matcher cart = CART.matcher(rest);
                    StringBuilder shifted = new StringBuilder();
                    while (cart.find()) {
                        cart.appendReplacement(shifted, cart.group(1) + (cartBase + Long.parseLong(cart.group(2))));
                    }
                    cart.appendTail(shifted);
                    writer.write(m.group(1) + at.format(TIME) + m.group(3) + m.group(4) + "-" + run + copy + shifted);
                    writer.newLine();
                    count++;
                }
            }
        }
        return count;
    }

    static long[] time(String path, int calls) throws Exception {
        send(request(path).GET().build()); // warm-up
        List<Long> latencies = new ArrayList<>();
        for (int i = 0; i < calls; i++) {
            long began = System.nanoTime();
            HttpResponse<String> response = send(request(path).GET().build());
            latencies.add(System.nanoTime() - began);
            if (response.statusCode() != 200) {
                throw new IllegalStateException(path + " answered " + response.statusCode() + ": " + response.body());
            }
        }
        Collections.sort(latencies);
        return new long[] {latencies.get(latencies.size() / 2),
                latencies.get(Math.min(latencies.size() - 1, (int) Math.ceil(latencies.size() * 0.99) - 1))};
    }

    static String signIn(String authUrl, String login, String password) throws Exception {
        HttpResponse<String> response = http.send(HttpRequest.newBuilder(URI.create(authUrl.replaceAll("/+$", "")
                        + "/api/auth/token")).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString("{\"login\":\"" + login + "\",\"password\":\"" + password + "\"}"))
                .build(), HttpResponse.BodyHandlers.ofString());
        if (response.statusCode() != 200) {
            throw new IllegalStateException("sign-in answered " + response.statusCode() + ": " + response.body());
        }
        return field(response.body(), "accessToken");
    }

    static HttpRequest.Builder request(String path) {
        return HttpRequest.newBuilder(URI.create(url + path)).timeout(Duration.ofMinutes(5))
                .header("Authorization", "Bearer " + token);
    }

    static HttpResponse<String> send(HttpRequest request) throws Exception {
        return http.send(request, HttpResponse.BodyHandlers.ofString());
    }

    /** A top-level scalar of a flat JSON answer; enough for the job and token fields read here. */
    static String field(String json, String name) {
        Matcher m = Pattern.compile("\"" + Pattern.quote(name) + "\"\\s*:\\s*(\"([^\"]*)\"|[^,}\\]]+)").matcher(json);
        if (!m.find()) {
            return "-";
        }
        return m.group(2) != null ? m.group(2) : m.group(1).trim();
    }
}
