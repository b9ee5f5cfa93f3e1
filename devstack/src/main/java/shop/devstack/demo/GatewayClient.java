package shop.devstack.demo;

import shop.devstack.infra.Json;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/** The demo loader's HTTP client: talks to the platform through the gateway as the signed-in admin. */
final class GatewayClient {
    private static final int MAX_RATE_LIMIT_RETRIES = 5;

    private final HttpClient http;
    private final String gatewayUrl;
    private String accessToken;

    GatewayClient(String gatewayUrl) {
        this(gatewayUrl, HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build(), null);
    }

    private GatewayClient(String gatewayUrl, HttpClient http, String accessToken) {
        this.gatewayUrl = gatewayUrl;
        this.http = http;
        this.accessToken = accessToken;
    }

    /** The same gateway as someone else (a demo customer): sign in with {@code credentials}. */
    GatewayClient signedInAs(Map<String, Object> credentials) throws IOException {
        HttpResponse<String> response = new GatewayClient(gatewayUrl, http, null).json("POST", "/api/auth/token", credentials);
        if (response.statusCode() != 200) {
            throw new IOException("sign-in as " + credentials.keySet() + " failed: " + describe(response));
        }
        return new GatewayClient(gatewayUrl, http, String.valueOf(Json.parseObject(response.body()).get("accessToken")));
    }

    void signInAsAdmin() throws IOException {
        String login = System.getenv().getOrDefault("SHOP_ADMIN_LOGIN", "admin");
        String password = System.getenv().getOrDefault("SHOP_ADMIN_PASSWORD", "admin");
        HttpResponse<String> response = json("POST", "/api/auth/token", Map.of("login", login, "password", password));
        if (response.statusCode() != 200) {
            throw new IOException("sign-in as " + login + " failed: " + describe(response));
        }
        Object token = Json.parseObject(response.body()).get("accessToken");
        if (!(token instanceof String)) {
            throw new IOException("sign-in answered without accessToken: " + response.body());
        }
        accessToken = (String) token;
    }

    HttpResponse<String> json(String method, String path, Object body) throws IOException {
        return json(method, path, body, Map.of());
    }

    HttpResponse<String> json(String method, String path, Object body, Map<String, String> headers) throws IOException {
        HttpRequest.Builder request = request(path);
        headers.forEach(request::header);
        if (body != null) {
            request.header("Content-Type", "application/json")
                    .method(method, HttpRequest.BodyPublishers.ofString(Json.write(body)));
        } else {
            request.method(method, HttpRequest.BodyPublishers.noBody());
        }
        return send(request);
    }

    /** Posts an HTML form ({@code application/x-www-form-urlencoded}); redirects are not followed. */
    HttpResponse<String> form(String path, Map<String, String> fields) throws IOException {
        String body = fields.entrySet().stream()
                .map(f -> java.net.URLEncoder.encode(f.getKey(), StandardCharsets.UTF_8) + "="
                        + java.net.URLEncoder.encode(f.getValue(), StandardCharsets.UTF_8))
                .collect(java.util.stream.Collectors.joining("&"));
        return send(request(path).header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(body)));
    }

    /** Uploads one file as the multipart form field {@code file}. */
    HttpResponse<String> upload(String path, String fileName, String contentType, byte[] content) throws IOException {
        String boundary = "demo-" + UUID.randomUUID();
        ByteArrayOutputStream body = new ByteArrayOutputStream();
        body.writeBytes(("--" + boundary + "\r\nContent-Disposition: form-data; name=\"file\"; filename=\"" + fileName
                + "\"\r\nContent-Type: " + contentType + "\r\n\r\n").getBytes(StandardCharsets.UTF_8));
        body.writeBytes(content);
        body.writeBytes(("\r\n--" + boundary + "--\r\n").getBytes(StandardCharsets.UTF_8));
        return send(request(path).header("Content-Type", "multipart/form-data; boundary=" + boundary)
                .POST(HttpRequest.BodyPublishers.ofByteArray(body.toByteArray())));
    }

    /** The id of a created resource, from its body or else from its Location. */
    static Object createdId(HttpResponse<String> created) throws IOException {
        if (!created.body().isBlank()) {
            Object id = Json.parseObject(created.body()).get("id");
            if (id != null) {
                return id;
            }
        }
        String location = created.headers().firstValue("Location")
                .orElseThrow(() -> new IOException("created resource has neither an id nor a Location"));
        return location.substring(location.lastIndexOf('/') + 1);
    }

    /** Finds the first item of a paged list ({@code {items,total}}) whose {@code field} equals {@code value}. */
    Optional<Map<?, ?>> find(String listPath, String field, String value) throws IOException {
        int pageSize = 100;
        String separator = listPath.contains("?") ? "&" : "?";
        for (int offset = 0; offset < 100_000; offset += pageSize) {
            HttpResponse<String> response = json("GET", listPath + separator + "limit=" + pageSize + "&offset=" + offset, null);
            if (response.statusCode() != 200) {
                throw new IOException("listing " + listPath + " failed: " + describe(response));
            }
            Object parsed = Json.parse(response.body());
            Object items = parsed instanceof Map<?, ?> page ? page.get("items") : parsed;
            if (!(items instanceof List<?> list) || list.isEmpty()) {
                return Optional.empty();
            }
            for (Object item : list) {
                if (item instanceof Map<?, ?> entry && value.equalsIgnoreCase(String.valueOf(entry.get(field)))) {
                    return Optional.of(entry);
                }
            }
            if (!(parsed instanceof Map) || list.size() < pageSize) {
                return Optional.empty(); // a plain array is the whole list; a short page is the last
            }
        }
        return Optional.empty();
    }

    static String describe(HttpResponse<String> response) {
        String body = response.body();
        return "HTTP " + response.statusCode() + (body.isBlank() ? "" : " " + body.substring(0, Math.min(300, body.length())));
    }

    private HttpRequest.Builder request(String path) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(gatewayUrl + path))
                .timeout(Duration.ofSeconds(30))
                .header("Accept", "application/json");
        if (accessToken != null) {
            request.header("Authorization", "Bearer " + accessToken);
        }
        return request;
    }

    /**
     * Sends, and when the gateway's rate limit answers 429 waits what its {@code Retry-After} says and sends
     * again (a few times): the demo is loaded in a burst of requests from one address, like any bulk client.
     */
    private HttpResponse<String> send(HttpRequest.Builder request) throws IOException {
        HttpRequest built = request.build();
        try {
            HttpResponse<String> response = http.send(built, HttpResponse.BodyHandlers.ofString());
            for (int retry = 0; response.statusCode() == 429 && retry < MAX_RATE_LIMIT_RETRIES; retry++) {
                long seconds = response.headers().firstValueAsLong("Retry-After").orElse(1);
                Thread.sleep(Duration.ofSeconds(Math.max(1, Math.min(seconds, 10))).toMillis());
                response = http.send(built, HttpResponse.BodyHandlers.ofString());
            }
            return response;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted", e);
        }
    }
}
