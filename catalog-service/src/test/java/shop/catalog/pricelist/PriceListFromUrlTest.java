package shop.catalog.pricelist;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasSize;
import static shop.catalog.supplier.Suppliers.CUSTOMER;
import static shop.catalog.supplier.Suppliers.STAFF;
import static shop.catalog.supplier.Suppliers.category;
import static shop.catalog.supplier.Suppliers.supplier;
import static shop.catalog.supplier.Suppliers.supplierUser;
import static shop.catalog.supplier.Suppliers.unique;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import io.quarkus.test.junit.QuarkusMock;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.ValidatableResponse;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Price lists fetched from a URL, against a local server on 127.0.0.1. The address guard refuses loopback
 * by default (proved here too); the tests that fetch install a guard that allows exactly 127.0.0.1, so
 * every other non-public address (a redirect to 10.0.0.1, "localhost") is still refused.
 */
@QuarkusTest
class PriceListFromUrlTest {
    private static HttpServer server;
    private static String base;
    /** Holds the "never answers" handler until the test is over. */
    private static final CountDownLatch RELEASE = new CountDownLatch(1);

    /** Allows the literal 127.0.0.1 (the local server) and judges everything else as production does. */
    static final class LocalServerGuard extends AddressGuard {
        LocalServerGuard() {
            super(false);
        }

        @Override
        public List<InetAddress> resolve(String host) {
            return host.equals("127.0.0.1") ? new AddressGuard(true).resolve(host) : super.resolve(host);
        }
    }

    @BeforeAll
    static void startServer() throws IOException {
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.setExecutor(java.util.concurrent.Executors.newCachedThreadPool());
        server.start();
        base = "http://127.0.0.1:" + server.getAddress().getPort();
    }

    @AfterAll
    static void stopServer() {
        RELEASE.countDown();
        server.stop(0);
    }

    private static String serve(String path, int status, Map<String, String> headers, byte[] body) {
        server.createContext(path, exchange -> answer(exchange, status, headers, body));
        return base + path;
    }

    private static String serveYaml(String path, String yaml) {
        return serve(path, 200, Map.of("Content-Type", "application/yaml"), yaml.getBytes(StandardCharsets.UTF_8));
    }

    private static void answer(HttpExchange exchange, int status, Map<String, String> headers, byte[] body) throws IOException {
        try (exchange) {
            exchange.getRequestBody().readAllBytes();
            headers.forEach((name, value) -> exchange.getResponseHeaders().set(name, value));
            exchange.sendResponseHeaders(status, body == null ? -1 : body.length);
            if (body != null) {
                try (OutputStream out = exchange.getResponseBody()) {
                    out.write(body);
                }
            }
        }
    }

    private static ValidatableResponse fetch(String token, int supplierId, String url) {
        return given().auth().oauth2(token).contentType(ContentType.JSON).body(Map.of("url", url))
                .when().post("/api/catalog/suppliers/" + supplierId + "/price-lists/from-url").then();
    }

    private static void allowLocalServer() {
        QuarkusMock.installMockForType(new LocalServerGuard(), AddressGuard.class);
    }

    private static ValidatableResponse refusedUrl(ValidatableResponse response) {
        return response.statusCode(400).contentType("application/problem+json").body("errors.field", hasItem("url"));
    }

    @Test
    void loopbackAndPrivateAddressesAreRefusedByDefault() {
        int supplierId = supplier();
        String list = serveYaml("/default-guard.yaml", "shop: x\ncategories: []\ngoods: []\n");
        refusedUrl(fetch(STAFF, supplierId, list))
                .body("detail", containsString("not a public address (127.0.0.1)"));
        refusedUrl(fetch(STAFF, supplierId, list.replace("127.0.0.1", "localhost")));
        refusedUrl(fetch(STAFF, supplierId, list.replace("127.0.0.1", "[::1]")));
        refusedUrl(fetch(STAFF, supplierId, "http://10.0.0.1/list.yaml"));
        refusedUrl(fetch(STAFF, supplierId, "http://169.254.169.254/latest/meta-data/"));
        refusedUrl(fetch(STAFF, supplierId, "http://[::ffff:127.0.0.1]:" + server.getAddress().getPort() + "/x"));
        refusedUrl(fetch(STAFF, supplierId, "http://0.0.0.0:" + server.getAddress().getPort() + "/x"));
    }

