package shop.analytics.logs;

import java.nio.charset.StandardCharsets;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.TreeMap;

/**
 * A generated seed 001 log with the answers to every report, counted by the generator as it writes
 * (not by parsing). Besides ordinary sessions it holds the anomalies the old parser died on — a cart
 * line not right after its goods page, a payment for a cart never seen, unknown URLs — and broken
 * lines whose numbers it remembers. Addresses are IPv4 and IPv6, some outside every range.
 */
public final class SyntheticLog {
    public static final String IP_TABLE = """
            ip_range_start,ip_range_end,country
            203.0.113.0,203.0.113.127,Atlantis
            203.0.113.128,203.0.113.255,Lemuria
            198.51.100.0,198.51.100.255,"Mu, Republic of"
            2001:db8::,2001:db8::ffff,Atlantis
            2001:db8:1::,2001:db8:1:ffff:ffff:ffff:ffff:ffff,Hyperborea
            """;
    private static final String[] ADDRESSES = {
            "203.0.113.5", "203.0.113.77", "203.0.113.200", "198.51.100.10", "198.51.100.11",
            "2001:db8::1", "2001:db8::abcd", "2001:db8:1::42", "192.0.2.1", "2001:db8:2::9"};
    private static final String[] COUNTRIES = {
            "Atlantis", "Atlantis", "Lemuria", "Mu, Republic of", "Mu, Republic of",
            "Atlantis", "Atlantis", "Hyperborea", "unknown", "unknown"};
    static final Map<String, List<String>> CATALOG = new LinkedHashMap<>();

    static {
        CATALOG.put("fresh_fish", List.of("salmon", "tuna"));
        CATALOG.put("frozen_fish", List.of("salmon", "pike"));
        CATALOG.put("semi_manufactures", List.of("crab_meat", "soup_set"));
        CATALOG.put("caviar", List.of("red_caviar"));
        CATALOG.put("canned_food", List.of("sprats"));
    }

    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss");

    final List<String> lines = new ArrayList<>();
    /** Line number → the start of the reason the import must give. */
    final Map<Long, String> badLines = new TreeMap<>();
    final Map<String, Long> requestsByCountry = new HashMap<>();
    /** category → country → views */
    final Map<String, Map<String, Long>> viewsByCountry = new HashMap<>();
    /** category → hour of day → views */
    final Map<String, long[]> viewsByHour = new HashMap<>();
    final Map<LocalDateTime, Long> requestsByHour = new HashMap<>();
    final Map<String, Set<String>> cartCategories = new HashMap<>();
    final Set<String> paidCarts = new HashSet<>();
    final Map<String, Integer> paidByUser = new HashMap<>();
    int goodLines;

    private final Random random;
    private final String prefix;
    private LocalDateTime time;
    private int requestNo;
    private final Map<String, Integer> goodsIds = new LinkedHashMap<>();
    private final Set<Integer> taughtGoods = new HashSet<>();
    private int nextCart;

    /** @param prefix makes request ids unique per generated file; {@code start} the first line's time */
    public SyntheticLog(long seed, String prefix, LocalDateTime start, int sessions) {
        this(seed, prefix, start, sessions, 1000);
    }

    /**
     * @param firstCart the first cart id: cart ids are global in the logs (a later file may pay an earlier
     *                  file's cart), so files of unrelated tests must not share them
     */
    public SyntheticLog(long seed, String prefix, LocalDateTime start, int sessions, int firstCart) {
        this.random = new Random(seed);
        this.prefix = prefix;
        this.time = start;
        this.nextCart = firstCart;
        // the shop's own goods ids (as in the team's real log): goods ids mean the same in every file
        goodsIds.putAll(Map.of("fresh_fish/salmon", 3, "fresh_fish/tuna", 2, "frozen_fish/salmon", 10,
                "frozen_fish/pike", 12, "semi_manufactures/crab_meat", 14, "semi_manufactures/soup_set", 17,
                "caviar/red_caviar", 23, "canned_food/sprats", 19));
        for (int s = 0; s < sessions; s++) {
            session(s);
        }
        // anomalies, once each
        int client = 0;
        request(client, "");
        String learned = taughtGoods.isEmpty() ? null : goodsKeyOf(taughtGoods.iterator().next());
        if (learned != null) {
            String cart = String.valueOf(nextCart++);
            request(client, "cart?goods_id=" + goodsIds.get(learned) + "&amount=2&cart_id=" + cart);
            cartCategories.computeIfAbsent(cart, c -> new HashSet<>()).add(learned.split("/")[0]);
        }
        String unseen = String.valueOf(nextCart++);
        request(1, "pay?user_id=777&cart_id=" + unseen);
        request(1, "success_pay_" + unseen + "/");
        paidCarts.add(unseen);
        paidByUser.merge("777", 1, Integer::sum);
        request(2, "about/us/team/");
        request(2, "success_pay_/");
        bad("shop_api      | 2031-02-30 10:00:00 [" + prefix + "BAD1] INFO: 203.0.113.5 https://all_to_the_bottom.com/",
                "bad date");
        bad("this line is not from the log at all", "not a log line");
        bad("", "empty line");
        bad("shop_api      | " + stamp() + " [" + prefix + "BAD2] INFO: 203.0.113.5 https://all_to_the_bottom.com/cart?goods_id=x&amount=1&cart_id=5",
                "cart line");
        bad("shop_api      | " + stamp() + " [" + prefix + "BAD3] INFO: 300.1.2.3 https://all_to_the_bottom.com/",
                "bad client address");
        bad("shop_api      | " + stamp() + " [" + prefix + "BAD4] INFO: 203.0.113.5 ftp://all_to_the_bottom.com/",
                "not an http(s) URL");
        request(3, "caviar/");
    }

