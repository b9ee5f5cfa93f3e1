package shop.devstack;

import shop.devstack.infra.Json;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;

/**
 * A little data to click around in ({@code --demo}): signs in as the bootstrapped admin through
 * the gateway and creates a small category tree and the catalog dictionaries (sizes, colours,
 * materials, compositions, care instructions). Entries that already exist are kept.
 */
final class DemoData {

    private static final Map<String, List<String>> CATEGORIES = new LinkedHashMap<>();

    static {
        CATEGORIES.put("Fresh fish", List.of("Salmon", "Trout", "Sea bass"));
        CATEGORIES.put("Semi-manufactures", List.of("Dumplings", "Fish cakes"));
        CATEGORIES.put("Clothing", List.of("Dresses", "Shirts", "Knitwear"));
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

    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private final String gatewayUrl;
    private final Consumer<String> progress;
    private String accessToken;

    DemoData(String gatewayUrl, Consumer<String> progress) {
        this.gatewayUrl = gatewayUrl;
        this.progress = progress;
    }

    void load() throws IOException {
        signInAsAdmin();
        int created = 0;
        for (Map.Entry<String, List<String>> root : CATEGORIES.entrySet()) {
            CategoryResult parent = ensureCategory(root.getKey(), null);
            created += parent.created ? 1 : 0;
            for (String child : root.getValue()) {
                created += ensureCategory(child, parent.id).created ? 1 : 0;
            }
        }
        int entries = 0;
        for (Map.Entry<String, List<Map<String, Object>>> dictionary : DICTIONARIES.entrySet()) {
            for (Map<String, Object> entry : dictionary.getValue()) {
                HttpResponse<String> response = send("POST", "/api/catalog/" + dictionary.getKey(), entry);
                if (response.statusCode() == 201) {
                    entries++;
                } else if (response.statusCode() != 409) {
                    throw new IOException("creating " + dictionary.getKey() + " " + entry + " failed: " + describe(response));
                }
            }
        }
        progress.accept("Demo data: " + created + " categories and " + entries + " dictionary entries created"
                + (created + entries == 0 ? " (all existed already)" : ""));
    }

    private void signInAsAdmin() throws IOException {
        String login = System.getenv().getOrDefault("SHOP_ADMIN_LOGIN", "admin");
        String password = System.getenv().getOrDefault("SHOP_ADMIN_PASSWORD", "admin");
        HttpResponse<String> response = send("POST", "/api/auth/token", Map.of("login", login, "password", password));
        if (response.statusCode() != 200) {
            throw new IOException("sign-in as " + login + " failed: " + describe(response));
        }
        Object token = Json.parseObject(response.body()).get("accessToken");
        if (!(token instanceof String)) {
            throw new IOException("sign-in answered without accessToken: " + response.body());
        }
        accessToken = (String) token;
    }

    private record CategoryResult(Object id, boolean created) {
    }

    private CategoryResult ensureCategory(String name, Object parentId) throws IOException {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("name", name);
        body.put("parentId", parentId);
        HttpResponse<String> response = send("POST", "/api/catalog/categories", body);
        if (response.statusCode() == 201 || response.statusCode() == 200) {
            return new CategoryResult(idOf(response), true);
        }
        if (response.statusCode() == 409) {
            return new CategoryResult(findCategory(name).orElseThrow(() ->
                    new IOException("category " + name + " exists (409) but is not in the list")), false);
        }
        throw new IOException("creating category " + name + " failed: " + describe(response));
    }

    private Object idOf(HttpResponse<String> created) throws IOException {
        if (!created.body().isBlank()) {
            Object id = Json.parseObject(created.body()).get("id");
            if (id != null) {
                return id;
            }
        }
        String location = created.headers().firstValue("Location")
                .orElseThrow(() -> new IOException("created category has neither an id nor a Location"));
        return location.substring(location.lastIndexOf('/') + 1);
    }

    /** Looks a category up by name, paging through {@code GET /api/catalog/categories}. */
    private Optional<Object> findCategory(String name) throws IOException {
        int pageSize = 100;
        for (int offset = 0; offset < 100_000; offset += pageSize) {
            HttpResponse<String> response = send("GET", "/api/catalog/categories?limit=" + pageSize + "&offset=" + offset, null);
            if (response.statusCode() != 200) {
                throw new IOException("listing categories failed: " + describe(response));
            }
            Object parsed = Json.parse(response.body());
            Object items = parsed instanceof Map<?, ?> page ? page.get("items") : parsed;
            if (!(items instanceof List<?> list) || list.isEmpty()) {
                return Optional.empty();
            }
            for (Object item : list) {
                if (item instanceof Map<?, ?> category && name.equalsIgnoreCase(String.valueOf(category.get("name")))) {
                    return Optional.ofNullable(category.get("id"));
                }
            }
            if (!(parsed instanceof Map) || list.size() < pageSize) {
                return Optional.empty(); // a plain array is the whole list; a short page is the last
            }
        }
        return Optional.empty();
    }

    private HttpResponse<String> send(String method, String path, Object jsonBody) throws IOException {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(gatewayUrl + path))
                .timeout(Duration.ofSeconds(30))
                .header("Accept", "application/json");
        if (accessToken != null) {
            request.header("Authorization", "Bearer " + accessToken);
        }
        if (jsonBody != null) {
            request.header("Content-Type", "application/json")
                    .method(method, HttpRequest.BodyPublishers.ofString(Json.write(jsonBody)));
        } else {
            request.method(method, HttpRequest.BodyPublishers.noBody());
        }
        try {
            return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted", e);
        }
    }

    private static String describe(HttpResponse<String> response) {
        String body = response.body();
        return "HTTP " + response.statusCode() + (body.isBlank() ? "" : " " + body.substring(0, Math.min(300, body.length())));
    }
}
