package shop.analytics.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import java.io.IOException;
import java.math.BigInteger;
import java.net.InetAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import shop.analytics.AnalyticsClient;

/**
 * The team's real log ({@code shared/data/logs.txt}, 24,284 lines, August 2018) and its IP table,
 * imported through the API; every report is compared with answers this test computes itself from the
 * file with a separate, deliberately plain parser. Skipped where the shared data is absent (a user's
 * clone).
 */
@QuarkusTest
class ReportsFromLogFileTest {
    static final Path DATA = Path.of(System.getProperty("shop.test.shared-data", "../../shared/data"));
    static final Path LOG = DATA.resolve("logs.txt");
    static final Path IPS = DATA.resolve("logs-ip-country.csv");
    static final Pattern LINE = Pattern.compile(
            "shop_api\\s+\\| (\\S+ \\S+) \\[(\\w+)] INFO: (\\S+) https://all_to_the_bottom\\.com/(.*)");
    static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss");

    static Expected whole;
    static JsonPath job;

    /** The answers, counted straight from the file. */
    static final class Expected {
        final Map<String, Long> requestsByCountry = new HashMap<>();
        final Map<String, Map<String, Long>> viewsByCountry = new HashMap<>();
        final Map<String, long[]> viewsByHour = new HashMap<>();
        final Map<LocalDateTime, Long> requestsByHour = new HashMap<>();
        final Map<String, Set<String>> cartCategories = new HashMap<>();
        final Map<String, LocalDateTime> cartOpened = new HashMap<>();
        final Map<String, LocalDateTime> cartPaid = new HashMap<>();
        final Map<String, String> cartUser = new HashMap<>();
        long requests;

        static Expected of(List<String> lines, TreeMap<BigInteger, String[]> ranges, LocalDateTime from,
                           LocalDateTime to) {
            Expected e = new Expected();
            Map<String, String> previousPath = new HashMap<>();
            Map<String, String> goodsCategory = new HashMap<>();
            List<String[]> cartLines = new ArrayList<>();
            for (String text : lines) {
                Matcher m = LINE.matcher(text);
                if (!m.matches()) {
                    throw new AssertionError("the shared log has an unexpected line: " + text);
                }
                LocalDateTime at = LocalDateTime.parse(m.group(1), TIME);
                String ip = m.group(3);
                String path = m.group(4);
                String previous = previousPath.put(ip, path);
                if (path.startsWith("cart?")) {
                    Map<String, String> q = query(path);
                    // the goods page this client saw just before names the goods id
                    if (previous != null && previous.split("/").length == 2 && !previous.contains("?")) {
                        goodsCategory.putIfAbsent(q.get("goods_id"), previous.split("/")[0]);
                    }
                    cartLines.add(new String[] {q.get("cart_id"), q.get("goods_id"), m.group(1)});
                } else if (path.startsWith("pay?")) {
                    Map<String, String> q = query(path);
                    e.cartUser.put(q.get("cart_id"), q.get("user_id"));
                } else if (path.startsWith("success_pay_")) {
                    e.cartPaid.putIfAbsent(path.substring("success_pay_".length(), path.length() - 1), at);
                }
                if (at.isBefore(from) || !at.isBefore(to)) {
                    continue;
                }
                String country = country(ranges, ip);
                e.requests++;
                e.requestsByCountry.merge(country, 1L, Long::sum);
                e.requestsByHour.merge(at.withMinute(0).withSecond(0), 1L, Long::sum);
                if (!path.isEmpty() && !path.contains("?") && !path.startsWith("success_pay_")) {
                    String category = path.split("/")[0];
                    e.viewsByCountry.computeIfAbsent(category, c -> new HashMap<>()).merge(country, 1L, Long::sum);
                    e.viewsByHour.computeIfAbsent(category, c -> new long[24])[at.getHour()]++;
                }
            }
            for (String[] cart : cartLines) {
                e.cartOpened.putIfAbsent(cart[0], LocalDateTime.parse(cart[2], TIME));
                String category = goodsCategory.get(cart[1]);
                if (category != null) {
                    e.cartCategories.computeIfAbsent(cart[0], c -> new HashSet<>()).add(category);
                }
            }
            return e;
        }

