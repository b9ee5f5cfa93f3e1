package shop.devstack.demo;

import java.io.IOException;
import java.net.http.HttpResponse;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

/**
 * A little shop to click around in ({@code ./run.sh --demo}): signs in as the bootstrapped admin through
 * the gateway and creates a category tree, the catalog dictionaries (sizes, colours, materials,
 * compositions, care instructions) and about thirty products with variants, stock and pictures; then
 * delivery types, two customers and their orders in several statuses ({@link DemoOrders}).
 * What already exists is kept, so running it twice changes nothing.
 */
public final class DemoData {

    private static final Map<String, List<String>> CATEGORIES = new LinkedHashMap<>();

    static {
        CATEGORIES.put("Fresh fish", List.of("Salmon", "Trout", "Sea bass"));
        CATEGORIES.put("Semi-manufactures", List.of("Dumplings", "Fish cakes"));
        CATEGORIES.put("Clothing", List.of("Dresses", "Shirts", "Knitwear", "Trousers"));
    }

    /** Dictionary entries by path under /api/catalog; colours carry their hex code. */
    private static final Map<String, List<Map<String, Object>>> DICTIONARIES = new LinkedHashMap<>();

    static {
        DICTIONARIES.put("sizes", names("XS", "S", "M", "L", "XL"));
        DICTIONARIES.put("materials", names("Cotton", "Linen", "Wool", "Silk"));
        DICTIONARIES.put("compositions", names("100% cotton", "95% cotton, 5% elastane", "70% wool, 30% polyamide"));
        DICTIONARIES.put("care-instructions", names("Machine wash at 30 °C", "Hand wash only", "Dry clean only"));
        DICTIONARIES.put("colors", List.of(
                Map.of("name", "Black", "code", "#000000"), Map.of("name", "White", "code", "#FFFFFF"),
                Map.of("name", "Navy", "code", "#1F2A44"), Map.of("name", "Red", "code", "#C8102E")));
    }

    private static List<Map<String, Object>> names(String... names) {
        return java.util.Arrays.stream(names).<Map<String, Object>>map(name -> Map.of("name", name)).toList();
    }

    private final GatewayClient client;
    private final Consumer<String> progress;

    public DemoData(String gatewayUrl, Consumer<String> progress) {
        this.client = new GatewayClient(gatewayUrl);
        this.progress = progress;
    }

    public void load() throws IOException {
        client.signInAsAdmin();
        Map<String, Object> categoryIds = new HashMap<>();
        int categories = 0;
        for (Map.Entry<String, List<String>> root : CATEGORIES.entrySet()) {
            categories += ensure("categories", Map.of("name", root.getKey()), categoryIds);
            for (String child : root.getValue()) {
                Map<String, Object> body = new LinkedHashMap<>();
                body.put("name", child);
                body.put("parentId", categoryIds.get(root.getKey()));
                categories += ensure("categories", body, categoryIds);
            }
        }
        Map<String, Map<String, Object>> dictionaryIds = new HashMap<>();
        int entries = 0;
        for (Map.Entry<String, List<Map<String, Object>>> dictionary : DICTIONARIES.entrySet()) {
            Map<String, Object> ids = dictionaryIds.computeIfAbsent(dictionary.getKey(), k -> new HashMap<>());
            for (Map<String, Object> entry : dictionary.getValue()) {
                entries += ensure(dictionary.getKey(), entry, ids);
            }
        }
        int products = new DemoCatalog(client, categoryIds).load(dictionaryIds);
        DemoOrders.Created people = new DemoOrders(client, categoryIds.get("Clothing")).load();
        progress.accept("Demo data: " + categories + " categories, " + entries + " dictionary entries, "
                + products + " products, " + people.deliveryTypes() + " delivery types, " + people.customers()
                + " customers and " + people.orders() + " orders created"
                + (categories + entries + products + people.total() == 0 ? " (all existed already)" : "")
                + "; demo customers sign in as anna.demo@example.com or ivan.demo@example.com, password "
                + DemoOrders.PASSWORD);
    }

    /** Creates a named entry under /api/catalog/{path} unless it exists; records its id by name. */
    private int ensure(String path, Map<String, Object> body, Map<String, Object> idsByName) throws IOException {
        String name = String.valueOf(body.get("name"));
        HttpResponse<String> response = client.json("POST", "/api/catalog/" + path, body);
        if (response.statusCode() == 201) {
            idsByName.put(name, GatewayClient.createdId(response));
            return 1;
        }
        if (response.statusCode() != 409) {
            throw new IOException("creating " + path + " " + body + " failed: " + GatewayClient.describe(response));
        }
        Object id = client.find("/api/catalog/" + path, "name", name)
                .map(entry -> entry.get("id"))
                .orElseThrow(() -> new IOException(path + " " + name + " exists (409) but is not in the list"));
        idsByName.put(name, id);
        return 0;
    }
}