    @Test
    void aListAtAUrlIsImportedAsAnUploadWithItsUnknownCategoriesCreated() {
        allowLocalServer();
        String phones = unique("Смартфоны");
        String cases = unique("Аксессуары"); // not in the catalog: created by the import
        int phonesId = category(phones);
        int supplierId = supplier();
        String url = serveYaml("/seed-" + supplierId + ".yaml",
                PriceListTest.seedList(phones.toUpperCase(), cases, "110000", 14));

        int created = fetch(supplierUser(supplierId), supplierId, url).statusCode(200)
                .body("offers", equalTo(3)).body("created", equalTo(3))
                .body("categoriesMapped", hasSize(1))
                .body("categoriesMapped[0].listId", equalTo("224"))
                .body("categoriesMapped[0].categoryId", equalTo(phonesId))
                .body("categoriesMapped[0].categoryName", equalTo(phones))
                .body("categoriesCreated", hasSize(1))
                .body("categoriesCreated[0].listId", equalTo("15"))
                .body("categoriesCreated[0].name", equalTo(cases))
                .extract().path("categoriesCreated[0].categoryId");
        given().when().get("/api/catalog/categories/" + created).then().statusCode(200).body("name", equalTo(cases));
        given().auth().oauth2(STAFF).when().get("/api/catalog/suppliers/" + supplierId + "/price-list").then()
                .statusCode(200).body(containsString("name: " + cases));
        // the same list again: nothing changes, the category created before is now mapped
        fetch(STAFF, supplierId, url).statusCode(200).body("unchanged", equalTo(3))
                .body("categoriesCreated", hasSize(0)).body("categoriesMapped", hasSize(2));
    }

    @Test
    void anInvalidListAtAUrlIsRefusedLikeAnUpload() {
        allowLocalServer();
        int supplierId = supplier();
        String url = serveYaml("/invalid-" + supplierId + ".yaml", "shop: x\ncategories: []\ngoods:\n  - id: 1\n    price: -1\n");
        fetch(STAFF, supplierId, url).statusCode(400).contentType("application/problem+json")
                .body("errors.message", hasItem("line 5: must not be negative"));
    }

    @Test
    void aLargeListAtAUrlRunsAsTheSameJobAndItsReportNamesTheUrl() {
        allowLocalServer();
        String category = unique("Bulk URL");
        int supplierId = supplier();
        StringBuilder yaml = new StringBuilder("shop: bulk\ncategories:\n  - id: 1\n    name: " + category + "\ngoods:\n");
        for (int i = 0; i < 250; i++) { // more than shop.price-lists.async-above (200 in tests)
            yaml.append("  - id: U").append(i).append("\n    category: 1\n    name: Item ").append(i)
                    .append("\n    price: 5\n    quantity: 1\n");
        }
        String url = serveYaml("/bulk-" + supplierId + ".yaml", yaml.toString());
        String location = fetch(supplierUser(supplierId), supplierId, url).statusCode(202)
                .body("type", equalTo("price-list-import")).body("url", equalTo(url)).extract().header("Location");
        await().atMost(Duration.ofSeconds(120)).pollInterval(Duration.ofMillis(500)).until(() ->
                !Set.of("queued", "running").contains(given().auth().oauth2(STAFF).when().get(location)
                        .then().statusCode(200).extract().path("status")));
        given().auth().oauth2(supplierUser(supplierId)).when().get(location).then()
                .body("status", equalTo("succeeded")).body("created", equalTo(250)).body("url", equalTo(url))
                .body("categoriesCreated[0].name", equalTo(category));
    }

    @Test
    void redirectsAreFollowedOnlyToAllowedAddressesAndOnlyAFew() {
        allowLocalServer();
        int supplierId = supplier();
        String target = serveYaml("/target-" + supplierId + ".yaml", "shop: x\ncategories: []\ngoods: []\n");
        String hop = serve("/hop-" + supplierId, 302, Map.of("Location", "/target-" + supplierId + ".yaml"), null);
        fetch(STAFF, supplierId, hop).statusCode(200).body("offers", equalTo(0));

        String toPrivate = serve("/to-private-" + supplierId, 301, Map.of("Location", "http://10.1.2.3/list.yaml"), null);
        refusedUrl(fetch(STAFF, supplierId, toPrivate)).body("detail", containsString("10.1.2.3"));
        String toLocalhost = serve("/to-localhost-" + supplierId, 307,
                Map.of("Location", target.replace("127.0.0.1", "localhost")), null);
        refusedUrl(fetch(STAFF, supplierId, toLocalhost)).body("detail", containsString("not a public address"));
        String toFile = serve("/to-file-" + supplierId, 302, Map.of("Location", "file:///etc/passwd"), null);
        refusedUrl(fetch(STAFF, supplierId, toFile)).body("detail", containsString("http or https"));
        String loop = serve("/loop-" + supplierId, 302, Map.of("Location", "/loop-" + supplierId), null);
        refusedUrl(fetch(STAFF, supplierId, loop)).body("detail", containsString("redirected more than 3 times"));
    }