        Map<String, Long> boughtWith(String category, LocalDateTime from, LocalDateTime to) {
            Map<String, Long> counts = new HashMap<>();
            for (var cart : cartPaid.entrySet()) {
                if (cart.getValue().isBefore(from) || !cart.getValue().isBefore(to)) {
                    continue;
                }
                Set<String> categories = cartCategories.getOrDefault(cart.getKey(), Set.of());
                if (categories.contains(category)) {
                    categories.stream().filter(c -> !c.equals(category)).forEach(c -> counts.merge(c, 1L, Long::sum));
                }
            }
            return counts;
        }

        long unpaid(LocalDateTime from, LocalDateTime to) {
            return cartOpened.entrySet().stream().filter(c -> !cartPaid.containsKey(c.getKey()))
                    .filter(c -> !c.getValue().isBefore(from) && c.getValue().isBefore(to)).count();
        }

        long repeatCustomers(LocalDateTime from, LocalDateTime to) {
            Map<String, Long> paid = new HashMap<>();
            cartPaid.forEach((cart, at) -> {
                if (!at.isBefore(from) && at.isBefore(to) && cartUser.containsKey(cart)) {
                    paid.merge(cartUser.get(cart), 1L, Long::sum);
                }
            });
            return paid.values().stream().filter(n -> n > 1).count();
        }

        private static Map<String, String> query(String path) {
            Map<String, String> q = new HashMap<>();
            for (String pair : path.substring(path.indexOf('?') + 1).split("&")) {
                String[] kv = pair.split("=");
                q.put(kv[0], kv[1]);
            }
            return q;
        }
    }

    static TreeMap<BigInteger, String[]> ranges() throws IOException {
        TreeMap<BigInteger, String[]> ranges = new TreeMap<>();
        for (String line : Files.readAllLines(IPS)) {
            if (line.startsWith("ip_range_start") || line.isBlank()) {
                continue;
            }
            String[] f = line.split(",", 3);
            ranges.put(number(f[0]), new String[] {f[1], f[2]});
        }
        return ranges;
    }

    static String country(TreeMap<BigInteger, String[]> ranges, String ip) {
        BigInteger n = number(ip);
        var floor = ranges.floorEntry(n);
        return floor != null && number(floor.getValue()[0]).compareTo(n) >= 0 ? floor.getValue()[1] : "unknown";
    }

    static BigInteger number(String ip) {
        try {
            return new BigInteger(1, InetAddress.getByName(ip).getAddress());
        } catch (IOException e) {
            throw new IllegalArgumentException(ip, e);
        }
    }

    @BeforeEach
    void importOnce() throws IOException {
        assumeTrue(Files.isReadable(LOG) && Files.isReadable(IPS),
                "the team's shared data (" + DATA.toAbsolutePath().normalize() + ") is not here; skipped");
        if (job == null) {
            AnalyticsClient.loadIpRanges(Files.readString(IPS));
            job = AnalyticsClient.importLog(Files.readAllBytes(LOG));
            whole = Expected.of(Files.readAllLines(LOG), ranges(), LocalDateTime.MIN, LocalDateTime.MAX);
        }
    }

    @Test
    void theWholeFileIsImported() {
        assertEquals("succeeded", job.getString("status"));
        assertEquals(24_284, job.getLong("linesRead"));
        assertEquals(24_284, job.getLong("imported"));
        assertEquals(0, job.getLong("skipped"));
    }

    @Test
    void everyReportOverTheWholeFile() {
        // August 2018 is the file's; other test classes import other months
        assertReports(whole, Map.of("source", "logs", "from", "2018-08-01", "to", "2018-08-31"), LocalDateTime.MIN,
                LocalDateTime.MAX);
        // and the seed's own question 4: the busiest calendar hour
        JsonPath hours = AnalyticsClient.report("4",
                Map.of("source", "logs", "limit", 1, "from", "2018-08-01", "to", "2018-08-31"));
        assertEquals(whole.requestsByHour.values().stream().max(Long::compare).orElseThrow(),
                hours.getLong("busiest.requests"));
    }