    private String goodsKeyOf(int id) {
        return goodsIds.entrySet().stream().filter(e -> e.getValue() == id).findFirst().orElseThrow().getKey();
    }

    private void session(int s) {
        int client = random.nextInt(ADDRESSES.length);
        int pages = 1 + random.nextInt(6);
        for (int p = 0; p < pages; p++) {
            int what = random.nextInt(3);
            if (what == 0) {
                request(client, "");
            } else {
                String category = pick(new ArrayList<>(CATALOG.keySet()));
                if (what == 1) {
                    request(client, category + "/");
                } else {
                    request(client, category + "/" + pick(CATALOG.get(category)) + "/");
                }
            }
        }
        if (random.nextInt(3) > 0) {
            String cart = String.valueOf(nextCart++);
            int items = 1 + random.nextInt(3);
            for (int i = 0; i < items; i++) {
                String category = pick(new ArrayList<>(CATALOG.keySet()));
                String goods = category + "/" + pick(CATALOG.get(category));
                request(client, goods + "/");
                int id = goodsIds.get(goods);
                request(client, "cart?goods_id=" + id + "&amount=" + (1 + random.nextInt(3)) + "&cart_id=" + cart);
                taughtGoods.add(id);
                cartCategories.computeIfAbsent(cart, c -> new HashSet<>()).add(category);
            }
            if (random.nextInt(4) > 0) {
                String user = String.valueOf(100 + random.nextInt(12));
                request(client, "pay?user_id=" + user + "&cart_id=" + cart);
                request(client, "success_pay_" + cart + "/");
                paidCarts.add(cart);
                paidByUser.merge(user, 1, Integer::sum);
            }
        }
    }

    private <T> T pick(List<T> values) {
        return values.get(random.nextInt(values.size()));
    }

    private String stamp() {
        time = time.plusSeconds(1 + random.nextInt(400));
        return time.format(TIME);
    }

    private void request(int client, String path) {
        String at = stamp();
        String line = "shop_api      | " + at + " [" + prefix + (requestNo++) + "] INFO: " + ADDRESSES[client]
                + " https://all_to_the_bottom.com/" + path;
        lines.add(line);
        goodLines++;
        String country = COUNTRIES[client];
        requestsByCountry.merge(country, 1L, Long::sum);
        requestsByHour.merge(time.withMinute(0).withSecond(0), 1L, Long::sum);
        String[] parts = path.split("\\?")[0].split("/");
        boolean view = !path.isEmpty() && CATALOG.containsKey(parts[0]) && !path.contains("?")
                && (parts.length == 1 || parts.length == 2);
        if (view) {
            viewsByCountry.computeIfAbsent(parts[0], c -> new HashMap<>()).merge(country, 1L, Long::sum);
            viewsByHour.computeIfAbsent(parts[0], c -> new long[24])[time.getHour()]++;
        }
    }

    private void bad(String line, String reason) {
        lines.add(line);
        badLines.put((long) lines.size(), reason);
    }

    public byte[] bytes() {
        return (String.join("\n", lines) + "\n").getBytes(StandardCharsets.UTF_8);
    }

    long unpaidCarts() {
        return cartCategories.keySet().stream().filter(cart -> !paidCarts.contains(cart)).count();
    }

    long repeatCustomers() {
        return paidByUser.values().stream().filter(n -> n > 1).count();
    }

    /** category → paid carts holding both it and {@code category}. */
    Map<String, Long> boughtWith(String category) {
        Map<String, Long> counts = new HashMap<>();
        for (String cart : paidCarts) {
            Set<String> categories = cartCategories.getOrDefault(cart, Set.of());
            if (categories.contains(category)) {
                categories.stream().filter(c -> !c.equals(category)).forEach(c -> counts.merge(c, 1L, Long::sum));
            }
        }
        return counts;
    }

    long paidCartsWith(String category) {
        return paidCarts.stream().filter(cart -> cartCategories.getOrDefault(cart, Set.of()).contains(category)).count();
    }
}