    @Test
    void whatIsNotAPriceListIsRefused() {
        allowLocalServer();
        int supplierId = supplier();
        refusedUrl(fetch(STAFF, supplierId, serve("/json-" + supplierId, 200, Map.of("Content-Type", "application/json"),
                "{}".getBytes(StandardCharsets.UTF_8)))).body("detail", containsString("application/json"));
        refusedUrl(fetch(STAFF, supplierId, serve("/untyped-" + supplierId, 200, Map.of(), "x".getBytes(StandardCharsets.UTF_8))));
        refusedUrl(fetch(STAFF, supplierId, serve("/missing-" + supplierId, 404, Map.of(), null)))
                .body("detail", containsString("HTTP 404"));
        refusedUrl(fetch(STAFF, supplierId, serve("/cp1251-" + supplierId, 200,
                Map.of("Content-Type", "text/plain; charset=windows-1251"), "x".getBytes(StandardCharsets.UTF_8))));
        // larger than shop.price-lists.max-bytes (1 MiB in tests): announced, and sent without a length
        byte[] big = new byte[1024 * 1024 + 1];
        java.util.Arrays.fill(big, (byte) '#');
        refusedUrl(fetch(STAFF, supplierId, serve("/big-" + supplierId, 200, Map.of("Content-Type", "text/yaml"), big)))
                .body("detail", containsString("larger than 1048576 bytes"));
        server.createContext("/big-chunked-" + supplierId, exchange -> {
            try (exchange) {
                exchange.getResponseHeaders().set("Content-Type", "text/yaml");
                exchange.sendResponseHeaders(200, 0); // chunked: the size is not known up front
                try (OutputStream out = exchange.getResponseBody()) {
                    for (int i = 0; i < 2 * 1024; i++) {
                        out.write(new byte[1024]);
                    }
                } catch (IOException closedByTheClient) {
                    // expected: the service stops reading at the limit
                }
            }
        });
        refusedUrl(fetch(STAFF, supplierId, base + "/big-chunked-" + supplierId))
                .body("detail", containsString("larger than 1048576 bytes"));
        refusedUrl(fetch(STAFF, supplierId, "ftp://127.0.0.1/list.yaml"));
        refusedUrl(fetch(STAFF, supplierId, base.replace("http://", "http://user:pw@") + "/x"));
        given().auth().oauth2(STAFF).contentType(ContentType.JSON).body("{}")
                .when().post("/api/catalog/suppliers/" + supplierId + "/price-lists/from-url").then()
                .statusCode(400).body("errors.field", hasItem("url"));
    }

    @Test
    void aServerThatNeverAnswersIsGivenUpAfterTheTimeLimit() {
        allowLocalServer();
        int supplierId = supplier();
        server.createContext("/silent-" + supplierId, exchange -> {
            try {
                RELEASE.await(5, TimeUnit.MINUTES);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            exchange.close();
        });
        refusedUrl(fetch(STAFF, supplierId, base + "/silent-" + supplierId))
                .body("detail", containsString("not fetched within"));
    }

    @Test
    void onlyTheSuppliersOwnUsersAndStaffFetchItsList() {
        int supplierId = supplier();
        String url = "http://example.org/list.yaml"; // never fetched: access is decided first
        fetch(supplierUser(supplier()), supplierId, url).statusCode(403).contentType("application/problem+json");
        fetch(CUSTOMER, supplierId, url).statusCode(403);
        given().contentType(ContentType.JSON).body(Map.of("url", url))
                .when().post("/api/catalog/suppliers/" + supplierId + "/price-lists/from-url").then().statusCode(401);
        fetch(STAFF, 987654321, url).statusCode(404);
    }
}