    @Test
    void everyReportOverARangeWithPartialHours() throws IOException {
        LocalDateTime from = LocalDateTime.of(2018, 8, 3, 10, 30, 15);
        LocalDateTime to = LocalDateTime.of(2018, 8, 9, 17, 45, 0);
        Expected part = Expected.of(Files.readAllLines(LOG), ranges(), from, to);
        assertReports(part, Map.of("source", "logs", "from", from + "Z", "to", to + ":00Z"), from, to);
    }

    @Test
    void theLiveSourceHasNoneOfIt() {
        assertEquals(List.of(), AnalyticsClient.report("visits-by-country",
                Map.of("source", "live", "from", "2018-08-01", "to", "2018-08-31")).getList("items"));
    }

    static void assertReports(Expected e, Map<String, String> base, LocalDateTime from, LocalDateTime to) {
        Map<String, Object> params = new HashMap<>(base);
        params.put("limit", 10_000);
        JsonPath visits = AnalyticsClient.report("visits-by-country", params);
        assertEquals(ranked(e.requestsByCountry), pairs(visits, "country", "requests"));
        assertEquals(e.requests, visits.getLong("requests"));

        for (String category : List.of("fresh_fish", "frozen_fish", "semi_manufactures", "caviar", "canned_food")) {
            params.put("category", category);
            assertEquals(ranked(e.viewsByCountry.getOrDefault(category, Map.of())),
                    pairs(AnalyticsClient.report("category-interest", params), "country", "views"), category);
            JsonPath timeOfDay = AnalyticsClient.report("category-time-of-day", params);
            long[] hours = e.viewsByHour.getOrDefault(category, new long[24]);
            for (int h = 0; h < 24; h++) {
                assertEquals(hours[h], timeOfDay.getLong("hours[" + h + "].views"), category + " at " + h);
            }
            long[] periods = new long[4];
            for (int h = 0; h < 24; h++) {
                periods[h / 6] += hours[h];
            }
            for (int p = 0; p < 4; p++) {
                assertEquals(periods[p], timeOfDay.getLong("periods[" + p + "].views"), category + " period " + p);
            }
            assertEquals(ranked(e.boughtWith(category, from, to)),
                    pairs(AnalyticsClient.report("bought-together", params), "category", "carts"), category);
        }
        params.remove("category");

        params.put("limit", 10);
        JsonPath busiest = AnalyticsClient.report("busiest-hours", params);
        List<Map.Entry<LocalDateTime, Long>> top = e.requestsByHour.entrySet().stream()
                .sorted(Map.Entry.<LocalDateTime, Long>comparingByValue().reversed()
                        .thenComparing(Map.Entry.comparingByKey())).limit(10).toList();
        List<List<Object>> expectedTop = top.stream()
                .map(x -> List.<Object>of(x.getKey() + ":00Z", x.getValue())).toList();
        assertEquals(expectedTop, pairs(busiest, "hour", "requests"));

        assertEquals(e.unpaid(from, to), AnalyticsClient.report("unpaid-carts", base).getLong("unpaidCarts"));
        assertEquals(e.repeatCustomers(from, to),
                AnalyticsClient.report("repeat-customers", base).getLong("customers"));
    }

    static List<List<Object>> ranked(Map<String, Long> counts) {
        return counts.entrySet().stream().filter(x -> x.getValue() > 0)
                .sorted(Map.Entry.<String, Long>comparingByValue(Comparator.reverseOrder())
                        .thenComparing(Map.Entry.comparingByKey()))
                .map(x -> List.<Object>of(x.getKey(), x.getValue())).toList();
    }

    static List<List<Object>> pairs(JsonPath report, String name, String count) {
        List<Map<String, Object>> items = report.getList("items");
        return items.stream().map(i -> List.<Object>of(String.valueOf(i.get(name)), ((Number) i.get(count)).longValue()))
                .toList();
    }
}
