package shop.gateway.routing;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.HashMap;
import java.util.Iterator;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.awaitility.Awaitility;
import org.eclipse.microprofile.config.ConfigProvider;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import shop.gateway.testing.BalancingProfile;

/** catalog-service has two instances (catalog#1, catalog#2 in the stand-ins' echo). */
@QuarkusTest
@TestProfile(BalancingProfile.class)
class BalancingTest {

    @TestHTTPResource("/")
    URI testUrl;

    @AfterEach
    void bothInstancesReady() {
        setReady(1, true);
        awaitBothInRotation();
    }

    @Test
    void requests_are_spread_over_the_instances() {
        awaitBothInRotation();
        Map<String, Integer> answeredBy = answeredBy(20);
        assertEquals(2, answeredBy.size(), answeredBy.toString());
        // idle instances take turns
        answeredBy.values().forEach(count -> assertTrue(count >= 5, answeredBy.toString()));
    }

    @Test
    void an_instance_busy_with_a_request_gets_the_next_ones_less_outstanding_first() throws Exception {
        awaitBothInRotation();
        String id = UUID.randomUUID().toString();
        // held by whichever instance gets it, until released
        CompletableFuture<String> held = CompletableFuture.supplyAsync(() -> given().get("/api/catalog/hold?id=" + id)
                .then().statusCode(200).extract().path("instance"));
        Awaitility.await().atMost(Duration.ofSeconds(30)).until(() -> standIn(0, "/stand-in/hits?id=" + id).equals("1"));

        Map<String, Integer> answeredBy = answeredBy(6);
        assertEquals(1, answeredBy.size(), "all go to the idle instance: " + answeredBy);

        Awaitility.await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> given().baseUri(catalogUrl(1)).basePath("")
                .post("/stand-in/release?id=" + id).then().statusCode(204));
        String busy = held.get(30, TimeUnit.SECONDS);
        assertFalse(answeredBy.containsKey(busy), busy + " was busy: " + answeredBy);
    }

    @Test
    void an_instance_whose_readiness_fails_gets_no_requests_until_it_recovers() {
        awaitBothInRotation();
        setReady(1, false);
        Awaitility.await().atMost(Duration.ofSeconds(30)).untilAsserted(() ->
                assertEquals(Map.of("catalog#1", 10), answeredBy(10)));
        given().get("/q/health").then().statusCode(200)
                .body("checks.find { it.name == 'catalog-service' }.status", equalTo("UP"))
                .body("checks.find { it.name == 'catalog-service' }.data.'catalog-service#1'", equalTo("UP"))
                .body("checks.find { it.name == 'catalog-service' }.data.'catalog-service#2'", equalTo("DOWN"));

        setReady(1, true);
        awaitBothInRotation();
    }

    @Test
    void health_lists_every_instance_without_addresses() {
        awaitBothInRotation();
        Awaitility.await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> {
            String body = given().get("/q/health").then().statusCode(200)
                    .body("status", equalTo("UP"))
                    .body("checks.find { it.name == 'catalog-service' }.status", equalTo("UP"))
                    .body("checks.find { it.name == 'catalog-service' }.data.'catalog-service#1'", equalTo("UP"))
                    .body("checks.find { it.name == 'catalog-service' }.data.'catalog-service#2'", equalTo("UP"))
                    // a service with one instance: as before, no data
                    .body("checks.find { it.name == 'order-service' }.status", equalTo("UP"))
                    .body("checks.find { it.name == 'order-service' }.data", equalTo(null))
                    .extract().asString();
            assertFalse(body.contains("http://") || body.contains("127.0.0.1"), body);
        });
    }

    @Test
    void when_no_instance_is_ready_they_are_still_asked() {
        setReady(0, false);
        setReady(1, false);
        try {
            Awaitility.await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> given().get("/q/health/ready")
                    .then().statusCode(503).body("checks.find { it.name == 'catalog-service' }.status", equalTo("DOWN")));
            // the services know better than the gateway whether they can answer this request
            given().get("/api/catalog/products").then().statusCode(200).body("service", equalTo("catalog"));
        } finally {
            setReady(0, true);
        }
    }

    @Test
    void uploads_and_event_streams_work_through_either_instance() throws Exception {
        awaitBothInRotation();
        Map<String, Integer> uploadsBy = new HashMap<>();
        byte[] upload = new byte[200_000];
        for (int i = 0; i < 4; i++) {
            String instance = given().contentType("application/octet-stream").body(upload)
                    .post("/api/catalog/product-images").then().statusCode(200)
                    .body("bodyLength", equalTo(upload.length)).extract().path("instance");
            uploadsBy.merge(instance, 1, Integer::sum);
        }
        assertEquals(2, uploadsBy.size(), uploadsBy.toString());

        // two streams at once: one on each instance; each released through the gateway (whichever instance)
        URI gateway = URI.create("http://127.0.0.1:" + testUrl.getPort() + "/");
        HttpClient http = HttpClient.newHttpClient();
        for (int i = 0; i < 2; i++) {
            String id = UUID.randomUUID().toString();
            HttpResponse<Stream<String>> response = http.send(HttpRequest.newBuilder(
                            gateway.resolve("/api/catalog/x/events?id=" + id))
                    .header("Accept", "text/event-stream").timeout(Duration.ofSeconds(30)).build(),
                    HttpResponse.BodyHandlers.ofLines());
            assertEquals(200, response.statusCode());
            Iterator<String> lines = response.body().filter(line -> !line.isEmpty()).iterator();
            assertEquals("data: first", CompletableFuture.supplyAsync(lines::next).get(20, TimeUnit.SECONDS));
            given().get("/api/catalog/x/events-release?id=" + id).then().statusCode(204);
            assertEquals("data: second", CompletableFuture.supplyAsync(lines::next).get(20, TimeUnit.SECONDS));
        }
    }

    /** Which instance answered how many of {@code count} requests. */
    private static Map<String, Integer> answeredBy(int count) {
        Map<String, Integer> answeredBy = new HashMap<>();
        for (int i = 0; i < count; i++) {
            String instance = given().get("/api/catalog/products").then().statusCode(200).extract().path("instance");
            answeredBy.merge(instance, 1, Integer::sum);
        }
        return answeredBy;
    }

    private static void awaitBothInRotation() {
        Awaitility.await().atMost(Duration.ofSeconds(30)).untilAsserted(() ->
                assertEquals(2, answeredBy(10).size()));
    }

    /** Tells a catalog stand-in (0-based) to pass or fail its readiness checks from now on. */
    private static void setReady(int instance, boolean ready) {
        given().baseUri(catalogUrl(instance)).basePath("").post("/stand-in/ready?up=" + ready).then().statusCode(204);
    }

    private static String standIn(int instance, String path) {
        return given().baseUri(catalogUrl(instance)).basePath("").get(path).then().statusCode(200).extract().asString();
    }

    /** A catalog stand-in's own address (0-based), not the gateway's. */
    private static String catalogUrl(int instance) {
        return ConfigProvider.getConfig().getValue("shop.services.catalog.url", String.class).split(",")[instance];
    }
}
